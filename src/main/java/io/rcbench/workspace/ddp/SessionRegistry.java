package io.rcbench.workspace.ddp;

import io.rcbench.workspace.metrics.WorkspaceMetrics;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.service.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open DDP sessions and who is connected. A user goes online with their first logged-in session and
 * offline with their last, and each change is announced (user-status, presence). Thread-safe.
 */
public final class SessionRegistry {
    private final Set<DdpSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> sessionsPerUser = new ConcurrentHashMap<>();
    private final Notifier notifier;
    private final WorkspaceMetrics metrics;

    public SessionRegistry(Notifier notifier, WorkspaceMetrics metrics) {
        this.notifier = notifier;
        this.metrics = metrics;
    }

    void opened(DdpSession s) {
        sessions.add(s);
        publish();
    }

    /** Logs a session in as {@code user} (after a successful login method); a previous login is replaced. */
    public void login(DdpSession s, User user, String token) {
        User previous = s.user();
        if (previous != null) {
            logout(s);
        }
        s.setLogin(user, token);
        if (sessionsPerUser.merge(user.id(), 1, Integer::sum) == 1) {
            notifier.userStatus(user, 1);
        }
        publish();
    }

    /** Logs a session out; it stays connected as anonymous, as on the monolith. */
    public void logout(DdpSession s) {
        User user = s.user();
        if (user == null) {
            return;
        }
        s.setLogin(null, null);
        loggedOut(user);
    }

    private void loggedOut(User user) {
        Integer left = sessionsPerUser.computeIfPresent(user.id(), (k, n) -> n <= 1 ? null : n - 1);
        if (left == null) {
            notifier.userStatus(user, 0);
        }
        publish();
    }

    void closed(DdpSession s) {
        if (sessions.remove(s)) {
            User u = s.user();
            if (u != null) {
                loggedOut(u);
            } else {
                publish();
            }
        }
    }

    private void publish() {
        int auth = 0;
        for (DdpSession s : sessions) {
            if (s.user() != null) {
                auth++;
            }
        }
        metrics.sessions(sessions.size(), auth, sessionsPerUser.size());
    }

    public int size() {
        return sessions.size();
    }

    public boolean isOnline(String userId) {
        return sessionsPerUser.containsKey(userId);
    }

    /** A snapshot of the open sessions. */
    public List<DdpSession> snapshot() {
        return new ArrayList<>(sessions);
    }
}
