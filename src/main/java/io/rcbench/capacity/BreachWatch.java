package io.rcbench.capacity;

import io.rcbench.profile.Slos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Decides when a capacity step has clearly failed so it can stop early: a required latency SLO breached by more than
 * {@code factor} times its threshold, in every one of {@code sustainIntervals} consecutive intervals (each with at
 * least {@code minSamples} samples of the metric). A level that far over its SLO for that long will not pass, and
 * the rest of its hold would only load the target for nothing. Fed one interval at a time by the run's sampler
 * thread; not thread-safe.
 */
public final class BreachWatch {
    private record Limit(String metric, double percentile, long thresholdMicros) {
    }

    private final List<Limit> limits = new ArrayList<>();
    private final double factor;
    private final int sustainIntervals;
    private final long minSamples;
    private int consecutive;
    private String last = "";

    public BreachWatch(Slos slos, double factor, int sustainIntervals, long minSamples) {
        slos.latency().values().stream().filter(Slos.LatencySlo::required).forEach(slo -> slo.limits().forEach(l ->
            limits.add(new Limit(slo.metric(), l.percentile(), l.threshold().toNanos() / 1000))));
        this.factor = factor;
        this.sustainIntervals = sustainIntervals;
        this.minSamples = minSamples;
    }

    /** Offers one interval's corrected histograms by metric; true once the breach is sustained. */
    public boolean offer(Map<String, Histogram> interval) {
        String breached = null;
        for (Limit l : limits) {
            Histogram h = interval.get(l.metric());
            if (h != null && h.getTotalCount() >= minSamples
                && h.getValueAtPercentile(l.percentile()) > factor * l.thresholdMicros()) {
                breached = l.metric() + " p" + l.percentile() + " " + h.getValueAtPercentile(l.percentile()) / 1000
                    + " ms > " + factor + " x " + l.thresholdMicros() / 1000 + " ms";
                break;
            }
        }
        consecutive = breached == null ? 0 : consecutive + 1;
        if (breached != null) {
            last = breached;
        }
        return consecutive >= sustainIntervals;
    }

    /** The last breach seen, for the message that stops the step. */
    public String lastBreach() {
        return last;
    }
}
