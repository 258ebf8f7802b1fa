package io.rcbench.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjLongConsumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records latencies per metric name. An action is recorded twice: under its name from the intended start
 * (coordinated-omission corrected: a late start counts as waiting) and under {@code <name>.raw} from the actual
 * start (service time). Recording is wait-free and safe from any thread; {@link #takeIntervals()} is for one
 * sampler thread.
 */
public final class LatencyRecorder {
    /** Suffix of the raw (service time) twin of an action metric. */
    public static final String RAW = ".raw";
    private static final int DIGITS = 3;
    private static final ObjLongConsumer<String> NO_TAP = (metric, micros) -> { };
    private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
    private volatile ObjLongConsumer<String> tap = NO_TAP;

    /** Records a value in microseconds under {@code metric}; names must not contain spaces or commas (log tags). */
    public void record(String metric, long micros) {
        long v = Math.max(0, micros);
        recorders.computeIfAbsent(metric, LatencyRecorder::newRecorder).recordValue(v);
        tap.accept(metric, v);
    }

    /**
     * Also passes every recorded value (metric, µs) to {@code listener}, on the recording thread, after the
     * histogram has it: live views (the injector's /metrics) see exactly the values the interval log gets, with no
     * second measurement of time. One listener; it must be cheap and must not throw. {@code null} removes it.
     */
    public void tap(ObjLongConsumer<String> listener) {
        this.tap = listener == null ? NO_TAP : listener;
    }

    private static Recorder newRecorder(String metric) {
        if (metric.isEmpty() || metric.indexOf(' ') >= 0 || metric.indexOf(',') >= 0) {
            throw new IllegalArgumentException("metric names are log tags: no spaces or commas: '" + metric + "'");
        }
        return new Recorder(DIGITS);
    }

    /**
     * Records an action that was meant to start at {@code intendedNanos}, started at {@code startNanos} and
     * ended at {@code endNanos} (all {@link System#nanoTime()}).
     */
    public void recordAction(String action, long intendedNanos, long startNanos, long endNanos) {
        record(action, (endNanos - Math.min(intendedNanos, startNanos)) / 1000);
        record(action + RAW, (endNanos - startNanos) / 1000);
    }

    /** The histograms recorded since the previous call, by metric, sorted by name. Empty ones are left out. */
    public Map<String, Histogram> takeIntervals() {
        Map<String, Histogram> out = new TreeMap<>();
        recorders.forEach((name, r) -> {
            Histogram h = r.getIntervalHistogram();
            if (h.getTotalCount() > 0) {
                h.setTag(name);
                out.put(name, h);
            }
        });
        return out;
    }
}
