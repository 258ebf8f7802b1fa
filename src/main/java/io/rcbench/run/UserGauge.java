package io.rcbench.run;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many users are in a state now (active, connected), and the most there were at once since the sampler last
 * asked: a timeline point shows who was active during its interval, not only at the instant it was sampled (a
 * sample a few ms after the hold's end would otherwise miss users who were active to its last moment). Virtual
 * users call the counters from their event loops, the sampler {@link #takePeak()}. Thread-safe.
 */
public final class UserGauge {
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    public int incrementAndGet() {
        int n = now.incrementAndGet();
        peak.accumulateAndGet(n, Math::max);
        return n;
    }

    public int decrementAndGet() {
        return now.decrementAndGet();
    }

    public int get() {
        return now.get();
    }

    /** The most users at once since the previous call (at least those now); starts the next interval. */
    public int takePeak() {
        int n = now.get();
        return Math.max(n, peak.getAndSet(n));
    }
}
