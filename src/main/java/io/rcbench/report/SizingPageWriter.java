package io.rcbench.report;

import io.rcbench.run.ScalabilityModel;
import io.rcbench.run.SizingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sizing page of a multi-envelope run: the answer in sentences, the ceiling by cores (measured dots, the fitted
 * curve and its band), the documented sizing table beside the measured and predicted ceilings with their intervals,
 * binding dimension and margin, extrapolations marked, and the target's memory per run. Reads
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
                .append(" p (p − 1)) active users on p cores, for this profile's mix");
            if (s.bootstrapSamples() > 0) {
                h.append("; dashed: its 95% band over ").append(s.bootstrapSamples()).append(" resamples");
            }
            h.append(".</p>");
        }
        h.append("</section><section id=\"table\"><h2>Documented, measured, predicted</h2><table><tr><th>envelope</th>"
            + "<th>cores</th><th>memory</th><th>documented active users</th><th>measured ceiling</th>"
            + "<th>predicted ceiling [95%]</th><th>binding</th><th>margin vs documented [95%]</th></tr>");
        List<SizingResult.Row> rows = new ArrayList<>(s.table());
        // the envelopes asked about (sizing --envelope) sit under the documented and measured ones
        s.queries().forEach(q -> rows.add(new SizingResult.Row(q.label() + " (asked)", q.cores(), q.memoryMb(), null,
            null, null, q)));
        for (SizingResult.Row r : rows) {
            SizingResult.Prediction p = r.predicted();
            h.append("<tr><td>").append(Html.esc(r.label())).append("</td><td>").append(Html.num(r.cores(), 1))
                .append("</td><td>").append(r.memoryMb() == null ? "–" : r.memoryMb() + " MB")
                .append("</td><td>").append(r.documentedActiveUsers() == null ? "–" : Html.count(r.documentedActiveUsers()))
                .append("</td><td>").append(measured(r))
                .append("</td><td>").append(p == null ? "–" : Html.esc(estimate(p.users(), "%.0f"))
                    + (p.extrapolated() ? " (extrapolated)" : ""))
                .append("</td><td>").append(p == null ? "–" : Html.esc(p.binding()))
                .append("</td><td>").append(p == null || p.marginPercent() == null ? "–"
                    : Html.esc(estimate(p.marginPercent(), "%.0f%%")))
                .append("</td></tr>");
        }
        h.append("</table><p class=\"note\">Documented rows are other profiles' envelopes; their predicted ceiling "
            + "is for <em>this</em> profile's mix and SLOs, not theirs. A measured ceiling [c, f) lies between the "
            + "highest level that held and the lowest that failed above it. The margin is against this profile's "
            + "documented active users.</p>");
        notes(h, s);
        h.append("</section>");
        memory(h, s);
        h.append("<section id=\"runs\"><h2>Runs</h2><ul>");
        s.measured().forEach(m -> h.append("<li>").append(Html.esc(m.envelope().name())).append(": ")
            .append(Html.esc(m.run())).append("</li>"));
        return h.append("</ul></section></main></body></html>").toString();
    }

    /** {@code 14 [14, 16)}: the ceiling and the failure above it. */
    private static String measured(SizingResult.Row r) {
        if (r.measuredCeilingUsers() == null) {
            return "–";
        }
        return Html.count(r.measuredCeilingUsers()) + (r.lowestFailedUsers() == null ? " (no failure above)"
            : " [" + r.measuredCeilingUsers() + ", " + r.lowestFailedUsers() + ")");
    }

    /** The notes of the predictions that have any (extrapolations, assumptions), one line per row. */
    private static void notes(StringBuilder h, SizingResult s) {
        List<SizingResult.Prediction> noted = new ArrayList<>();
        s.table().stream().map(SizingResult.Row::predicted).filter(p -> p != null && !p.note().isEmpty())
            .forEach(noted::add);
        s.queries().stream().filter(p -> !p.note().isEmpty()).forEach(noted::add);
        if (noted.isEmpty()) {
            return;
        }
        h.append("<ul class=\"note\">");
        noted.forEach(p -> h.append("<li>").append(Html.esc(p.label())).append(": ").append(Html.esc(p.note()))
            .append("</li>"));
        h.append("</ul>");
    }

    /** Resident memory per run at its ceiling, and the fitted line. */
    private static void memory(StringBuilder h, SizingResult s) {
        h.append("<section id=\"memory\"><h2>Memory</h2>");
        if (s.measured().stream().allMatch(m -> m.memoryShare() == null)) {
            h.append("<p class=\"note\">Not observed by these runs: the predictions assume memory does not bind.</p>"
                + "</section>");
            return;
        }
        h.append("<table><tr><th>envelope</th><th>memory</th><th>peak resident at the ceiling</th>"
            + "<th>highest share of memory</th><th>set by</th></tr>");
        for (SizingResult.Measured m : s.measured()) {
            h.append("<tr><td>").append(Html.esc(m.envelope().name())).append("</td><td>")
                .append(m.envelope().memoryMb()).append(" MB</td><td>")
                .append(m.peakResidentMb() == null ? "–" : m.peakResidentMb() + " MB").append("</td><td>")
                .append(m.memoryShare() == null ? "–" : Html.num(100 * m.memoryShare(), 0) + "%").append("</td><td>")
                .append(m.binding() == null ? "–" : Html.esc(m.binding())).append("</td></tr>");
        }
        h.append("</table>");
        if (s.memory() != null) {
            h.append("<p class=\"note\">Peak resident memory ≈ ").append(Html.esc(estimate(s.memory().baseMb(), "%.0f")))
                .append(" MB + ").append(Html.esc(estimate(s.memory().mbPerUser(), "%.2f")))
                .append(" MB per active user, least squares over ").append(s.memory().levels()).append(" levels of ")
                .append(s.memory().fromUsers()).append("-").append(s.memory().toUsers())
                .append(" active users. An envelope is bound by memory where this reaches its memory before its cores"
                    + " reach their ceiling.</p>");
        }
        h.append("</section>");
    }

    /** {@code 71 [65, 78]}. */
    private static String estimate(io.rcbench.run.ScalabilityModel.Estimate e, String format) {
        String v = e.value() == null ? "–" : String.format(java.util.Locale.ROOT, format, e.value());
        if (e.low() == null && e.high() == null) {
            return v;
        }
        return v + " [" + (e.low() == null ? "unbounded" : String.format(java.util.Locale.ROOT, format, e.low()))
            + ", " + (e.high() == null ? "unbounded" : String.format(java.util.Locale.ROOT, format, e.high())) + "]";
    }

    /** Measured ceilings as dots; the fitted curve with its band from 1 core to the largest envelope in the table. */
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
        if (!s.band().isEmpty()) {
            double[] bx = s.band().stream().mapToDouble(ScalabilityModel.BandPoint::users).toArray();
            series.add(Chart.Series.line("fit (" + s.fitForm() + ")", bx,
                s.band().stream().mapToDouble(ScalabilityModel.BandPoint::fittedPerSec).toArray(), CapacityChart.MODEL));
            if (s.bootstrapSamples() > 0) {
                series.add(new Chart.Series("95% band, low", bx,
                    s.band().stream().mapToDouble(ScalabilityModel.BandPoint::lowPerSec).toArray(), CapacityChart.MODEL,
                    true, false));
                series.add(new Chart.Series("95% band, high", bx,
                    s.band().stream().mapToDouble(ScalabilityModel.BandPoint::highPerSec).toArray(), CapacityChart.MODEL,
                    true, false));
            }
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
