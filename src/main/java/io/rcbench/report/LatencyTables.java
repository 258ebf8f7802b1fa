package io.rcbench.report;

import io.rcbench.run.RunSummary;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The percentile table (with counts, corrected and raw rows) and the per-action and per-reason count tables. */
final class LatencyTables {
    static final double[] PERCENTILES = {50, 90, 95, 99, 99.9, 99.99};

    private LatencyTables() {
    }

    static String percentiles(Map<String, Histogram> histograms) {
        StringBuilder b = new StringBuilder("<table class=\"pct\"><tr><th>metric</th><th>count</th>");
        for (double p : PERCENTILES) {
            b.append("<th>p").append(SvgChartWriter.tick(Chart.Format.NUMBER, p)).append("</th>");
        }
        b.append("<th>max</th></tr>");
        histograms.keySet().stream().sorted(MetricNames.ORDERING).forEach(name -> {
            Histogram h = histograms.get(name);
            boolean raw = MetricNames.isRaw(name);
            b.append(raw ? "<tr class=\"raw\"><td>raw service time" : "<tr><td>" + Html.esc(name)).append("</td><td>")
                .append(Html.count(h.getTotalCount())).append("</td>");
            for (double p : PERCENTILES) {
                b.append("<td>").append(Html.ms(h.getValueAtPercentile(p) / 1000.0)).append("</td>");
            }
            b.append("<td>").append(Html.ms(h.getMaxValue() / 1000.0)).append("</td></tr>");
        });
        return b.append("</table>").toString();
    }

    static String actions(Map<String, RunSummary.ActionCounts> actions) {
        StringBuilder b = new StringBuilder("<table><tr><th>action</th><th>attempted</th><th>ok</th><th>failed</th>"
            + "<th>late</th><th>missed</th><th>error rate</th></tr>");
        if (actions != null) {
            actions.keySet().stream().sorted(MetricNames.ORDERING).forEach(name -> {
                RunSummary.ActionCounts a = actions.get(name);
                double rate = a.attempted() == 0 ? 0 : 100.0 * a.failed() / a.attempted();
                b.append("<tr><td>").append(Html.esc(name)).append("</td><td>").append(Html.count(a.attempted()))
                    .append("</td><td>").append(Html.count(a.ok())).append("</td><td").append(a.failed() > 0 ? " class=\"warn\"" : "")
                    .append(">").append(Html.count(a.failed())).append("</td><td>").append(Html.count(a.late()))
                    .append("</td><td>").append(Html.count(a.missed())).append("</td><td>").append(Html.num(rate, 2))
                    .append(" %</td></tr>");
            });
        }
        return b.append("</table>").toString();
    }

    static String errors(Map<String, Long> errors) {
        if (errors == null || errors.isEmpty()) {
            return "<p>No errors.</p>";
        }
        StringBuilder b = new StringBuilder("<table><tr><th>reason</th><th>count</th></tr>");
        errors.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .forEach(e -> b.append("<tr><td>").append(Html.esc(e.getKey())).append("</td><td>").append(Html.count(e.getValue()))
                .append("</td></tr>"));
        return b.append("</table>").toString();
    }

    /**
     * The injector client's own failures, non-zero counts only, or "" when there were none (or the folder predates
     * them): the first three also count as errors; call timeouts each failed an action; receipts matching no send
     * are other senders' messages (uploads, webhooks, bots, other shards) or late duplicates.
     */
    static String clientFailures(io.rcbench.run.RunSummary.ClientFailures c) {
        if (c == null || c.nonZero().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2>Client failures (whole run)</h2><table><tr><th>what</th><th>count</th></tr>");
        c.nonZero().forEach((k, v) -> b.append("<tr><td>").append(Html.esc(k)).append("</td><td>").append(Html.count(v))
            .append("</td></tr>"));
        return b.append("</table><p class=\"note\">Failures inside rcbench's client. Listener exceptions, malformed frames ")
            .append("and DDP error frames are also counted as errors above and against the error SLO; each call timeout ")
            .append("failed its action.")
            .append(c.unmatchedDeliveries() == 0 ? "" : " Receipts matching no send are not failures: messages no "
                + "simulated send of this injector made (bots' answers, webhook posts, uploads, other injectors' sends).")
            .append("</p>").toString();
    }
}
