package io.rcbench.report;

import io.rcbench.profile.MetricNames;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The report's breakdown of a login and of a room opening into their calls: the whole ({@code login},
 * {@code openRoom}) and each part a client sends, over the whole run (the ramp's login storm is outside the hold
 * window). The parts of a login overlap (the client sends most of them at once), so they do not add up to it. Pure.
 */
final class LoginBreakdown {
    /** The parts of a room opening, in the order the report lists them. */
    private static final List<String> OPEN_PARTS = List.of(MetricNames.SUBSCRIBE_ROOM, MetricNames.LOAD_HISTORY,
        MetricNames.ROOM_ROLES, MetricNames.MEMBERS, MetricNames.COMMANDS, MetricNames.READ);

    private LoginBreakdown() {
    }

    /**
     * The section, or "" for a run recorded before client sequences existed (its {@code login} was the DDP call
     * alone): such a run has none of the names only the sequences record.
     */
    static String html(Map<String, Histogram> wholeRun) {
        if (!wholeRun.containsKey(MetricNames.LOGIN) || !(wholeRun.containsKey(MetricNames.SETTINGS)
            || wholeRun.containsKey(MetricNames.ME) || wholeRun.containsKey(MetricNames.OPEN_ROOM))) {
            return "";
        }
        StringBuilder b = new StringBuilder("<section id=\"login\"><h2>Login and room opening, call by call (whole run)</h2>")
            .append("<table class=\"pct\"><tr><th>call</th><th>count</th><th>p50</th><th>p95</th><th>p99</th><th>max</th></tr>");
        row(b, wholeRun, MetricNames.LOGIN, false);
        MetricNames.LOGIN_PARTS.forEach(p -> row(b, wholeRun, p, true));
        row(b, wholeRun, MetricNames.OPEN_ROOM, false);
        OPEN_PARTS.forEach(p -> row(b, wholeRun, p, true));
        return b.append("</table><p class=\"note\">Milliseconds, corrected. A login runs from the connect until the client")
            .append(" can show its room list; its indented parts are its calls, most sent at once, so they overlap and do")
            .append(" not add up to it. Room opening: its calls (history, roles, read...) are the openRoom row; its stream")
            .append(" subscriptions are subscribeRoom. loadHistory and read also count the other history loads and read")
            .append(" marks of the run.</p></section>").toString();
    }

    private static void row(StringBuilder b, Map<String, Histogram> h, String metric, boolean part) {
        Histogram x = h.get(metric);
        if (x == null) {
            return;
        }
        b.append("<tr><td>").append(part ? "&nbsp;&nbsp;" : "<b>").append(Html.esc(metric)).append(part ? "" : "</b>")
            .append("</td><td>").append(Html.count(x.getTotalCount())).append("</td>");
        for (double p : new double[] {50, 95, 99}) {
            b.append("<td>").append(Html.ms(x.getValueAtPercentile(p) / 1000.0)).append("</td>");
        }
        b.append("<td>").append(Html.ms(x.getMaxValue() / 1000.0)).append("</td></tr>");
    }
}
