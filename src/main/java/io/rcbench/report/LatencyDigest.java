package io.rcbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;

/**
 * What the report needs from a run's latency logs: per metric the whole-run and hold-window histograms and, per
 * interval, count, p50, p99 and max. Unlike {@link io.rcbench.metrics.IntervalLog}, which keeps every decoded
 * interval histogram (gigabytes for an hour of one-second intervals of 25 metrics), interval histograms are
 * read as their non-zero buckets ({@link SparseHistogram}), summed and dropped chunk by chunk, in parallel; only
 * the encoded text is held.
 *
 * <p>Shard logs are read side by side; histograms of the same metric whose starts fall in the same interval
 * slot (the first log's interval length) are added before their percentiles are taken. The hold window keeps
 * intervals that start inside [{@code holdFromMs}, {@code holdToMs}), as {@code IntervalLog} does. Immutable
 * once read; do not modify the histograms it returns.
 */
public final class LatencyDigest {
    /** Per-window figures of one metric, in microseconds; times are window ends in ms since the start. */
    public static final class Timeline {
        private long[] endMs = new long[64];
        private long[] count = new long[64];
        private long[] p50 = new long[64];
        private long[] p99 = new long[64];
        private long[] max = new long[64];
        private int size;

        void add(Stat st) {
            if (size == endMs.length) {
                int n = size * 2;
                endMs = Arrays.copyOf(endMs, n);
                count = Arrays.copyOf(count, n);
                p50 = Arrays.copyOf(p50, n);
                p99 = Arrays.copyOf(p99, n);
                max = Arrays.copyOf(max, n);
            }
            endMs[size] = st.endMs();
            count[size] = st.count();
            p50[size] = st.p50();
            p99[size] = st.p99();
            max[size] = st.max();
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
    private final long windowMs;

    private LatencyDigest(Map<String, Histogram> total, Map<String, Histogram> hold, Map<String, Timeline> timelines,
                          long intervalMs, long windowMs) {
        this.windowMs = windowMs;
        this.total = Collections.unmodifiableMap(total);
        this.hold = Collections.unmodifiableMap(hold);
        this.timelines = Collections.unmodifiableMap(timelines);
        this.intervalMs = intervalMs;
    }

    /** Timelines get at most about this many points: finer detail does not fit a chart and only adds noise. */
    public static final int MAX_TIMELINE_POINTS = 360;

    /** Reads shard logs of one run; a log that starts at another time than the first is refused. */
    public static LatencyDigest read(List<Path> files, long holdFromMs, long holdToMs) throws IOException {
        return read(files, holdFromMs, holdToMs, MAX_TIMELINE_POINTS);
    }

    /**
     * As {@link #read(List, long, long)}, with timelines of at most about {@code maxPoints} windows: when the log
     * has more intervals, consecutive intervals are added into windows of whole intervals and each window's
     * percentiles are taken over all its samples.
     */
    public static LatencyDigest read(List<Path> files, long holdFromMs, long holdToMs, int maxPoints) throws IOException {
        List<HlogText.Log> logs = new ArrayList<>();
        for (Path f : files) {
            HlogText.Log log = HlogText.read(f);
            if (!log.lines().isEmpty()) {
                logs.add(log);
            }
        }
        if (logs.isEmpty()) {
            return new LatencyDigest(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), 0, 0);
        }
        long start = logs.get(0).startEpochMs();
        for (HlogText.Log log : logs) {
            if (Math.abs(log.startEpochMs() - start) > 1) {
                throw new IOException(log.file() + " starts at " + log.startEpochMs() + ", not at the run's start " + start
                    + ": it is not a shard of the same run");
            }
        }
        HlogText.Line first = logs.get(0).lines().get(0);
        long slot = Math.max(1, first.endMs() - first.startMs());
        List<List<HlogText.Line>> intervals = slots(logs, slot);
        int perWindow = Math.max(1, (intervals.size() + maxPoints - 1) / maxPoints);
        List<List<HlogText.Line>> slots = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i += perWindow) {
            List<HlogText.Line> window = new ArrayList<>();
            intervals.subList(i, Math.min(intervals.size(), i + perWindow)).forEach(window::addAll);
            slots.add(window);
        }
        int chunks = Math.max(1, Math.min(slots.size(), 8 * Runtime.getRuntime().availableProcessors()));
        // decoding and percentiles dominate: chunks of consecutive slots run in parallel, results merge in order
        List<Chunk> results;
        try {
            results = IntStream.range(0, chunks).parallel()
                .mapToObj(c -> Chunk.of(slots.subList(c * slots.size() / chunks, (c + 1) * slots.size() / chunks), holdFromMs, holdToMs))
                .toList();
        } catch (UncheckedIOException e) {
            // a payload that is not a histogram: the lines parsed, so the file is corrupt inside a line
            throw new IOException((files.size() == 1 ? files.get(0) : files) + ": not a latency log (the file is corrupt): "
                + e.getCause().getMessage(), e.getCause());
        }
        Map<String, Histogram> hold = new TreeMap<>();
        Map<String, Histogram> total = new TreeMap<>();
        Map<String, Timeline> timelines = new TreeMap<>();
        for (Chunk c : results) {
            c.hold.forEach((k, h) -> h.addTo(hold.computeIfAbsent(k, x -> new Histogram(3))));
            c.rest.forEach((k, h) -> h.addTo(total.computeIfAbsent(k, x -> new Histogram(3))));
            for (Stat st : c.stats) {
                timelines.computeIfAbsent(st.metric(), k -> new Timeline()).add(st);
            }
        }
        hold.forEach((k, h) -> total.computeIfAbsent(k, x -> new Histogram(3)).add(h));
        return new LatencyDigest(new TreeMap<>(total), hold, timelines, slot, slot * perWindow);
    }

    /** Groups the lines of all logs by interval slot, in time order. */
    private static List<List<HlogText.Line>> slots(List<HlogText.Log> logs, long slot) {
        List<List<HlogText.Line>> slots = new ArrayList<>();
        int[] pos = new int[logs.size()];
        while (true) {
            long min = Long.MAX_VALUE;
            for (int i = 0; i < logs.size(); i++) {
                if (pos[i] < logs.get(i).lines().size()) {
                    min = Math.min(min, logs.get(i).lines().get(pos[i]).startMs());
                }
            }
            if (min == Long.MAX_VALUE) {
                return slots;
            }
            long index = Math.floorDiv(min, slot);
            List<HlogText.Line> group = new ArrayList<>();
            for (int i = 0; i < logs.size(); i++) {
                List<HlogText.Line> lines = logs.get(i).lines();
                while (pos[i] < lines.size() && Math.floorDiv(lines.get(pos[i]).startMs(), slot) == index) {
                    group.add(lines.get(pos[i]++));
                }
            }
            slots.add(group);
        }
    }

    /** One metric in one window. */
    private record Stat(String metric, long endMs, long count, long p50, long p99, long max) {
    }

    /** The work of one parallel chunk: per-interval figures in order, and hold / non-hold sums per metric. */
    private record Chunk(List<Stat> stats, Map<String, SparseHistogram.Sum> hold, Map<String, SparseHistogram.Sum> rest) {
        static Chunk of(List<List<HlogText.Line>> slots, long holdFromMs, long holdToMs) {
            List<Stat> stats = new ArrayList<>();
            Map<String, SparseHistogram.Sum> hold = new TreeMap<>();
            Map<String, SparseHistogram.Sum> rest = new TreeMap<>();
            Map<String, SparseHistogram> merged = new TreeMap<>();
            Map<String, Long> ends = new TreeMap<>();
            Inflater inflater = new Inflater();
            try {
                for (List<HlogText.Line> slot : slots) {
                    merged.clear();
                    ends.clear();
                    for (HlogText.Line l : slot) {
                        String metric = l.tag() == null ? "untagged" : l.tag();
                        SparseHistogram h = decode(l, inflater);
                        boolean inHold = l.startMs() >= holdFromMs && l.startMs() < holdToMs;
                        (inHold ? hold : rest).computeIfAbsent(metric, k -> new SparseHistogram.Sum()).add(h);
                        merged.merge(metric, h, SparseHistogram::plus);
                        ends.merge(metric, l.endMs(), Math::max);
                    }
                    merged.forEach((metric, h) -> {
                        if (!MetricNames.isRaw(metric)) { // raw twins are in the tables and plots, not the timelines
                            stats.add(new Stat(metric, ends.get(metric), h.total, h.valueAtPercentile(50),
                                h.valueAtPercentile(99), h.maxValue()));
                        }
                    });
                }
            } finally {
                inflater.end();
            }
            return new Chunk(stats, hold, rest);
        }

        private static SparseHistogram decode(HlogText.Line l, Inflater inflater) {
            try {
                SparseHistogram s = SparseHistogram.decode(l.payload(), inflater);
                // another encoding (older format, other precision): HdrHistogram decodes it, we re-bucket
                return s != null ? s : SparseHistogram.of(
                    Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(l.payload())), 0));
            } catch (DataFormatException | RuntimeException e) {
                throw new UncheckedIOException(new IOException("corrupt histogram of " + l.tag() + " at " + l.startMs()
                    + " ms: " + e.getMessage(), e));
            }
        }
    }

    /** Whole-run histogram per metric, sorted by name. */
    public Map<String, Histogram> total() {
        return total;
    }

    /** Hold-window histogram per metric, sorted by name; metrics without hold-window samples are absent. */
    public Map<String, Histogram> hold() {
        return hold;
    }

    /** Per-interval figures per metric, sorted by name; corrected metrics and delivery only, no {@code .raw} twins. */
    public Map<String, Timeline> timelines() {
        return timelines;
    }

    /** The length of a timeline point (ms): a whole number of intervals; 0 when no log had intervals. */
    public long windowMs() {
        return windowMs;
    }

    /** The interval length of the first log (ms), 0 when no log had intervals. */
    public long intervalMs() {
        return intervalMs;
    }
}
