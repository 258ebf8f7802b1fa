package io.rcbench.run;

/**
 * The hold window every figure of a run is judged over, in ms since the run's start: the whole sampler intervals
 * that lie inside the hold ({@code [ramp + warm-up, + hold)}, cut short by a stop). Latency intervals, timeline
 * points and deliveries all use these same bounds, so no figure covers a second more or less than another.
 * Intervals are numbered from the run's start ({@code [k * intervalMs, (k + 1) * intervalMs)}). Immutable.
 */
public record HoldWindow(long startMs, long endMs) {
    public HoldWindow {
        if (endMs < startMs) {
            throw new IllegalArgumentException("a hold window cannot end before it starts");
        }
    }

    /** The whole intervals of {@code intervalMs} inside {@code [rawStartMs, rawEndMs)}; empty when none fits. */
    public static HoldWindow aligned(long rawStartMs, long rawEndMs, long intervalMs) {
        long start = Math.floorDiv(rawStartMs + intervalMs - 1, intervalMs) * intervalMs;
        long end = Math.floorDiv(rawEndMs, intervalMs) * intervalMs;
        return new HoldWindow(start, Math.max(start, end));
    }

    /** True when an instant {@code tMs} after the run's start falls in the window. */
    public boolean contains(long tMs) {
        return tMs >= startMs && tMs < endMs;
    }
}
