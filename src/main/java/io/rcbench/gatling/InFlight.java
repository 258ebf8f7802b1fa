package io.rcbench.gatling;

import io.gatling.javaapi.core.Session;
import java.util.concurrent.CompletableFuture;

/**
 * A virtual user's detached actions still waiting on the target (see {@link StepActionBuilder#detached()}). The user
 * goes on while they wait, as a Meteor client does; before it closes its connection (a reconnect, the end of the run)
 * it lets them finish ({@link RcbenchDsl#settle()}), so a call made before a close is answered rather than cut off:
 * Meteor re-sends unanswered methods after a reconnect, rcbench's client does not. Kept in the session under
 * {@link #KEY}; thread-safe, as an action may complete off the user's event loop.
 */
final class InFlight {
    static final String KEY = "rcb.inFlight";
    private int count;
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);

    /** The session's, or a new one to be stored in the session that goes on. */
    static InFlight of(Session s) {
        InFlight f = s.get(KEY);
        return f == null ? new InFlight() : f;
    }

    synchronized void begin() {
        if (count++ == 0) {
            idle = new CompletableFuture<>();
        }
    }

    void end() {
        CompletableFuture<Void> done = null;
        synchronized (this) {
            if (--count == 0) {
                done = idle;
            }
        }
        if (done != null) {
            done.complete(null);
        }
    }

    /** Completes when no detached action is waiting (at once if none is). */
    synchronized CompletableFuture<Void> idle() {
        return idle;
    }

    synchronized int count() {
        return count;
    }
}
