package io.rcbench.verdict;

import io.rcbench.health.InjectorHealth;
import io.rcbench.profile.InjectorBudget;
import io.rcbench.profile.Profile;
import io.rcbench.profile.Slos;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Judges a measurement against a profile's SLOs and injector budget. Rules, in order:
 * <ol>
 *   <li>Each latency limit is checked on the coordinated-omission-corrected histogram of its metric: the
 *       percentile needs {@link Slos#minSamples} samples, else it is TOO_FEW_SAMPLES (required SLOs) or
 *       NOT_JUDGED; errors (percent of attempted actions, needing at least one attempt) and lost deliveries
 *       are checked as well.</li>
 *   <li>INCONCLUSIVE if the injector was over budget: mean CPU over the window above the limit, a GC pause
 *       longer than the limit, event-loop lag above the limit, or no health recorded at all. A saturated
 *       injector under-offers load and inflates latency, so neither a pass nor a miss can be trusted.</li>
 *   <li>INCONCLUSIVE if the target was not held to the profile's envelope ({@link TargetCheck#inconclusiveReasons}):
 *       a run on other hardware than the claim says nothing about the claim, whatever its SLOs show.</li>
 *   <li>Else FAIL if any SLO was missed (a miss backed by enough samples stands even when others had too few).</li>
 *   <li>Else INCONCLUSIVE if a required SLO had too few samples; else PASS.</li>
 * </ol>
 * Pure and stateless.
 */
public final class VerdictEvaluator {
    private VerdictEvaluator() {
    }

    public static Verdict evaluate(Profile profile, Measurement m) {
        return evaluate(profile.name(), profile.slos(), profile.injector(), m, List.of());
    }

    /** As above, with why the target was not held to the envelope ({@link TargetCheck#inconclusiveReasons}). */
    public static Verdict evaluate(Profile profile, Measurement m, List<String> envelopeReasons) {
        return evaluate(profile.name(), profile.slos(), profile.injector(), m, envelopeReasons);
    }

    public static Verdict evaluate(String profile, Slos slos, InjectorBudget budget, Measurement m) {
        return evaluate(profile, slos, budget, m, List.of());
    }

    public static Verdict evaluate(String profile, Slos slos, InjectorBudget budget, Measurement m,
                                   List<String> envelopeReasons) {
        List<SloResult> results = new ArrayList<>();
        for (Slos.LatencySlo slo : slos.latency().values()) {
            Histogram h = m.histograms().get(slo.metric());
            for (Slos.PercentileLimit limit : slo.limits()) {
                results.add(latency(slo, limit, h, slos.minSamples(limit.percentile())));
            }
        }
        results.add(errors(slos, m.counts()));
        results.add(lostDeliveries(slos, m.counts()));

        List<String> reasons = new ArrayList<>(injectorReasons(budget, m.health()));
        reasons.addAll(envelopeReasons);
        boolean untrusted = !reasons.isEmpty(); // the injector or the hardware, not the target, made the figures
        boolean missed = results.stream().anyMatch(r -> r.outcome() == SloResult.Outcome.MISSED);
        List<String> few = results.stream().filter(r -> r.outcome() == SloResult.Outcome.TOO_FEW_SAMPLES)
            .map(SloResult::text).toList();
        Status status;
        if (untrusted) {
            status = Status.INCONCLUSIVE;
        } else if (missed) {
            status = Status.FAIL;
        } else if (!few.isEmpty()) {
            status = Status.INCONCLUSIVE;
            reasons = new ArrayList<>(few);
        } else {
            status = Status.PASS;
        }
        if (untrusted) {
            reasons = new ArrayList<>(reasons);
            reasons.addAll(few);
        }
        return new Verdict(profile, status, results, reasons);
    }

    private static SloResult latency(Slos.LatencySlo slo, Slos.PercentileLimit limit, Histogram h, long minSamples) {
        String name = slo.metric() + " " + limit.label();
        double thresholdMs = limit.threshold().toNanos() / 1e6;
        long n = h == null ? 0 : h.getTotalCount();
        if (n < minSamples) {
            double v = n == 0 ? Double.NaN : h.getValueAtPercentile(limit.percentile()) / 1000.0;
            var outcome = slo.required() ? SloResult.Outcome.TOO_FEW_SAMPLES : SloResult.Outcome.NOT_JUDGED;
            String text = name + ": " + Format.count(n) + " samples, needs " + Format.count(minSamples)
                + (slo.required() ? "" : " (not judged: optional)")
                + (n == 0 ? "" : "; measured " + Format.millis(v) + " vs " + Format.millis(thresholdMs));
            return new SloResult(name, outcome, v, thresholdMs, "ms", Double.NaN, n, text);
        }
        // HdrHistogram reports the highest value of the percentile's bucket: a value within the histogram's
        // resolution of the threshold counts as at the threshold
        long micros = h.getValueAtPercentile(limit.percentile());
        long thresholdMicros = limit.threshold().toNanos() / 1000;
        if (h.valuesAreEquivalent(micros, thresholdMicros)) {
            micros = Math.min(micros, thresholdMicros);
        }
        double v = micros / 1000.0;
        return compare(name, v, thresholdMs, "ms", n, Format.millis(v), Format.millis(thresholdMs));
    }

    private static SloResult errors(Slos slos, Measurement.Counts c) {
        double max = slos.maxErrorPercent();
        if (c.actionsAttempted() == 0) {
            return new SloResult("errors", SloResult.Outcome.TOO_FEW_SAMPLES, Double.NaN, max, "%", Double.NaN, 0,
                "errors: no actions attempted");
        }
        double pct = 100.0 * c.errors() / c.actionsAttempted();
        SloResult r = compare("errors", pct, max, "%", c.actionsAttempted(), Format.percent(pct), Format.percent(max));
        if (c.errors() == 0) {
            return r;
        }
        String detail = " [" + String.join(", ", c.errorsByReason().entrySet().stream().filter(e -> e.getValue() > 0)
            .map(e -> e.getKey() + " " + Format.count(e.getValue())).toList()) + "]";
        return new SloResult(r.name(), r.outcome(), r.measured(), r.threshold(), r.unit(), r.marginPercent(),
            r.samples(), r.text() + detail);
    }

    private static SloResult lostDeliveries(Slos slos, Measurement.Counts c) {
        long lost = c.deliveriesLost();
        long max = slos.maxLostDeliveries();
        return compare("lost deliveries", lost, max, "count", c.deliveriesExpected(), Format.count(lost), Format.count(max));
    }

    /** Met when {@code value <= threshold}; the margin is relative to the threshold. */
    private static SloResult compare(String name, double value, double threshold, String unit, long samples,
                                     String shownValue, String shownThreshold) {
        double margin = threshold == 0 ? Double.NaN : 100.0 * (value - threshold) / threshold;
        boolean met = value <= threshold;
        String text;
        if (met) {
            text = name + " " + shownValue + " <= " + shownThreshold
                + (Double.isNaN(margin) ? "" : ", " + Format.percent(-margin) + " headroom");
        } else {
            text = name + " " + shownValue + " > " + shownThreshold
                + (Double.isNaN(margin) ? "" : " by " + Format.percent(margin));
        }
        text += " (" + Format.count(samples) + " samples)";
        return new SloResult(name, met ? SloResult.Outcome.MET : SloResult.Outcome.MISSED, value, threshold, unit,
            margin, samples, text);
    }

    private static List<String> injectorReasons(InjectorBudget b, InjectorHealth h) {
        List<String> out = new ArrayList<>();
        if (h == null || h.intervals().isEmpty()) {
            out.add("no injector health recorded over the hold window: the injector cannot be ruled out as the bottleneck");
            return out;
        }
        double cpu = h.meanCpuPercent();
        if (cpu > b.maxCpuPercent()) {
            out.add("injector CPU " + Format.percent(cpu) + " > " + Format.percent(b.maxCpuPercent()) + " (mean over "
                + h.intervals().size() + " intervals, " + h.cores() + " cores)");
        }
        if (h.maxGcPauseMs() > b.maxGcPauseMs()) {
            out.add("injector GC pause " + h.maxGcPauseMs() + " ms > " + b.maxGcPauseMs() + " ms");
        }
        double lagMs = h.maxEventLoopLagMicros() / 1000.0;
        if (lagMs > b.maxEventLoopLagMs()) {
            out.add("injector event-loop lag " + Format.millis(lagMs) + " > " + b.maxEventLoopLagMs() + " ms");
        }
        return out;
    }
}
