package io.rcbench.profile;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What "sustains" means: latency limits per metric (evaluated on coordinated-omission-corrected histograms over
 * the hold window), the error budget, lost deliveries, and how many samples a percentile needs.
 *
 * @param latency           limits by metric name ({@code sendMessage}, {@code delivery}, {@code upload.image}...)
 * @param maxErrorPercent   failed actions, percent of attempted
 * @param maxLostDeliveries deliveries expected and never received
 * @param minTailSamples    samples that must lie beyond a percentile for it to be judged: a percentile p needs
 *                          {@code ceil(minTailSamples / (1 - p))} samples (1: p95 needs 20, p99 100)
 */
public record Slos(Map<String, LatencySlo> latency, double maxErrorPercent, long maxLostDeliveries, int minTailSamples) {
    public Slos {
        latency = Collections.unmodifiableMap(new TreeMap<>(latency));
        FieldException.require(maxErrorPercent >= 0 && maxErrorPercent <= 100, "maxErrorPercent",
            "a percentage between 0 and 100", FieldException.plain(maxErrorPercent));
        FieldException.require(maxLostDeliveries >= 0, "maxLostDeliveries", "an integer >= 0", maxLostDeliveries);
        FieldException.require(minTailSamples >= 1, "minTailSamples", "an integer >= 1", minTailSamples);
    }

    /** Samples needed to judge percentile {@code percentile} (e.g. 99.0). */
    public long minSamples(double percentile) {
        return (long) Math.ceil(minTailSamples * 100.0 / (100.0 - percentile) - 1e-9);
    }

    /**
     * Latency limits of one metric.
     *
     * @param required when false and too few samples stand behind a percentile, the SLO is reported as not judged
     *                 instead of making the verdict INCONCLUSIVE (rare actions in a light mix)
     */
    public record LatencySlo(String metric, List<PercentileLimit> limits, boolean required) {
        public LatencySlo {
            limits = List.copyOf(limits);
            FieldException.require(!limits.isEmpty(), "p95Ms", "at least one percentile limit (p50Ms..p999Ms)", "none");
        }
    }

    /** Percentile {@code percentile} (e.g. 99.0) must not exceed {@code threshold}. */
    public record PercentileLimit(double percentile, Duration threshold) {
        public PercentileLimit {
            FieldException.require(percentile > 0 && percentile < 100, "percentile", "a percentile in (0, 100)",
                FieldException.plain(percentile));
            FieldException.require(!threshold.isNegative() && !threshold.isZero(), label(percentile) + "Ms",
                "a threshold > 0 ms", threshold.toMillis());
        }

        /** {@code p95}, {@code p99}, {@code p99.9}. */
        public String label() {
            return label(percentile);
        }

        static String label(double percentile) {
            return "p" + FieldException.plain(percentile);
        }
    }
}
