package io.rcbench.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * A run's latencies read back from one or more interval logs: whole-run totals per metric and the per-interval
 * timeline, optionally limited to a window (the hold phase). Reading several shard logs adds their histograms,
 * which is exact. Immutable once read.
 */
public final class IntervalLog {
    /** One interval of one metric; times are ms since the run's start. */
    public record Interval(String metric, long startMs, long endMs, Histogram histogram) {
    }

    private final long startEpochMs;
    private final Map<String, Histogram> totals;
    private final List<Interval> intervals;

    private IntervalLog(long startEpochMs, Map<String, Histogram> totals, List<Interval> intervals) {
        this.startEpochMs = startEpochMs;
        this.totals = Collections.unmodifiableMap(totals);
        this.intervals = List.copyOf(intervals);
    }

    /** Reads whole logs. */
    public static IntervalLog read(List<Path> files) throws IOException {
        return read(files, 0, Long.MAX_VALUE);
    }

    /**
     * Reads logs, keeping intervals that start within [{@code fromMs}, {@code toMs}) after the run's start. All
     * files must share the run's start time (shards of one run); a file with another start is refused.
     */
    public static IntervalLog read(List<Path> files, long fromMs, long toMs) throws IOException {
        return read(files, fromMs, toMs, true);
    }

    /**
     * Like {@link #read(List, long, long)} but keeps only the per-metric totals, streaming: memory stays bounded by
     * the metrics, not by the run's length (an hour of one-second intervals from sixteen shards is over a million
     * interval histograms). {@link #intervals()} is then empty.
     */
    public static IntervalLog readTotals(List<Path> files, long fromMs, long toMs) throws IOException {
        return read(files, fromMs, toMs, false);
    }

    private static IntervalLog read(List<Path> files, long fromMs, long toMs, boolean keepIntervals)
        throws IOException {
        Map<String, Histogram> totals = new TreeMap<>();
        List<Interval> intervals = new ArrayList<>();
        long start = -1;
        for (Path f : files) {
            // HistogramLogReader reads through a Scanner, which takes a byte that is not text for the end of the file:
            // the intervals after it would be dropped without a word
            AsciiLogCheck.require(f);
            HistogramLogReader r = new HistogramLogReader(f.toFile());
            EncodableHistogram e;
            long fileStart = -1;
            while ((e = next(r, f)) != null) {
                if (fileStart < 0) {
                    // the header, with the start time, precedes the first interval
                    fileStart = (long) (r.getStartTimeSec() * 1000);
                    if (start < 0) {
                        start = fileStart;
                    } else if (Math.abs(fileStart - start) > 1) {
                        throw new IOException(f + " starts at " + fileStart + ", not at the run's start " + start
                            + ": it is not a shard of the same run");
                    }
                }
                Histogram h = (Histogram) e;
                long s = h.getStartTimeStamp() - fileStart;
                long en = h.getEndTimeStamp() - fileStart;
                if (s < fromMs || s >= toMs) {
                    continue;
                }
                if (keepIntervals) {
                    intervals.add(new Interval(h.getTag(), s, en, h));
                }
                totals.computeIfAbsent(h.getTag(), k -> new Histogram(3)).add(h);
            }
        }
        intervals.sort(java.util.Comparator.comparingLong(Interval::startMs).thenComparing(Interval::metric));
        return new IntervalLog(start, totals, intervals);
    }

    /** The next interval, with a malformed line or histogram reported as an I/O error naming the file. */
    private static EncodableHistogram next(HistogramLogReader r, Path f) throws IOException {
        try {
            return r.nextIntervalHistogram();
        } catch (RuntimeException e) {
            throw new IOException(f + ": not a latency log: a line or histogram does not parse (the file is corrupt): "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    public long startEpochMs() {
        return startEpochMs;
    }

    /** Whole-window histogram per metric; do not modify. */
    public Map<String, Histogram> totals() {
        return totals;
    }

    public List<Interval> intervals() {
        return intervals;
    }
}
