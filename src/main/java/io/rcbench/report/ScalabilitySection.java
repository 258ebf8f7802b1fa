package io.rcbench.report;

import io.rcbench.run.CapacityResult;
import io.rcbench.run.ScalabilityModel;
import io.rcbench.run.ScalabilityModel.Estimate;
import java.util.Locale;

/**
 * The scalability model inside the capacity section: throughput by users with the fitted curve and its band,
 * sigma and kappa in words, the documented limit beside the measured ceiling and the model's prediction, the
 * model's warnings and its residuals. Reads the model from {@code capacity.json}; never refits. Stateless.
 */
final class ScalabilitySection {
    /** Below this kappa the fit shows no coherency cost worth a sentence. */
    static final double NEGLIGIBLE_KAPPA = 1e-9;

    private ScalabilitySection() {
    }

    static String html(CapacityResult r) {
        StringBuilder b = new StringBuilder("<h3 id=\"scalability\">Scalability model</h3>");
        ScalabilityModel m = r.model();
        if (m == null) {
            return b.append("<p class=\"note\">No model: fewer than three distinct loads completed any action, or "
                + "capacity.json was written before rcbench fitted one.</p>").toString();
        }
        b.append("<p>The Universal Scalability Law, X(N) = λN / (1 + σ(N − 1) + κN(N − 1)), fitted to every step's "
            + "completions per second of ").append(Html.esc(m.throughputOf())).append(" by least squares (R² ").append(Html.num(m.rSquared(), 3)).append("); intervals are "
            + "95% bootstrap ranges over the steps (").append(m.bootstrapSamples()).append(" resamples, seed ")
            .append(m.seed()).append(").</p><ul><li>").append(sigmaWords(m)).append("</li><li>").append(kappaWords(m))
            .append("</li><li>λ = ").append(estimate(m.lambda(), 3)).append(' ').append(Html.esc(m.unit()))
            .append(" per user with no contention.");
        if (m.concurrencyAtPeak() != null) {
            b.append("</li><li>At its peak the target completes ").append(estimate(m.peakThroughputPerSec(), 1))
                .append(' ').append(Html.esc(m.unit())).append("; with the measured service time of ").append(Html.ms(m.serviceTimeMs()))
                .append(" ms, Little's law puts about ").append(Html.num(m.concurrencyAtPeak(), 1))
                .append(" actions in service at once.");
        }
        b.append("</li></ul>");
        if (!m.warnings().isEmpty()) {
            b.append("<ul class=\"warnings\">");
            m.warnings().forEach(w -> b.append("<li class=\"warn\"><strong>Warning:</strong> ")
                .append(Html.esc(w.message())).append("</li>"));
            b.append("</ul>");
        }
        b.append("<div class=\"charts\">").append(SvgChartWriter.write(CapacityChart.throughput(r))).append("</div>");
        b.append(sideBySide(r, m));
        b.append("<details><summary>Residuals (").append(m.residuals().size())
            .append(" steps)</summary><table><tr><th>active users</th><th>measured ").append(Html.esc(m.unit()))
            .append("</th><th>model</th><th>residual</th></tr>");
        m.residuals().forEach(x -> b.append("<tr><td>").append(Html.count(x.users())).append("</td><td>")
            .append(Html.num(x.measuredPerSec(), 2)).append("</td><td>").append(Html.num(x.fittedPerSec(), 2))
            .append("</td><td>").append(Html.num(x.measuredPerSec() - x.fittedPerSec(), 2)).append("</td></tr>"));
        return b.append("</table></details>").toString();
    }

    /** Documented limit, measured knee and ceiling, and the model's loads, in one table. */
    private static String sideBySide(CapacityResult r, ScalabilityModel m) {
        StringBuilder b = new StringBuilder("<table class=\"side-by-side\"><tr><th></th><th>active users</th><th>")
            .append(Html.esc(m.unit())).append("</th></tr>");
        row(b, "documented (profile)", r.documentedActiveUsers() == null ? "–" : Html.count(r.documentedActiveUsers()), "–");
        row(b, "measured knee (p95 doubles)", r.kneeUsers() == null ? "not found" : Html.count(r.kneeUsers()),
            r.kneeUsers() == null ? "–" : Html.num(throughputAt(r, m, r.kneeUsers()), 1));
        row(b, "measured ceiling (every SLO held)", r.ceilingUsers() == null ? "none" : Html.count(r.ceilingUsers()),
            r.ceilingUsers() == null ? "–" : Html.num(throughputAt(r, m, r.ceilingUsers()), 1));
        row(b, "measured peak", "–", Html.num(m.measuredPeak(r), 1));
        row(b, "model: latency climbs from", estimate(m.climbUsers(), 0), "–");
        row(b, "model: peak", m.peakUsers().value() == null ? "none (levels off)" : estimate(m.peakUsers(), 0),
            estimate(m.peakThroughputPerSec(), 1));
        return b.append("</table>").toString();
    }

    private static void row(StringBuilder b, String what, String users, String perSec) {
        b.append("<tr><td>").append(Html.esc(what)).append("</td><td>").append(users).append("</td><td>")
            .append(perSec).append("</td></tr>");
    }

    private static double throughputAt(CapacityResult r, ScalabilityModel m, int users) {
        return r.steps().stream().filter(s -> s.activeUsers() == users)
            .mapToDouble(m::measured).average().orElse(Double.NaN);
    }

    /** "σ = 0.10 [0.08, 0.12]: about 10% of the work serialises ...". */
    static String sigmaWords(ScalabilityModel m) {
        double s = m.usl().sigma();
        return "σ = " + estimate(m.sigma(), 3) + ": about " + percent(s) + " of the work serialises: it waits its "
            + "turn for something one request holds at a time (a lock, a single thread, a connection), which caps "
            + "throughput near λ/σ however many users come.";
    }

    /** "κ = ...: every pair of active users adds ...%" or, when negligible, that there is no sign of crosstalk. */
    static String kappaWords(ScalabilityModel m) {
        double k = m.usl().kappa();
        if (k < NEGLIGIBLE_KAPPA) {
            return "κ ≈ 0 (" + estimate(m.kappa(), 3) + "): no sign of crosstalk in the levels measured; throughput "
                + "levels off rather than falls.";
        }
        return "κ = " + estimate(m.kappa(), 3) + ": every pair of active users adds " + percent(k) + " of a "
            + "request's work to keep shared state consistent (crosstalk); past the peak"
            + (m.peakUsers().value() == null ? "" : " near " + Html.count(Math.round(m.peakUsers().value())) + " users")
            + ", more users lower throughput.";
    }

    /** A share in percent with two significant figures ({@code 10%}, {@code 0.05%}). */
    static String percent(double share) {
        return new java.math.BigDecimal(100 * share).round(new java.math.MathContext(2)).stripTrailingZeros()
            .toPlainString() + "%";
    }

    /** {@code value [low, high]} in significant figures (digits = 0 rounds to whole users). */
    static String estimate(Estimate e, int digits) {
        String v = e.value() == null ? "none" : fmt(e.value(), digits);
        if (e.low() == null && e.high() == null) {
            return v;
        }
        return v + " <span class=\"interval\">[" + (e.low() == null ? "unbounded" : fmt(e.low(), digits)) + ", "
            + (e.high() == null ? "unbounded" : fmt(e.high(), digits)) + "]</span>";
    }

    private static String fmt(double v, int digits) {
        if (digits == 0) {
            return Html.count(Math.round(v));
        }
        if (v != 0 && Math.abs(v) < 0.01) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(Math.max(digits, 2))).stripTrailingZeros()
            .toPlainString();
    }
}
