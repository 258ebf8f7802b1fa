package io.rcbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * What the report needs from a run's latency logs, read in one streaming pass: per metric the whole-run and
 * hold-window histograms and, per interval, count, p50, p99 and max. Unlike
 * {@link io.rcbench.metrics.IntervalLog}, which keeps every interval histogram, only one interval is held at a
 * time, so an hour of one-second intervals for 25 metrics reads in bounded memory.
 *
 * <p>Shard logs are read side by side; histograms of the same metric whose starts fall in the same interval
 * slot (the first log's interval length) are added before their percentiles are taken. The hold window keeps
 * intervals that start inside [{@code holdFromMs}, {@code holdToMs}), as {@code IntervalLog} does. Immutable
 * once read; do not modify the histograms it returns.
 */
public final class LatencyDigest {
    /** Per-interval figures of one metric, in microseconds; times are interval ends in ms since the start. */
    public static final class Timeline {
        private long[] endMs = new long[64];
        private long[] count = new long[64];
        private long[] p50 = new long[64];
        private long[] p99 = new long[64];
        private long[] max = new long[64];
        private int size;

        void add(long end, Histogram h) {
            if (size == endMs.length) {
                int n = size * 2;
                endMs = Arrays.copyOf(endMs, n);
                count = Arrays.copyOf(count, n);
                p50 = Arrays.copyOf(p50, n);
                p99 = Arrays.copyOf(p99, n);
                max = Arrays.copyOf(max, n);
            }
            endMs[size] = end;
            count[size] = h.getTotalCount();
            p50[size] = h.getValueAtPercentile(50);
            p99[size] = h.getValueAtPercentile(99);
            max[size] = h.getMaxValue();
            size++;
        }

        public int size() {
            return size;
        }

        public long endMs(int i) {
            return endMs[i];
        }

        public long count(int i) {
            return count[i];
        }

        public long p50Micros(int i) {
            return p50[i];
        }

        public long p99Micros(int i) {
            return p99[i];
        }

        public long maxMicros(int i) {
            return max[i];
        }
    }

    private final Map<String, Histogram> total;
    private final Map<String, Histogram> hold;
    private final Map<String, Timeline> timelines;
    private final long intervalMs;

    private LatencyDigest(Map<String, Histogram> total, Map<String, Histogram> hold, Map<String, Timeline> timelines,
                          long intervalMs) {
        this.total = Collections.unmodifiableMap(total);
        this.hold = Collections.unmodifiableMap(hold);
        this.timelines = Collections.unmodifiableMap(timelines);
        this.intervalMs = intervalMs;
    }

    /** Reads shard logs of one run; a log that starts at another time than the first is refused. */
    public static LatencyDigest read(List<Path> files, long holdFromMs, long holdToMs) throws IOException {
        List<Cursor> cursors = new ArrayList<>();
        for (Path f : files) {
            Cursor c = new Cursor(f);
            if (c.next != null) {
                cursors.add(c);
            }
        }
        Map<String, Histogram> total = new TreeMap<>();
        Map<String, Histogram> hold = new TreeMap<>();
        Map<String, Timeline> timelines = new TreeMap<>();
        if (cursors.isEmpty()) {
            return new LatencyDigest(total, hold, timelines, 0);
        }
        long start = cursors.get(0).startMs;
        for (Cursor c : cursors) {
            if (Math.abs(c.startMs - start) > 1) {
                throw new IOException(c.file + " starts at " + c.startMs + ", not at the run's start " + start
                    + ": it is not a shard of the same run");
            }
        }
        Histogram first = cursors.get(0).next;
        long slot = Math.max(1, first.getEndTimeStamp() - first.getStartTimeStamp());
        Map<String, Histogram> interval = new TreeMap<>();
        Map<String, Long> intervalEnd = new TreeMap<>();
        while (true) {
            long minStart = Long.MAX_VALUE;
            for (Cursor c : cursors) {
                if (c.next != null) {
                    minStart = Math.min(minStart, c.next.getStartTimeStamp() - start);
                }
            }
            if (minStart == Long.MAX_VALUE) {
                break;
            }
            long slotIndex = Math.floorDiv(minStart, slot);
            interval.clear();
            intervalEnd.clear();
            for (Cursor c : cursors) {
                while (c.next != null && Math.floorDiv(c.next.getStartTimeStamp() - start, slot) == slotIndex) {
                    Histogram h = c.next;
                    long s = h.getStartTimeStamp() - start;
                    String metric = h.getTag() == null ? "untagged" : h.getTag();
                    total.computeIfAbsent(metric, k -> new Histogram(3)).add(h);
                    if (s >= holdFromMs && s < holdToMs) {
                        hold.computeIfAbsent(metric, k -> new Histogram(3)).add(h);
                    }
                    Histogram merged = interval.get(metric);
                    if (merged == null) {
                        interval.put(metric, h);
                    } else {
                        Histogram sum = new Histogram(3);
                        sum.add(merged);
                        sum.add(h);
                        interval.put(metric, sum);
                    }
                    intervalEnd.merge(metric, h.getEndTimeStamp() - start, Math::max);
                    c.advance();
                }
            }
            for (Map.Entry<String, Histogram> e : interval.entrySet()) {
                timelines.computeIfAbsent(e.getKey(), k -> new Timeline()).add(intervalEnd.get(e.getKey()), e.getValue());
            }
        }
        for (Cursor c : cursors) {
            c.reader.close();
        }
        return new LatencyDigest(total, hold, timelines, slot);
    }

    /** Whole-run histogram per metric, sorted by name. */
    public Map<String, Histogram> total() {
        return total;
    }

    /** Hold-window histogram per metric, sorted by name; metrics without hold-window samples are absent. */
    public Map<String, Histogram> hold() {
        return hold;
    }

    /** Per-interval figures per metric, sorted by name. */
    public Map<String, Timeline> timelines() {
        return timelines;
    }

    /** The interval length of the first log (ms), 0 when no log had intervals. */
    public long intervalMs() {
        return intervalMs;
    }

    /** One log with its next histogram read ahead. */
    private static final class Cursor {
        final Path file;
        final HistogramLogReader reader;
        final long startMs;
        Histogram next;

        Cursor(Path file) throws IOException {
            this.file = file;
            this.reader = new HistogramLogReader(file.toFile());
            advance();
            this.startMs = (long) (reader.getStartTimeSec() * 1000);
        }

        void advance() {
            EncodableHistogram e = reader.nextIntervalHistogram();
            if (e != null && !(e instanceof Histogram)) {
                throw new IllegalStateException(file + ": expected integer histograms, found " + e.getClass().getSimpleName());
            }
            next = (Histogram) e;
        }
    }
}
