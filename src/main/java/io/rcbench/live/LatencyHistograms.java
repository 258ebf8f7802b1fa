package io.rcbench.live;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import io.rcbench.metrics.LatencyRecorder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code rcbench_latency_seconds}: every value the run's {@link LatencyRecorder} records, in classic Prometheus
 * buckets, labelled by action ({@code sendMessage}, {@code delivery}...), timing ({@code corrected}: from the intended
 * start, {@code raw}: from the actual start, the {@code .raw} twins of the interval log) and the run's phase at the
 * time of recording. Classic buckets, not native ones, so that {@code histogram_quantile} over {@code sum by (le)}
 * aggregates shards on any Prometheus 2.x. Thread-safe; called on the recording threads.
 */
final class LatencyHistograms {
    /**
     * Upper bounds in seconds, chosen for chat: dense from 1 ms to 1 s where method calls and deliveries live and SLOs
     * are set (steps of at most 1.5x up to 0.3 s, 2x beyond), then coarse up to the 30 s of a call timeout.
     */
    static final double[] BOUNDS = {0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.075, 0.1,
        0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 30};
    private static final RunPhase[] PHASES = RunPhase.values();
    private final Histogram histogram;
    private final Supplier<RunPhase> phase;
    /** Data points by recorder tag, one per phase: the hot path does one map lookup and no label allocation. */
    private final Map<String, DistributionDataPoint[]> points = new ConcurrentHashMap<>();

    LatencyHistograms(PrometheusRegistry registry, Labels constLabels, Supplier<RunPhase> phase) {
        this.phase = phase;
        this.histogram = Histogram.builder().name("rcbench_latency_seconds")
            .help("latency of actions (timing=corrected: from the intended start; raw: from the actual start) and of "
                + "deliveries, as recorded into latency.hlog; phase = the run's phase when it was recorded")
            .labelNames("action", "timing", "phase").constLabels(constLabels)
            .classicOnly().classicUpperBounds(BOUNDS).withoutExemplars().register(registry);
    }

    /** A value of the latency recorder: {@code metric} is its tag, {@code micros} the value it recorded. */
    void recorded(String metric, long micros) {
        DistributionDataPoint[] byPhase = points.computeIfAbsent(metric, m -> new DistributionDataPoint[PHASES.length]);
        int p = phase.get().ordinal();
        DistributionDataPoint point = byPhase[p];
        if (point == null) {
            // a phase's series appears when it gets its first value, not before: no empty series per phase.
            // Racing threads may both look it up; the client hands both the same data point.
            point = pointOf(metric, PHASES[p]);
            byPhase[p] = point;
        }
        point.observe(micros / 1e6);
    }

    private DistributionDataPoint pointOf(String metric, RunPhase p) {
        boolean raw = metric.endsWith(LatencyRecorder.RAW);
        String action = raw ? metric.substring(0, metric.length() - LatencyRecorder.RAW.length()) : metric;
        return histogram.labelValues(action, raw ? "raw" : "corrected", p.label());
    }
}
