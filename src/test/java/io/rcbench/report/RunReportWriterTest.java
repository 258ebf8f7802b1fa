package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rcbench.metrics.IntervalLog;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden-ish checks of the run report built from the seeded fixture run. */
class RunReportWriterTest {
    @TempDir
    Path reports;

    /** The table row of {@code metric}: its cells as text. */
    private static String row(String html, String metric) {
        Matcher m = Pattern.compile("<tr><td>" + Pattern.quote(metric) + "</td>(.*?)</tr>").matcher(html);
        assertThat(m.find()).as("row of " + metric).isTrue();
        return m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }

    @Test
    void percentileTableShowsTheHoldWindowsHistogramsWithCounts() throws Exception {
        Path dir = RunFixture.write(reports);
        String html = Files.readString(RunReportWriter.write(dir));
        RunSummary s = RunFixture.summary(dir);
        Histogram send = IntervalLog.read(new RunFolder(dir).latencyLogs(), s.phases().holdStartMs(), s.phases().holdEndMs())
            .totals().get("sendMessage");
        String expected = Html.count(send.getTotalCount()) + " " + Html.ms(send.getValueAtPercentile(50) / 1000.0) + " "
            + Html.ms(send.getValueAtPercentile(90) / 1000.0) + " " + Html.ms(send.getValueAtPercentile(95) / 1000.0) + " "
            + Html.ms(send.getValueAtPercentile(99) / 1000.0) + " " + Html.ms(send.getValueAtPercentile(99.9) / 1000.0) + " "
            + Html.ms(send.getValueAtPercentile(99.99) / 1000.0) + " " + Html.ms(send.getMaxValue() / 1000.0);
        String table = html.substring(html.indexOf("<table class=\"pct\">"), html.indexOf("</table>", html.indexOf("<table class=\"pct\">")));
        assertThat(row(table, "sendMessage")).isEqualTo(expected);
        // seeded: the same figures every time
        assertThat(row(table, "sendMessage")).isEqualTo("2,809 64.3 118 143 328 550 604 604");
        assertThat(html).contains("Latency (hold window)", "2:00 – 9:00 (7:00)");
        // login only happens during the ramp: not in the hold window's table
        assertThat(table).doesNotContain("<td>login</td>");
    }

    @Test
    void wholeRunTableHasTheKnownLoginLatency() throws Exception {
        Path dir = RunFixture.write(reports);
        RunSummary s = RunFixture.summary(dir);
        new RunFolder(dir).writeSummary(new RunSummary(s.runId(), s.rcbench(), s.profile(), s.startEpochMs(), s.endEpochMs(),
            s.target(), null, s.actions(), s.errors(), s.deliveries(), s.injector(), s.shards(), s.interrupted(), s.gatlingReport()));
        String html = Files.readString(RunReportWriter.write(dir));
        assertThat(html).contains("Latency (whole run)");
        // login is recorded at exactly 250 ms corrected and 200 ms raw for each of the 200 users
        assertThat(row(html, "login")).startsWith("200 250 250 250 250 250 250 250");
        assertThat(html).containsPattern("raw service time</td><td>200</td><td>200</td>");
    }

    @Test
    void pageHasVerdictsTargetInjectorChartsCapacityAndGatlingLink() throws Exception {
        Path dir = RunFixture.write(reports);
        String html = Files.readString(RunReportWriter.write(dir));
        assertThat(html).contains("<span class=\"badge FAIL\">FAIL</span>profile minimal-vps",
            "<span class=\"badge PASS\">PASS</span>profile recommended-vps",
            "sendMessage p99 328 ms exceeds the 300 ms limit during the hold window", "300 ms", "+9.3 %",
            "rcbench-workspace", "8.8.0", "http://127.0.0.1:3000", "1 core(s), 1,024 MB, 1 instance(s)",
            "<a href=\"gatling/rcbenchsimulation/index.html\">Gatling report</a>", "Ceiling: <strong>200 active users",
            "Knee: <strong>150 active users", "rocketchat_ddp_sessions_count", "process_cpu_seconds_total (busy cores)", "rocketchat_meteor_methods_count (rate)",
            "Injector CPU", "errors/s", "hold window",
            "envelope check", "cores: 1 (profile 1)<br>memory limit: 512 MB (profile 1024 MB) &lt;smaller&gt;");
        // 11 actions in the hold window + delivery distribution plots, 7 timelines, 6 server families, 2 capacity curves
        assertThat(count(html, "<svg xmlns")).isEqualTo(12 + 7 + 6 + 2);
        assertThat(count(html, "<rect class=\"band\"")).isGreaterThanOrEqualTo(13);
        // self-contained: no script, and no URL but the target's (shown as text) and the SVG namespace
        assertThat(html.replace("http://127.0.0.1:3000", "").replace("http://www.w3.org/2000/svg", ""))
            .doesNotContain("<script", "http://", "https://", "src=");
    }

    @Test
    void namesFromFilesAreEscapedAndCredentialsNeverShown() throws Exception {
        Path dir = RunFixture.write(reports);
        RunSummary s = RunFixture.summary(dir);
        RunSummary.TargetInfo t = s.target();
        java.util.Map<String, Long> errors = new java.util.TreeMap<>(s.errors());
        errors.put("<img src=x onerror=alert(1)>", 3L);
        new RunFolder(dir).writeSummary(new RunSummary("<b>run</b>", s.rcbench(), "<i>profile</i>", s.startEpochMs(), s.endEpochMs(),
            new RunSummary.TargetInfo("remote", "Rocket.Chat", "7.0\"><script>", "https://admin:hunter2@chat.example.test/?token=sekr3t",
                t.cores(), t.memoryMb(), 2), s.phases(), s.actions(), errors, s.deliveries(), s.injector(), 1, true,
            "javascript:alert(1)"));
        Files.writeString(dir.resolve("verdict.json"), "{\"profiles\":[{\"status\":\"fail\",\"profile\":\"<svg onload=alert(1)>\",\"reasons\":[\"<u>x</u>\"]}]}");
        String html = Files.readString(RunReportWriter.write(dir));
        assertThat(html).doesNotContain("<img", "<b>run", "<i>profile", "<script", "hunter2", "sekr3t", "admin:", "javascript:",
            "<svg onload", "<u>x");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;", "https://chat.example.test/", "INTERRUPTED",
            "no Gatling report", "&lt;svg onload=alert(1)&gt;", "&lt;u&gt;x&lt;/u&gt;", "<span class=\"badge FAIL\">FAIL</span>");
    }

    @Test
    void sameLogsGiveTheSamePage() throws Exception {
        Path dir = RunFixture.write(reports);
        String first = Files.readString(RunReportWriter.write(dir));
        String second = Files.readString(RunReportWriter.write(dir));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aFolderWithoutSummaryIsAClearError() throws Exception {
        Files.createDirectories(reports.resolve("empty"));
        assertThatThrownBy(() -> RunReportWriter.write(reports.resolve("empty"))).hasMessageContaining("summary.json is missing");
    }

    @Test
    void optionalFilesMayBeMissing() throws Exception {
        Path dir = RunFixture.write(reports);
        for (String f : new String[] {"verdict.json", "capacity.json", "server-metrics.jsonl", "timeline.jsonl", "latency.hlog"}) {
            Files.delete(dir.resolve(f));
        }
        String html = Files.readString(RunReportWriter.write(dir));
        assertThat(html).contains("NO VERDICT", "No server metrics were scraped", "no data").doesNotContain("id=\"capacity\"");
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
