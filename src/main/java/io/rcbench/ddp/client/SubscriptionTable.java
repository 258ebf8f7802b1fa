package io.rcbench.ddp.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Active subscriptions by id, in the order they were made (the order they are re-sent after a reconnect).
 * Only the client's event loop touches it.
 */
final class SubscriptionTable {
    private final Map<String, Subscription> subs = new LinkedHashMap<>();

    void add(Subscription s) {
        subs.put(s.id(), s);
    }

    boolean remove(Subscription s) {
        return subs.remove(s.id(), s);
    }

    /** Marks {@code id} ready, its frame read from the socket at {@code readNanos}; false when unknown. */
    boolean ready(String id, long readNanos) {
        Subscription s = subs.get(id);
        if (s == null) {
            return false;
        }
        s.markReady(readNanos);
        return true;
    }

    /** The server ended a subscription: it leaves the table; a pending ready fails with the server's error. */
    boolean nosub(String id, JsonNode error) {
        Subscription s = subs.remove(id);
        if (s == null) {
            return false;
        }
        s.markStopped();
        s.ready().completeExceptionally(new SubscriptionException(s.name(), error));
        return true;
    }

    /** Subscriptions not yet sent on connection {@code epoch}. */
    List<Subscription> unsent(int epoch) {
        List<Subscription> out = new ArrayList<>();
        for (Subscription s : subs.values()) {
            if (s.sentEpoch != epoch) {
                out.add(s);
            }
        }
        return out;
    }

    /** Fails the ready futures still pending (the subscriptions stay, to be re-sent after a reconnect). */
    void failPending(Throwable t) {
        for (Subscription s : subs.values()) {
            s.ready().completeExceptionally(t);
        }
    }

    /** Ends every subscription: the client will not reconnect. */
    void clear(Throwable t) {
        for (Subscription s : subs.values()) {
            s.markStopped();
            s.ready().completeExceptionally(t);
        }
        subs.clear();
    }

    int size() {
        return subs.size();
    }
}
