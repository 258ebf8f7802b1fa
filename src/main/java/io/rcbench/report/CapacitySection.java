package io.rcbench.report;

import io.rcbench.run.CapacityResult;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The capacity section: knee and ceiling in words, the users-vs-latency curves (p95, p99), the scalability model
 * ({@link ScalabilitySection}) and the step table.
 */
final class CapacitySection {
    private CapacitySection() {
    }

    static String html(CapacityResult r) {
        StringBuilder b = new StringBuilder("<section id=\"capacity\"><h2>Capacity</h2><p>");
        b.append(r.ceilingUsers() == null ? "No step passed: the ceiling is below the first level tried."
            : "Ceiling: <strong>" + Html.count(r.ceilingUsers()) + " active users</strong> (the highest level that held every SLO).");
        b.append(' ').append(r.kneeUsers() == null ? "No knee found in the levels tried."
            : "Knee: <strong>" + Html.count(r.kneeUsers()) + " active users</strong> (latency climbs faster than load beyond it).");
        if (r.profile() != null) {
            b.append(" Judged by profile ").append(Html.esc(r.profile())).append('.');
        }
        b.append("</p><div class=\"charts\">").append(SvgChartWriter.write(CapacityChart.of(r, 95)))
            .append(SvgChartWriter.write(CapacityChart.of(r, 99))).append("</div>");
        b.append(ScalabilitySection.html(r));
        List<CapacityResult.Step> steps = r.steps().stream().sorted(Comparator.comparingInt(CapacityResult.Step::activeUsers)).toList();
        TreeSet<String> names = new TreeSet<>(MetricNames.ORDERING);
        steps.forEach(s -> names.addAll(s.actions().keySet()));
        b.append("<h3>Steps (p95 / p99 ms)</h3><div style=\"overflow-x:auto\"><table><tr><th>active users</th>");
        names.forEach(n -> b.append("<th>").append(Html.esc(n)).append("</th>"));
        b.append("<th>delivery</th><th>actions/s</th><th>errors</th><th></th></tr>");
        for (CapacityResult.Step s : steps) {
            b.append("<tr><td>").append(Html.count(s.activeUsers())).append("</td>");
            for (String n : names) {
                CapacityResult.Latency l = s.actions().get(n);
                b.append("<td>").append(l == null ? "–" : Html.ms(l.p95Ms()) + " / " + Html.ms(l.p99Ms())).append("</td>");
            }
            b.append("<td>").append(s.delivery() == null ? "–" : Html.ms(s.delivery().p95Ms()) + " / " + Html.ms(s.delivery().p99Ms()))
                .append("</td><td>").append(Html.num(s.throughputPerSec(), 1)).append("</td><td>").append(Html.count(s.errors()))
                .append("</td><td><span class=\"badge ").append(s.pass() ? "PASS\">PASS" : "FAIL\">FAIL").append("</span>")
                .append(s.probe() ? " probe" : "").append("</td></tr>");
        }
        return b.append("</table></div></section>").toString();
    }
}
