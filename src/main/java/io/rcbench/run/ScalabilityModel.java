package io.rcbench.run;

import java.util.List;

/**
 * The Universal Scalability Law fitted to a capacity curve, as written into {@code capacity.json}: the parameters
 * with their bootstrap intervals, what they predict (peak throughput, the load where it peaks, the load where
 * latency starts to climb), how well they fit, and the warnings that say when not to trust them. Computed by
 * {@code io.rcbench.capacity.model.ScalabilityAnalysis}; read by the report, which draws it without refitting.
 *
 * @param throughputOf         whose completions/s were fitted: the knee metric ({@code sendMessage}) or
 *                             {@code all actions}
 * @param usl                  the least-squares fit over every measured step
 * @param lambda               actions/s one user completes with no contention, with its interval
 * @param sigma                contention: the share of the work that serialises, with its interval
 * @param kappa                coherency: the crosstalk cost per pair of users, with its interval
 * @param peakThroughputPerSec the highest throughput the model predicts (the asymptote lambda/sigma when kappa is 0)
 * @param peakUsers            the load where throughput peaks, N* = sqrt((1 - sigma) / kappa); value {@code null}
 *                             when kappa is 0 (throughput levels off instead of falling)
 * @param climbUsers           the load whose offered work fills the target: peak throughput / lambda; beyond it
 *                             queues, and latency, grow (see {@code concurrencyAtPeak})
 * @param serviceTimeMs        the measured service time: median latency of the knee metric at the lowest load, or
 *                             {@code null} when no step measured it
 * @param concurrencyAtPeak    Little's law at the peak: peak throughput x service time, the actions the target works
 *                             on at once when it runs flat out; {@code null} without a service time
 * @param rSquared             1 - residual / total sum of squares of the measured throughput
 * @param residuals            per measured step: measured and fitted throughput
 * @param band                 the fitted curve with its pointwise 95% bootstrap band, for drawing
 * @param bootstrapSamples     resamples that gave a fit (of those drawn)
 * @param seed                 the bootstrap's seed: the same steps give the same intervals
 * @param warnings             reasons to distrust the figures; empty when none
 */
public record ScalabilityModel(String throughputOf, Usl usl, Estimate lambda, Estimate sigma, Estimate kappa,
                               Estimate peakThroughputPerSec, Estimate peakUsers, Estimate climbUsers,
                               Double serviceTimeMs, Double concurrencyAtPeak, double rSquared,
                               List<Residual> residuals, List<BandPoint> band, int bootstrapSamples, long seed,
                               List<Warning> warnings) {
    /** {@link #throughputOf()} when every action's completions were fitted. */
    public static final String ALL_ACTIONS = "all actions";

    public ScalabilityModel {
        residuals = residuals == null ? List.of() : List.copyOf(residuals);
        band = band == null ? List.of() : List.copyOf(band);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** What the model was fitted to at {@code step}: completions/s of {@link #throughputOf()}; NaN if not measured. */
    public double measured(CapacityResult.Step step) {
        return ALL_ACTIONS.equals(throughputOf) ? step.throughputPerSec()
            : step.completedPerSec().getOrDefault(throughputOf, Double.NaN);
    }

    /** The highest {@link #measured} over {@code result}'s steps; 0 without any. */
    public double measuredPeak(CapacityResult result) {
        return result.steps().stream().mapToDouble(this::measured).filter(Double::isFinite).max().orElse(0);
    }

    /** The unit of the fitted throughput: {@code actions/s} or e.g. {@code sendMessage/s}. */
    public String unit() {
        return ALL_ACTIONS.equals(throughputOf) ? "actions/s" : throughputOf + "/s";
    }

    /** True when a warning with {@code code} was raised. */
    public boolean warns(String code) {
        return warnings.stream().anyMatch(w -> w.code().equals(code));
    }

    /**
     * USL parameters: X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1)).
     *
     * @param lambda completed actions/s per user at N = 1, > 0
     * @param sigma  contention, in [0, 1]
     * @param kappa  coherency, >= 0
     */
    public record Usl(double lambda, double sigma, double kappa) {
        public Usl {
            if (!(lambda > 0) || !(sigma >= 0 && sigma <= 1) || !(kappa >= 0) || !Double.isFinite(lambda)
                || !Double.isFinite(kappa)) {
                throw new IllegalArgumentException("USL needs lambda > 0, 0 <= sigma <= 1, kappa >= 0: "
                    + lambda + ", " + sigma + ", " + kappa);
            }
        }

        /** Predicted throughput (actions/s) at {@code users}. */
        public double throughputAt(double users) {
            return lambda * users / (1 + sigma * (users - 1) + kappa * users * (users - 1));
        }

        /** N* = sqrt((1 - sigma) / kappa), at least 1; +infinity when kappa is 0 (no retrograde region). */
        public double peakLoad() {
            return kappa == 0 ? Double.POSITIVE_INFINITY : Math.max(1, Math.sqrt((1 - sigma) / kappa));
        }

        /** X(N*), or the asymptote lambda / sigma when kappa is 0; +infinity when both are 0 (linear). */
        public double peakThroughput() {
            if (kappa > 0) {
                return throughputAt(peakLoad());
            }
            return sigma == 0 ? Double.POSITIVE_INFINITY : lambda / sigma;
        }

        /**
         * The load whose offered work, lambda actions/s per user, equals the peak throughput: by Little's law the
         * work in service then fills all the target can hold at once, and beyond it requests queue.
         */
        public double saturationLoad() {
            return peakThroughput() / lambda;
        }
    }

    /**
     * A figure and its 95% interval (2.5th and 97.5th bootstrap percentiles). {@code null} means none or unbounded:
     * a {@code null} value is "no such point" (e.g. no peak), a {@code null} bound is "unbounded" on that side.
     */
    public record Estimate(Double value, Double low, Double high) {
        /** True when {@code x} lies in [low, high], an unbounded side admitting anything. */
        public boolean contains(double x) {
            return (low == null || x >= low) && (high == null || x <= high);
        }

        /** True when [low, high] shares a point with [{@code from}, {@code to}], an unbounded side reaching anything. */
        public boolean overlaps(double from, double to) {
            return (low == null || low <= to) && (high == null || high >= from);
        }
    }

    /** One measured step against the fit. */
    public record Residual(int users, double measuredPerSec, double fittedPerSec) {
    }

    /** The fitted throughput at {@code users} with its pointwise 95% band. */
    public record BandPoint(double users, double fittedPerSec, double lowPerSec, double highPerSec) {
    }

    /** A reason to distrust the model: a stable {@code code} (see the analysis's constants) and a sentence. */
    public record Warning(String code, String message) {
    }
}
