package io.rcbench.run;

/**
 * The injector's own health over one sampling interval, provided to the {@link RunSampler}: a saturated injector
 * makes latency figures (and so verdicts) untrustworthy.
 */
public interface HealthProbe {
    /** Health since the previous call; called once per interval by the sampler thread. */
    Sample take();

    /** A probe that measures nothing (tests, tools). */
    HealthProbe NONE = () -> new Sample(0, 0, 0, 0);

    /** CPU in percent of all cores; longest and total GC pause, and largest event-loop lag, in ms. */
    record Sample(double cpuPercent, long gcPauseMs, long gcTotalMs, long loopLagMs) {
    }
}
