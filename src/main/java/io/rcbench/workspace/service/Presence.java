package io.rcbench.workspace.service;

import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.User;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is online and with what status, as Rocket.Chat's presence service computes it: the connection state (a
 * logged-in DDP session: online, or away when the client reports idleness) combined with the status the user
 * chose ({@code statusDefault}: online, away, busy or offline, i.e. invisible) and a status message. Every change
 * of the visible status is announced by {@link Notifier#userStatus(User, int, String)}. Held in memory: after a
 * restart everyone is back to "online" with no message (a documented simplification). Thread-safe.
 */
public final class Presence {
    /** The statuses a user may choose, in Rocket.Chat's order of status codes (offline 0 ... busy 3). */
    public static final List<String> STATUSES = List.of("offline", "online", "away", "busy");

    private final Notifier notifier;
    private final Map<String, String> chosen = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final Set<String> connected = ConcurrentHashMap.newKeySet();
    private final Set<String> idle = ConcurrentHashMap.newKeySet();

    public Presence(Notifier notifier) {
        this.notifier = notifier;
    }

    /** The user's first session logged in. */
    public void connected(User user) {
        connected.add(user.id());
        idle.remove(user.id());
        announce(user);
    }

    /** The user's last session logged out or closed. */
    public void disconnected(User user) {
        connected.remove(user.id());
        idle.remove(user.id());
        announce(user);
    }

    /** {@code UserPresence:away} / {@code UserPresence:online}: the client reports the person idle or back. */
    public void setIdle(User user, boolean away) {
        boolean changed = away ? idle.add(user.id()) : idle.remove(user.id());
        if (changed && connected.contains(user.id())) {
            announce(user);
        }
    }

    /**
     * {@code users.setStatus} / {@code UserPresence:setDefaultStatus}: the chosen status (null keeps it) and message
     * (null keeps it). An unknown status is {@code error-invalid-status}.
     */
    public void choose(User user, String status, String text) {
        if (status != null && !STATUSES.contains(status)) {
            throw new MeteorError("error-invalid-status", "Valid status types include online, away, offline, and busy.");
        }
        if (status != null) {
            chosen.put(user.id(), status);
        }
        if (text != null) {
            texts.put(user.id(), text);
        }
        announce(user);
    }

    /** The status others see: offline without a session, else the chosen one (away when idle and chosen online). */
    public String status(String uid) {
        if (!connected.contains(uid)) {
            return "offline";
        }
        String c = chosen.getOrDefault(uid, "online");
        return c.equals("online") && idle.contains(uid) ? "away" : c;
    }

    /** {@code statusConnection}: the connection's own state, whatever the chosen status. */
    public String connectionStatus(String uid) {
        return !connected.contains(uid) ? "offline" : idle.contains(uid) ? "away" : "online";
    }

    public String statusText(String uid) {
        return texts.getOrDefault(uid, "");
    }

    /** The numeric status of the user-status and presence events. */
    public int code(String uid) {
        return STATUSES.indexOf(status(uid));
    }

    /** Forgets a deleted user. */
    public void forget(String uid) {
        chosen.remove(uid);
        texts.remove(uid);
        connected.remove(uid);
        idle.remove(uid);
    }

    private void announce(User user) {
        notifier.userStatus(user, code(user.id()), statusText(user.id()));
    }
}
