package io.rcbench.capacity.model;

import io.rcbench.run.CapacityResult;
import io.rcbench.run.ScalabilityModel;
import io.rcbench.run.ScalabilityModel.Estimate;
import java.util.Locale;

/** The console lines that state a fitted model: parameters, predictions with their intervals, warnings. Stateless. */
public final class ModelSummary {
    private ModelSummary() {
    }

    /** Lines ending in a newline; {@code result.model()} must not be {@code null}. */
    public static String lines(CapacityResult result) {
        ScalabilityModel m = result.model();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "model (USL on %s, R² %.3f, %d resamples): lambda %s %s per user, sigma %s, "
                + "kappa %s%n", m.throughputOf(), m.rSquared(), m.bootstrapSamples(), estimate(m.lambda(), "%.3g"),
            m.unit(), estimate(m.sigma(), "%.3g"), estimate(m.kappa(), "%.3g")));
        b.append(String.format(Locale.ROOT, "predicted peak: %s %s%s (measured %.1f); latency climbs from %s "
                + "active users%n", estimate(m.peakThroughputPerSec(), "%.1f"), m.unit(),
            m.peakUsers().value() == null ? " (levels off, no retrograde region)"
                : " at " + estimate(m.peakUsers(), "%.0f") + " active users", m.measuredPeak(result),
            estimate(m.climbUsers(), "%.0f")));
        m.warnings().forEach(w -> b.append("model warning: ").append(w.message()).append('\n'));
        return b.toString();
    }

    /** {@code value [low, high]}, "unbounded" for an open side, "none" for no value. */
    public static String estimate(Estimate e, String format) {
        String v = e.value() == null ? "none" : String.format(Locale.ROOT, format, e.value());
        if (e.low() == null && e.high() == null && e.value() != null) {
            return v;
        }
        return v + " [" + (e.low() == null ? "unbounded" : String.format(Locale.ROOT, format, e.low())) + ", "
            + (e.high() == null ? "unbounded" : String.format(Locale.ROOT, format, e.high())) + "]";
    }
}
