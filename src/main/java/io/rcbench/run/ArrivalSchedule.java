package io.rcbench.run;

import java.util.SplittableRandom;

/**
 * One virtual user's open-model schedule: Poisson arrivals at a fixed rate, each intended start drawn from the
 * previous intended start (never from when the previous action ended), so a slow target cannot slow the schedule
 * down; that is what lets latency be measured from the intended start (coordinated-omission correction).
 * Deterministic for a seed. Not thread-safe: one virtual user owns it.
 */
public final class ArrivalSchedule {
    private final SplittableRandom random;
    private final double meanGapNanos;
    private long nextNanos;

    /**
     * @param ratePerSecond mean arrivals per second, > 0
     * @param firstNanos    when the schedule starts ({@link System#nanoTime()}); the first arrival is one gap later
     */
    public ArrivalSchedule(double ratePerSecond, long firstNanos, long seed) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("arrival rate must be positive: " + ratePerSecond);
        }
        this.random = new SplittableRandom(seed);
        this.meanGapNanos = 1e9 / ratePerSecond;
        this.nextNanos = firstNanos + gap();
    }

    private long gap() {
        return (long) (-Math.log(1 - random.nextDouble()) * meanGapNanos);
    }

    /** The intended start of the next action. */
    public long peekNanos() {
        return nextNanos;
    }

    /** Returns the next intended start and advances the schedule. */
    public long next() {
        long t = nextNanos;
        nextNanos += gap();
        return t;
    }

    /** A uniform draw in [0, 1) from this user's stream (activity choice, sizes), keeping runs deterministic. */
    public double uniform() {
        return random.nextDouble();
    }

    /** Counts and consumes the arrivals intended before {@code endNanos}: what a stopped user never started. */
    public long drainBefore(long endNanos) {
        long n = 0;
        while (nextNanos < endNanos) {
            next();
            n++;
        }
        return n;
    }
}
