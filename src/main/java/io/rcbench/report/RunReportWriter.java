package io.rcbench.report;

import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the capacity report of one run: a single self-contained HTML file (inline CSS and SVG, no script, no
 * external resource) answering "did it hold, where did it break, and why". Percentile tables and distribution
 * plots cover the hold window when the summary names one; timelines show the whole run with the hold window
 * shaded. Stateless.
 */
public final class RunReportWriter {
    private RunReportWriter() {
    }

    /** Reads {@code runDir} and writes its {@code index.html}; returns the file written. */
    public static Path write(Path runDir) throws IOException {
        RunData run = RunData.read(runDir);
        Path out = runDir.resolve(RunFolder.REPORT);
        Path tmp = runDir.resolve(RunFolder.REPORT + ".tmp");
        Files.writeString(tmp, html(run));
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return out;
    }

    /** The files of the run folder the page was built from, for the footer's links. */
    private static List<String> sources(RunData run) {
        List<String> out = new java.util.ArrayList<>();
        out.add(RunFolder.SUMMARY);
        try {
            run.folder().latencyLogs().forEach(p -> out.add(p.getFileName().toString()));
        } catch (IOException e) {
            // listed when readable; the page does not depend on it
        }
        for (String f : List.of(RunFolder.TIMELINE, RunFolder.SERVER_METRICS, RunFolder.VERDICT, io.rcbench.run.CapacityResult.FILE)) {
            if (Files.exists(run.folder().dir().resolve(f))) {
                out.add(f);
            }
        }
        return out;
    }

    /** The page for {@code run}. */
    public static String html(RunData run) {
        RunSummary s = run.summary();
        StringBuilder b = new StringBuilder(256 * 1024);
        b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><meta name=\"viewport\" content=\"width=device-width\">")
            .append("<title>rcbench · ").append(Html.esc(run.runId())).append("</title><style>").append(PageStyle.CSS)
            .append("</style></head><body><header class=\"top\"><h1>Capacity report · ").append(Html.esc(run.runId()))
            .append("</h1><div class=\"sub\">");
        b.append(s.profile() == null ? "ad-hoc run" : "profile " + Html.esc(s.profile()));
        b.append(" · started ").append(Html.esc(Instant.ofEpochMilli(s.startEpochMs()).toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z").replace("Z", " UTC")))
            .append(" · ").append(Html.esc(Html.clock(run.durationMs())));
        if (run.hasHold()) {
            b.append(" · hold ").append(Html.esc(Html.clock(s.phases().holdStartMs()))).append("–")
                .append(Html.esc(Html.clock(s.phases().holdEndMs())));
        }
        if (s.interrupted()) {
            b.append(" · <span class=\"badge FAIL\">INTERRUPTED</span>");
        }
        String gatling = Html.relativeHref(s.gatlingReport());
        b.append(" · ").append(gatling == null ? "no Gatling report" : "<a href=\"" + gatling + "\">Gatling report</a>")
            .append(" · <a href=\"../index.html\">all runs</a></div></header><main>");
        List<String> missing = RunData.missingFiles(run.folder().dir());
        if (!missing.isEmpty()) {
            b.append("<section id=\"missing\"><h2>Incomplete run folder</h2><ul>");
            missing.forEach(m -> b.append("<li>").append(Html.esc(m)).append("</li>"));
            b.append("</ul><p class=\"note\">The sections below show what the folder holds.</p></section>");
        }
        b.append(VerdictSection.html(run.verdicts()));
        b.append(OverviewSection.keyFigures(run));
        b.append(OverviewSection.targetAndInjector(run));
        String window = run.hasHold() ? "hold window" : "whole run";
        b.append("<section id=\"latency\"><h2>Latency (").append(window).append(")</h2>")
            .append(LatencyTables.percentiles(OverviewSection.window(run)))
            .append("<p class=\"note\">Milliseconds. Each action's first row is corrected for coordinated omission (timed from ")
            .append("when it was meant to start); the raw row is service time (timed from when it started). Delivery is the ")
            .append("time from a send to its arrival at another user.</p>");
        b.append("<h3>Distribution</h3><div class=\"charts\">");
        PercentileCharts.of(OverviewSection.window(run), window).forEach(c -> b.append(SvgChartWriter.write(c)));
        b.append("</div></section>");
        b.append(LoginBreakdown.html(run.latency().total()));
        b.append("<section id=\"timeline\"><h2>Over time</h2><div class=\"charts\">");
        for (Chart c : List.of(TimelineCharts.users(run), TimelineCharts.actionsPerSecond(run), TimelineCharts.latency(run, 50),
            TimelineCharts.latency(run, 99), TimelineCharts.errorsPerSecond(run), TimelineCharts.injectorCpu(run),
            TimelineCharts.injectorPauses(run))) {
            b.append(SvgChartWriter.write(c));
        }
        b.append("</div></section>");
        b.append("<section id=\"counts\"><div class=\"cols\"><div><h2>Actions (whole run)</h2>").append(LatencyTables.actions(s.actions()))
            .append("</div><div><h2>Errors by reason (whole run)</h2>").append(LatencyTables.errors(s.errors()))
            .append(LatencyTables.clientFailures(s.client())).append("</div></div></section>");
        b.append("<section id=\"server\"><h2>Server metrics</h2>");
        List<Chart> server = ServerCharts.of(run);
        if (server.isEmpty()) {
            b.append("<p>No server metrics were scraped for this run (server-metrics.jsonl is absent or empty).</p>");
        } else {
            b.append("<div class=\"charts\">");
            server.forEach(c -> b.append(SvgChartWriter.write(c)));
            b.append("</div><p class=\"note\">Scraped from the target's Prometheus endpoint, on the same time axis as the client figures.</p>");
        }
        b.append("</section>");
        run.capacity().ifPresent(c -> b.append(CapacitySection.html(c)));
        // no generation time: the same logs always give the same page
        b.append("</main><footer>rcbench ").append(Html.esc(s.rcbench())).append(" · built from");
        for (String f : sources(run)) {
            b.append(" <a href=\"").append(Html.relativeHref(f)).append("\">").append(Html.esc(f)).append("</a>");
        }
        b.append(" (latency logs: HdrHistogram interval logs, µs)</footer></body></html>");
        return b.toString();
    }
}
