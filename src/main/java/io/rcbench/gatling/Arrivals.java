package io.rcbench.gatling;

import io.gatling.javaapi.core.Session;
import io.rcbench.run.ArrivalSchedule;

/**
 * Session keys and helpers for a virtual user's open-model schedule. {@link RcbenchDsl#nextArrival()} waits for
 * the user's next intended start and stores it; the next action measures its latency from it. Actions run without
 * a stored intended start (connect, login) measure from their actual start.
 */
final class Arrivals {
    static final String SCHEDULE = "rcb.schedule";
    static final String INTENDED = "rcb.intended";
    /** The intended start of the action now running, visible to its step. */
    static final String CURRENT = "rcb.current";
    /** When the user's own activity (typing) ended ({@link System#nanoTime()}). */
    static final String USER_BUSY_UNTIL = "rcb.userBusyUntil";

    private Arrivals() {
    }

    static ArrivalSchedule schedule(Session session) {
        ArrivalSchedule s = session.get(SCHEDULE);
        if (s == null) {
            throw new IllegalStateException("no arrival schedule: start it with RcbenchDsl.startArrivals(...) first");
        }
        return s;
    }

    /** The intended start stored for the action about to run, or {@code nowNanos} when there is none. */
    static long takeIntended(Session session, long nowNanos) {
        return session.contains(INTENDED) ? session.getLong(INTENDED) : nowNanos;
    }

    /** The running step's intended start ({@link System#nanoTime()}). */
    static long current(Session session) {
        return session.getLong(CURRENT);
    }

    static Session clearIntended(Session session) {
        return session.contains(INTENDED) ? session.remove(INTENDED) : session;
    }
}
