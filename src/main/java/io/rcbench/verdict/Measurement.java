package io.rcbench.verdict;

import io.rcbench.health.InjectorHealth;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What a run measured over its hold window: latency histograms in microseconds keyed by metric name
 * ({@code sendMessage}, {@code delivery}, {@code upload.image}..., each with a {@code .raw} twin of
 * uncorrected service time), the counts, and the injector's health over the same window. The histograms are
 * read, never modified; the caller must not modify them afterwards either.
 */
public record Measurement(Map<String, Histogram> histograms, Counts counts, InjectorHealth health) {
    public Measurement {
        histograms = Collections.unmodifiableMap(new TreeMap<>(histograms));
    }

    /**
     * Counts over the hold window.
     *
     * @param actionsAttempted   user actions started (every metric but delivery)
     * @param errorsByReason     failed actions by reason (timeout, rate-limited, disconnected, server-error,
     *                           protocol-error...)
     * @param deliveriesExpected messages times the room members who should receive them
     * @param deliveriesReceived of those, received
     * @param deliveriesLost     of those, never received by the end of the run's grace period
     */
    public record Counts(long actionsAttempted, Map<String, Long> errorsByReason, long deliveriesExpected,
                         long deliveriesReceived, long deliveriesLost) {
        public Counts {
            errorsByReason = Collections.unmodifiableMap(new TreeMap<>(errorsByReason));
            if (actionsAttempted < 0 || deliveriesExpected < 0 || deliveriesReceived < 0 || deliveriesLost < 0
                || errorsByReason.values().stream().anyMatch(v -> v < 0)) {
                throw new IllegalArgumentException("counts cannot be negative");
            }
        }

        public long errors() {
            return errorsByReason.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
