package io.rcbench.workspace.ddp;

import io.rcbench.workspace.metrics.WorkspaceMetrics;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.service.Presence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open DDP sessions and who is connected. A user goes online with their first logged-in session and
 * offline with their last; {@link Presence} announces each change (user-status, presence). Thread-safe.
 */
public final class SessionRegistry {
    private final Set<DdpSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> sessionsPerUser = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger authenticated = new java.util.concurrent.atomic.AtomicInteger();
    private final Presence presence;
    private final WorkspaceMetrics metrics;

    public SessionRegistry(Presence presence, WorkspaceMetrics metrics) {
        this.presence = presence;
        this.metrics = metrics;
    }

    void opened(DdpSession s) {
        sessions.add(s);
        publish();
    }

    /**
     * Logs a session in as {@code user} (after a successful login method); a previous login is replaced.
     * A session that closed meanwhile stays out. Login, logout and close are serialised per session.
     */
    public void login(DdpSession s, User user, String token) {
        synchronized (s) {
            if (!sessions.contains(s)) {
                return;
            }
            logout(s);
            s.setLogin(user, token);
            authenticated.incrementAndGet();
            if (sessionsPerUser.merge(user.id(), 1, Integer::sum) == 1) {
                presence.connected(user);
            }
        }
        publish();
    }

    /** Logs a session out; it stays connected as anonymous, as on the monolith. */
    public void logout(DdpSession s) {
        synchronized (s) {
            User user = s.user();
            if (user == null) {
                return;
            }
            s.setLogin(null, null);
            authenticated.decrementAndGet();
            Integer left = sessionsPerUser.computeIfPresent(user.id(), (k, n) -> n <= 1 ? null : n - 1);
            if (left == null) {
                presence.disconnected(user);
            }
        }
        publish();
    }

    void closed(DdpSession s) {
        synchronized (s) {
            if (!sessions.remove(s)) {
                return;
            }
            logout(s);
        }
        publish();
    }

    private void publish() {
        metrics.sessions(sessions.size(), authenticated.get(), sessionsPerUser.size());
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
