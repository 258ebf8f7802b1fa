package io.rcbench.report;

import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes {@code reports/index.html}: every run folder under the reports directory, newest first, with its
 * profile, target, users, duration, error rate and verdicts, linking to each run's report. Reads only
 * {@code summary.json} and {@code verdict.json}, so it stays fast with many runs; a folder whose summary cannot
 * be read is listed with the reason. Stateless.
 */
public final class RunIndexWriter {
    public static final String INDEX = "index.html";

    private RunIndexWriter() {
    }

    private record Entry(String dirName, RunSummary summary, List<VerdictView> verdicts, String problem, boolean hasReport) {
    }

    /** Regenerates the index of {@code reportsDir}; returns the file written. */
    public static Path write(Path reportsDir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (Files.isDirectory(reportsDir)) {
            try (Stream<Path> dirs = Files.list(reportsDir)) {
                for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                    if (Files.exists(d.resolve(RunFolder.SUMMARY))) {
                        entries.add(read(d));
                    }
                }
            }
        }
        entries.sort(Comparator.comparingLong((Entry e) -> e.summary() == null ? Long.MIN_VALUE : e.summary().startEpochMs())
            .reversed().thenComparing(Entry::dirName));
        Files.createDirectories(reportsDir);
        Path out = reportsDir.resolve(INDEX);
        Path tmp = reportsDir.resolve(INDEX + ".tmp");
        Files.writeString(tmp, html(entries));
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return out;
    }

    private static Entry read(Path d) {
        String name = d.getFileName().toString();
        try {
            RunSummary s = new RunFolder(d).readSummary();
            List<VerdictView> v = List.of();
            Path vf = d.resolve(RunFolder.VERDICT);
            if (Files.isRegularFile(vf)) {
                v = VerdictView.parse(VerdictView.MAPPER.readTree(vf.toFile()));
            }
            return new Entry(name, s, v, null, Files.exists(d.resolve(RunFolder.REPORT)));
        } catch (IOException | RuntimeException e) {
            return new Entry(name, null, List.of(), "unreadable summary: " + e.getMessage(), false);
        }
    }

    private static String html(List<Entry> entries) {
        StringBuilder b = new StringBuilder(16 * 1024);
        b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>rcbench runs</title><style>")
            .append(PageStyle.CSS).append("</style></head><body><header class=\"top\"><h1>rcbench runs</h1><div class=\"sub\">")
            .append(entries.size()).append(" run(s), newest first</div></header><main><section style=\"overflow-x:auto\"><table class=\"runs\"><tr><th>run</th><th>started (UTC)</th>")
            .append("<th>profile</th><th>target</th><th>active users</th><th>duration</th><th>actions</th><th>error rate</th>")
            .append("<th style=\"text-align:left\">verdict</th></tr>");
        for (Entry e : entries) {
            String href = Html.relativeHref(e.dirName() + "/" + RunFolder.REPORT);
            b.append("<tr><td>").append(e.hasReport() && href != null ? "<a href=\"" + href + "\">" + Html.esc(e.dirName()) + "</a>"
                : Html.esc(e.dirName()));
            if (e.summary() == null) {
                b.append("</td><td colspan=\"8\" class=\"warn\">").append(Html.esc(e.problem())).append("</td></tr>");
                continue;
            }
            RunSummary s = e.summary();
            long attempted = 0;
            long failed = 0;
            if (s.actions() != null) {
                for (RunSummary.ActionCounts a : s.actions().values()) {
                    attempted += a.attempted();
                    failed += a.failed();
                }
            }
            RunSummary.TargetInfo t = s.target();
            b.append(s.interrupted() ? " <span class=\"badge FAIL\">INTERRUPTED</span>" : "").append("</td><td>")
                .append(Html.esc(Instant.ofEpochMilli(s.startEpochMs()).toString().replace('T', ' ').replaceAll("(\\.\\d+)?Z$", "")))
                .append("</td><td>").append(Html.esc(s.profile() == null ? "ad hoc" : s.profile())).append("</td><td>")
                .append(t == null ? "" : Html.esc(t.product() + " " + t.version() + (t.cores() == null ? "" : ", " + t.cores() + " core(s)")
                    + (t.memoryMb() == null ? "" : ", " + t.memoryMb() + " MB")))
                .append("</td><td>").append(s.phases() == null ? "" : Html.count(s.phases().activeUsers())).append("</td><td>")
                .append(Html.clock(Math.max(0, s.endEpochMs() - s.startEpochMs()))).append("</td><td>").append(Html.count(attempted))
                .append("</td><td>").append(Html.num(attempted == 0 ? 0 : 100.0 * failed / attempted, 2)).append(" %</td><td class=\"verdicts-cell\">");
            if (e.verdicts().isEmpty()) {
                b.append("<span class=\"badge NONE\">NO VERDICT</span>");
            }
            for (VerdictView v : e.verdicts()) {
                b.append("<span class=\"badge ").append(VerdictSection.statusClass(v.status())).append("\" title=\"")
                    .append(Html.esc(v.profile())).append("\">").append(Html.esc(v.profile())).append(": ").append(Html.esc(v.status()))
                    .append("</span> ");
            }
            b.append("</td></tr>");
        }
        return b.append("</table></section></main></body></html>").toString();
    }
}
