package io.rcbench.run;

/**
 * Estimates this injector's clock offset to the target, NTP-style, from calls whose answer carries the target's
 * time (a sent message's {@code ts}): offset = serverTime - (sent + answered) / 2, uncertain by half the round trip.
 * Keeps the sample with the shortest round trip. Thread-safe.
 */
public final class ClockOffset {
    private double offsetMs = Double.NaN;
    private double uncertaintyMs = Double.POSITIVE_INFINITY;

    /** A call sent at {@code sentEpochMs}, answered at {@code answeredEpochMs}, stamped {@code serverEpochMs}. */
    public synchronized void sample(long sentEpochMs, long answeredEpochMs, long serverEpochMs) {
        double half = (answeredEpochMs - sentEpochMs) / 2.0;
        if (half >= 0 && half < uncertaintyMs) {
            uncertaintyMs = half;
            offsetMs = serverEpochMs - (sentEpochMs + answeredEpochMs) / 2.0;
        }
    }

    /** Target minus injector in ms, or null before any sample. */
    public synchronized Double offsetMs() {
        return Double.isNaN(offsetMs) ? null : offsetMs;
    }

    /** Half the best round trip in ms (the target's timestamps are whole milliseconds: add 0.5), or null. */
    public synchronized Double uncertaintyMs() {
        return Double.isNaN(offsetMs) ? null : uncertaintyMs + 0.5;
    }
}
