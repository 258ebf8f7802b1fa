package io.rcbench.report;

import java.util.List;

/** The verdict banner: one card per profile with its status, reasons and documented limits vs measured. */
final class VerdictSection {
    private VerdictSection() {
    }

    static String html(List<VerdictView> verdicts) {
        StringBuilder b = new StringBuilder("<section id=\"verdict\"><h2>Verdict</h2>");
        if (verdicts.isEmpty()) {
            return b.append("<p><span class=\"badge NONE\">NO VERDICT</span> No profile was evaluated for this run ")
                .append("(no verdict.json): the figures below are measurements only.</p></section>").toString();
        }
        b.append("<div class=\"verdicts\">");
        for (VerdictView v : verdicts) {
            String status = statusClass(v.status());
            b.append("<div class=\"verdict v").append(status).append("\"><h3><span class=\"badge ").append(status).append("\">")
                .append(Html.esc(v.status())).append("</span>profile ").append(Html.esc(v.profile())).append("</h3>");
            if (!v.reasons().isEmpty()) {
                b.append("<ul>");
                v.reasons().forEach(r -> b.append("<li>").append(Html.esc(r)).append("</li>"));
                b.append("</ul>");
            }
            if (!v.slos().isEmpty()) {
                b.append("<table><tr><th>SLO</th><th>documented limit</th><th>measured</th><th>margin</th><th></th></tr>");
                for (VerdictView.SloLine s : v.slos()) {
                    b.append("<tr><td>").append(Html.esc(s.name())).append("</td><td>").append(Html.esc(s.threshold()))
                        .append("</td><td>").append(Html.esc(s.measured())).append("</td><td>").append(Html.esc(s.margin()))
                        .append("</td><td>");
                    if (!s.status().isEmpty()) {
                        b.append("<span class=\"badge ").append(statusClass(s.status())).append("\">").append(Html.esc(s.status())).append("</span>");
                    }
                    b.append("</td></tr>");
                }
                b.append("</table>");
            }
            b.append("</div>");
        }
        return b.append("</div></section>").toString();
    }

    /** A CSS class for a status; anything but PASS/FAIL is shown as INCONCLUSIVE. */
    static String statusClass(String status) {
        return "PASS".equals(status) || "FAIL".equals(status) ? status : "INCONCLUSIVE";
    }
}
