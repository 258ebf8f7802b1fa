package io.rcbench.report;

import io.rcbench.run.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * A side-by-side report of two runs (A, the baseline, and B): verdicts, key figures, percentiles per metric,
 * throughput per action and errors by reason, each with B's change against A. A change is highlighted when it
 * is larger than {@value #THRESHOLD_PERCENT}% (and, for latencies, {@value #MIN_LATENCY_DELTA_MS} ms over at least
 * {@value #MIN_SAMPLES} samples in both runs): red when B is worse, green when better; user counts are context
 * and never highlighted. Both percentile curves are drawn on one chart per metric. Stateless.
 */
public final class CompareReportWriter {
    static final double THRESHOLD_PERCENT = 10;
    static final double MIN_LATENCY_DELTA_MS = 1;
    /** Latency changes are judged only when both runs have this many samples of the metric. */
    static final long MIN_SAMPLES = 100;
    private static final double[] PERCENTILES = {50, 95, 99, 99.9};
    private static final String A_COLOUR = "#1f77b4";
    private static final String B_COLOUR = "#e6550d";

    private CompareReportWriter() {
    }

    /** Reads both runs and writes the comparison to {@code out}. */
    public static Path write(Path runA, Path runB, Path out) throws IOException {
        String html = html(RunData.read(runA), RunData.read(runB));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, html);
        return out;
    }

    /** Whether B is better, worse or about the same as A, for a figure where {@code higherIsWorse}. */
    enum Change { BETTER, WORSE, SAME }

    static Change change(double a, double b, boolean higherIsWorse, double minAbsDelta) {
        if (Double.isNaN(a) || Double.isNaN(b) || Math.abs(b - a) < minAbsDelta) {
            return Change.SAME;
        }
        double pct = a == 0 ? (b == 0 ? 0 : Double.POSITIVE_INFINITY) : 100 * (b - a) / Math.abs(a);
        if (Math.abs(pct) <= THRESHOLD_PERCENT) {
            return Change.SAME;
        }
        return (pct > 0) == higherIsWorse ? Change.WORSE : Change.BETTER;
    }

    static String html(RunData a, RunData b) {
        StringBuilder h = new StringBuilder(128 * 1024);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>rcbench · ").append(Html.esc(a.runId()))
            .append(" vs ").append(Html.esc(b.runId())).append("</title><style>").append(PageStyle.CSS)
            .append("</style></head><body><header class=\"top\"><h1>Comparison · A ").append(Html.esc(a.runId())).append(" vs B ")
            .append(Html.esc(b.runId())).append("</h1><div class=\"sub\">changes are B against A; highlighted beyond ")
            .append((int) THRESHOLD_PERCENT).append(" %: <span class=\"badge FAIL\">worse</span> <span class=\"badge PASS\">better</span>")
            .append("</div></header><main>");
        verdicts(h, a, b);
        h.append("<section id=\"figures\"><h2>Key figures</h2><table><tr><th></th><th>A</th><th>B</th><th>change</th></tr>");
        row(h, "target", target(a.summary()), target(b.summary()));
        row(h, "profile", String.valueOf(a.summary().profile()), String.valueOf(b.summary().profile()));
        numRow(h, "active users", users(a), users(b), null, 0, 0);
        numRow(h, "actions/s (" + window(a) + " / " + window(b) + ")", OverviewSection.throughput(a), OverviewSection.throughput(b), false, 0.01, 1);
        numRow(h, "error rate %", errorRate(a.summary()), errorRate(b.summary()), true, 0.01, 2);
        numRow(h, "deliveries lost", lost(a.summary()), lost(b.summary()), true, 1, 0);
        numRow(h, "injector CPU max %", cpu(a.summary()), cpu(b.summary()), true, 1, 1);
        h.append("</table></section>");
        percentiles(h, a, b);
        throughput(h, a, b);
        errors(h, a, b);
        charts(h, a, b);
        return h.append("</main></body></html>").toString();
    }

    private static void verdicts(StringBuilder h, RunData a, RunData b) {
        Map<String, String[]> byProfile = new TreeMap<>();
        a.verdicts().forEach(v -> byProfile.computeIfAbsent(v.profile(), k -> new String[2])[0] = v.status());
        b.verdicts().forEach(v -> byProfile.computeIfAbsent(v.profile(), k -> new String[2])[1] = v.status());
        h.append("<section id=\"verdict\"><h2>Verdicts</h2>");
        if (byProfile.isEmpty()) {
            h.append("<p>Neither run has a verdict.</p></section>");
            return;
        }
        h.append("<table><tr><th>profile</th><th>A</th><th>B</th><th>change</th></tr>");
        byProfile.forEach((p, s) -> {
            String change = s[0] == null || s[1] == null || s[0].equals(s[1]) ? "" : s[0] + " → " + s[1];
            String cls = change.isEmpty() ? "" : "PASS".equals(s[1]) ? " class=\"better\"" : " class=\"worse\"";
            h.append("<tr><td>").append(Html.esc(p)).append("</td><td>").append(badge(s[0])).append("</td><td>").append(badge(s[1]))
                .append("</td><td").append(cls).append(">").append(Html.esc(change)).append("</td></tr>");
        });
        h.append("</table></section>");
    }

    private static String badge(String status) {
        return status == null ? "–" : "<span class=\"badge " + VerdictSection.statusClass(status) + "\">" + Html.esc(status) + "</span>";
    }

    private static void percentiles(StringBuilder h, RunData a, RunData b) {
        Map<String, Histogram> ha = OverviewSection.window(a);
        Map<String, Histogram> hb = OverviewSection.window(b);
        TreeSet<String> names = new TreeSet<>(MetricNames.ORDERING);
        names.addAll(ha.keySet());
        names.addAll(hb.keySet());
        h.append("<section id=\"latency\"><h2>Latency (ms, ").append(window(a)).append(" / ").append(window(b))
            .append(")</h2><div style=\"overflow-x:auto\"><table><tr><th rowspan=\"2\">metric</th><th colspan=\"2\" style=\"text-align:center\">count</th>");
        for (double p : PERCENTILES) {
            h.append("<th colspan=\"3\" style=\"text-align:center\">p").append(SvgChartWriter.tick(Chart.Format.NUMBER, p)).append("</th>");
        }
        h.append("</tr><tr><th>A</th><th>B</th>");
        for (int i = 0; i < PERCENTILES.length; i++) {
            h.append("<th>A</th><th>B</th><th>Δ</th>");
        }
        h.append("</tr>");
        for (String n : names) {
            Histogram x = ha.get(n);
            Histogram y = hb.get(n);
            boolean raw = MetricNames.isRaw(n);
            h.append(raw ? "<tr class=\"raw\"><td>raw service time" : "<tr><td>" + Html.esc(n)).append("</td><td>")
                .append(x == null ? "–" : Html.count(x.getTotalCount())).append("</td><td>").append(y == null ? "–" : Html.count(y.getTotalCount()))
                .append("</td>");
            for (double p : PERCENTILES) {
                double va = x == null ? Double.NaN : x.getValueAtPercentile(p) / 1000.0;
                double vb = y == null ? Double.NaN : y.getValueAtPercentile(p) / 1000.0;
                h.append("<td>").append(Html.ms(va)).append("</td><td>").append(Html.ms(vb)).append("</td>");
                // a percentile of a few samples is one sample: shown, not judged
                boolean enough = x != null && y != null && x.getTotalCount() >= MIN_SAMPLES && y.getTotalCount() >= MIN_SAMPLES;
                delta(h, va, vb, enough ? Boolean.TRUE : null, MIN_LATENCY_DELTA_MS);
            }
            h.append("</tr>");
        }
        h.append("</table></div></section>");
    }

    private static void throughput(StringBuilder h, RunData a, RunData b) {
        Map<String, Histogram> ha = OverviewSection.window(a);
        Map<String, Histogram> hb = OverviewSection.window(b);
        TreeSet<String> names = new TreeSet<>(MetricNames.ORDERING);
        ha.keySet().stream().filter(n -> !MetricNames.isRaw(n) && !MetricNames.isReceipt(n)).forEach(names::add);
        hb.keySet().stream().filter(n -> !MetricNames.isRaw(n) && !MetricNames.isReceipt(n)).forEach(names::add);
        h.append("<section id=\"throughput\"><div class=\"cols\"><div><h2>Throughput (completed per second)</h2><table><tr><th>action</th>")
            .append("<th>A</th><th>B</th><th>change</th></tr>");
        for (String n : names) {
            numRow(h, n, perSecond(ha.get(n), a), perSecond(hb.get(n), b), false, 0.01, 2);
        }
        h.append("</table></div>");
    }

    private static void errors(StringBuilder h, RunData a, RunData b) {
        TreeSet<String> reasons = new TreeSet<>();
        if (a.summary().errors() != null) {
            reasons.addAll(a.summary().errors().keySet());
        }
        if (b.summary().errors() != null) {
            reasons.addAll(b.summary().errors().keySet());
        }
        h.append("<div><h2>Errors by reason (whole run)</h2>");
        if (reasons.isEmpty()) {
            h.append("<p>No errors in either run.</p>");
        } else {
            h.append("<table><tr><th>reason</th><th>A</th><th>B</th><th>change</th></tr>");
            for (String r : reasons) {
                numRow(h, r, errorCount(a.summary(), r), errorCount(b.summary(), r), true, 1, 0);
            }
            h.append("</table>");
        }
        h.append("</div></div></section>");
    }

    private static void charts(StringBuilder h, RunData a, RunData b) {
        Map<String, Histogram> ha = OverviewSection.window(a);
        Map<String, Histogram> hb = OverviewSection.window(b);
        TreeSet<String> names = new TreeSet<>(MetricNames.ORDERING);
        ha.keySet().stream().filter(n -> !MetricNames.isRaw(n)).forEach(names::add);
        hb.keySet().stream().filter(n -> !MetricNames.isRaw(n)).forEach(names::add);
        h.append("<section id=\"distribution\"><h2>Latency by percentile (corrected)</h2><div class=\"charts\">");
        for (String n : names) {
            List<Chart.Series> series = new ArrayList<>();
            if (ha.containsKey(n)) {
                series.add(PercentileCharts.series("A " + a.runId(), ha.get(n), A_COLOUR, false));
            }
            if (hb.containsKey(n)) {
                series.add(PercentileCharts.series("B " + b.runId(), hb.get(n), B_COLOUR, true));
            }
            h.append(SvgChartWriter.write(new Chart(n, Chart.Axis.percentile(), Chart.Axis.linear("ms", Chart.Format.NUMBER), series)));
        }
        h.append("</div></section>");
    }

    private static void row(StringBuilder h, String key, String a, String b) {
        h.append("<tr><td>").append(Html.esc(key)).append("</td><td>").append(Html.esc(a)).append("</td><td>").append(Html.esc(b))
            .append("</td><td").append(a.equals(b) ? "" : " class=\"worse\"").append(">").append(a.equals(b) ? "" : "differs")
            .append("</td></tr>");
    }

    /** A numeric row; {@code higherIsWorse} null means the figure is context, never highlighted. */
    private static void numRow(StringBuilder h, String key, double a, double b, Boolean higherIsWorse, double minAbs, int digits) {
        h.append("<tr><td>").append(Html.esc(key)).append("</td><td>").append(Html.num(a, digits)).append("</td><td>")
            .append(Html.num(b, digits)).append("</td>");
        delta(h, a, b, higherIsWorse, minAbs);
        h.append("</tr>");
    }

    private static void delta(StringBuilder h, double a, double b, Boolean higherIsWorse, double minAbs) {
        Change c = higherIsWorse == null ? Change.SAME : change(a, b, higherIsWorse, minAbs);
        String text;
        if (Double.isNaN(a) || Double.isNaN(b)) {
            text = "–";
        } else if (a == 0) {
            text = b == 0 ? "0 %" : "new";
        } else {
            text = String.format(java.util.Locale.ROOT, "%+.1f %%", 100 * (b - a) / Math.abs(a));
        }
        h.append("<td").append(c == Change.WORSE ? " class=\"worse\"" : c == Change.BETTER ? " class=\"better\"" : "").append(">")
            .append(Html.esc(text)).append("</td>");
    }

    private static String window(RunData r) {
        return r.hasHold() ? "hold" : "whole run";
    }

    private static String target(RunSummary s) {
        RunSummary.TargetInfo t = s.target();
        return t == null ? "?" : t.product() + " " + t.version() + ", " + t.cores() + " core(s), " + t.memoryMb() + " MB";
    }

    private static double users(RunData r) {
        return r.summary().phases() == null ? Double.NaN : r.summary().phases().activeUsers();
    }

    private static double errorRate(RunSummary s) {
        long att = 0;
        long fail = 0;
        if (s.actions() != null) {
            for (RunSummary.ActionCounts c : s.actions().values()) {
                att += c.attempted();
                fail += c.failed();
            }
        }
        return att == 0 ? 0 : 100.0 * fail / att;
    }

    private static double lost(RunSummary s) {
        return s.deliveries() == null ? Double.NaN : s.deliveries().lost();
    }

    private static double cpu(RunSummary s) {
        return s.injector() == null ? Double.NaN : s.injector().cpuMaxPercent();
    }

    private static double errorCount(RunSummary s, String reason) {
        return s.errors() == null ? 0 : s.errors().getOrDefault(reason, 0L);
    }

    private static double perSecond(Histogram h, RunData r) {
        return h == null || r.windowMs() <= 0 ? 0 : h.getTotalCount() / (r.windowMs() / 1000.0);
    }
}
