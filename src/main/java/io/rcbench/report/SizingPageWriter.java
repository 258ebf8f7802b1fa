package io.rcbench.report;

import io.rcbench.run.SizingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sizing page of a multi-envelope run: the answer in sentences, the ceiling by cores (measured dots, the fitted
 * curve), and the documented sizing table beside the measured and predicted ceilings, extrapolations marked. Reads
 * {@code sizing.json} only and writes {@code index.html} beside it. Stateless.
 */
public final class SizingPageWriter {
    static final String PAGE = "index.html";

    private SizingPageWriter() {
    }

    /** Writes {@code dir/index.html} from {@code dir/sizing.json}; returns the page. */
    public static Path write(Path dir) throws IOException {
        Path out = dir.resolve(PAGE);
        Files.writeString(out, html(SizingResult.read(dir)));
        return out;
    }

    static String html(SizingResult s) {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<link rel=\"icon\" href=\"data:,\"><title>rcbench · sizing · ").append(Html.esc(s.profile()))
            .append("</title><style>").append(PageStyle.CSS).append("</style></head><body><header class=\"top\">"
                + "<h1>Sizing · ").append(Html.esc(s.profile())).append("</h1><div class=\"sub\">")
            .append(s.measured().size()).append(" capacity runs; ceilings are active users within the profile's SLOs"
                + "</div></header><main><section id=\"answer\"><h2>Answer</h2><ul>");
        s.answers().forEach(a -> h.append("<li>").append(Html.esc(a)).append("</li>"));
        h.append("</ul></section><section id=\"ceilings\"><h2>Ceiling by cores</h2><div class=\"charts\">")
            .append(SvgChartWriter.write(chart(s))).append("</div>");
        if (s.fit() != null) {
            h.append("<p class=\"note\">Fit (").append(Html.esc(s.fitForm())).append("): ceiling(p) = ")
                .append(Html.num(s.fit().lambda(), 1)).append(" p / (1 + ").append(Html.num(s.fit().sigma(), 3))
                .append(" (p − 1) + ").append(String.format(java.util.Locale.ROOT, "%.2e", s.fit().kappa()))
                .append(" p (p − 1)) active users on p cores, for this profile's mix.</p>");
        }
        h.append("</section><section id=\"table\"><h2>Documented, measured, predicted</h2><table><tr><th>envelope</th>"
            + "<th>cores</th><th>documented active users</th><th>measured ceiling</th><th>predicted ceiling</th></tr>");
        for (SizingResult.Row r : s.table()) {
            h.append("<tr><td>").append(Html.esc(r.label())).append("</td><td>").append(Html.num(r.cores(), 1))
                .append("</td><td>").append(r.documentedActiveUsers() == null ? "–" : Html.count(r.documentedActiveUsers()))
                .append("</td><td>").append(r.measuredCeilingUsers() == null ? "–" : Html.count(r.measuredCeilingUsers()))
                .append("</td><td>").append(r.predictedCeilingUsers() == null ? "–"
                    : Html.count(Math.round(r.predictedCeilingUsers())) + (r.extrapolated() ? " (extrapolated)" : ""))
                .append("</td></tr>");
        }
        h.append("</table><p class=\"note\">Documented rows are other profiles' envelopes; their predicted ceiling "
            + "is for <em>this</em> profile's mix and SLOs, not theirs.</p></section>");
        h.append("<section id=\"runs\"><h2>Runs</h2><ul>");
        s.measured().forEach(m -> h.append("<li>").append(Html.esc(m.envelope().name())).append(": ")
            .append(Html.esc(m.run())).append("</li>"));
        return h.append("</ul></section></main></body></html>").toString();
    }

    /** Measured ceilings as dots; the fitted curve from 1 core to a little past the largest envelope in the table. */
    static Chart chart(SizingResult s) {
        List<Chart.Series> series = new ArrayList<>();
        List<SizingResult.Measured> held = s.measured().stream().filter(m -> m.ceilingUsers() != null).toList();
        double[] x = new double[2 * held.size()];
        double[] y = new double[2 * held.size()];
        for (int i = 0; i < held.size(); i++) {
            x[2 * i] = held.get(i).envelope().effectiveCores();
            x[2 * i + 1] = x[2 * i];
            y[2 * i] = held.get(i).ceilingUsers();
            y[2 * i + 1] = Double.NaN;
        }
        series.add(new Chart.Series("measured ceiling", x, y, CapacityChart.MEASURED, false, true));
        if (s.fit() != null) {
            double to = Math.max(2, s.table().stream().mapToDouble(SizingResult.Row::cores).max().orElse(2));
            int n = 41;
            double[] fx = new double[n];
            double[] fy = new double[n];
            for (int i = 0; i < n; i++) {
                fx[i] = 1 + (to - 1) * i / (n - 1);
                fy[i] = s.fit().throughputAt(fx[i]);
            }
            series.add(Chart.Series.line("fit (" + s.fitForm() + ")", fx, fy, CapacityChart.MODEL));
        }
        List<Chart.Band> bands = new ArrayList<>();
        if (s.documentedActiveUsers() != null) {
            bands.add(new Chart.Band(s.documentedActiveUsers(), s.documentedActiveUsers(), "documented "
                + s.documentedActiveUsers() + " active users", "none"));
        }
        return new Chart("Ceiling by cores", Chart.Axis.linear("cores", Chart.Format.NUMBER),
            Chart.Axis.linear("active users", Chart.Format.INTEGER), series, List.of(), bands, List.of());
    }
}
