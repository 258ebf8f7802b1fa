package io.rcbench.health;

import java.util.List;

/**
 * What the injector went through, interval by interval. Immutable; summaries are over the intervals held, so
 * {@link #window} the hold phase first.
 */
public record InjectorHealth(int cores, List<Interval> intervals) {
    public InjectorHealth {
        intervals = List.copyOf(intervals);
    }

    /**
     * One sampling interval.
     *
     * @param cpuPercent           process CPU over the interval, percent of all {@code cores} (100 = every core busy)
     * @param gcPauses             stop-the-world collections that ended in the interval
     * @param gcPauseMaxMs         the longest of them
     * @param gcPauseTotalMs       their sum
     * @param eventLoopLagMaxMicros the longest delay of a probe task on any watched event loop (a probe still
     *                             waiting at the interval's end counts with its delay so far)
     */
    public record Interval(long startEpochMs, long endEpochMs, double cpuPercent, int gcPauses, long gcPauseMaxMs,
                           long gcPauseTotalMs, long eventLoopLagMaxMicros) {
        public long durationMs() {
            return Math.max(0, endEpochMs - startEpochMs);
        }
    }

    /** Nothing recorded. */
    public static InjectorHealth empty(int cores) {
        return new InjectorHealth(cores, List.of());
    }

    /** The intervals that start within [{@code fromEpochMs}, {@code toEpochMs}). */
    public InjectorHealth window(long fromEpochMs, long toEpochMs) {
        return new InjectorHealth(cores, intervals.stream()
            .filter(i -> i.startEpochMs() >= fromEpochMs && i.startEpochMs() < toEpochMs).toList());
    }

    /** Mean CPU weighted by interval length; 0 with no intervals. */
    public double meanCpuPercent() {
        long total = intervals.stream().mapToLong(Interval::durationMs).sum();
        if (total == 0) {
            return intervals.stream().mapToDouble(Interval::cpuPercent).average().orElse(0);
        }
        return intervals.stream().mapToDouble(i -> i.cpuPercent() * i.durationMs()).sum() / total;
    }

    public double maxCpuPercent() {
        return intervals.stream().mapToDouble(Interval::cpuPercent).max().orElse(0);
    }

    public long maxGcPauseMs() {
        return intervals.stream().mapToLong(Interval::gcPauseMaxMs).max().orElse(0);
    }

    public long totalGcPauseMs() {
        return intervals.stream().mapToLong(Interval::gcPauseTotalMs).sum();
    }

    public int gcPauses() {
        return intervals.stream().mapToInt(Interval::gcPauses).sum();
    }

    public long maxEventLoopLagMicros() {
        return intervals.stream().mapToLong(Interval::eventLoopLagMaxMicros).max().orElse(0);
    }
}
