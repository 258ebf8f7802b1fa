package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.metrics.IntervalLog;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real short run on the embedded workspace: the figures the run counted are the ones shown, and
 * the page renders in headless Chromium with a silent console (screenshot in target/).
 */
class RealRunReportTest {
    @TempDir
    Path reports;
    @TempDir
    Path data;

    @Test
    void reportOfARealRunShowsWhatItMeasured() throws Exception {
        RealShortRun.Result r = RealShortRun.record(reports, data);
        assertThat(r.sendsOk()).isGreaterThan(20);
        assertThat(r.deliveries()).isGreaterThan(0);
        String html = Files.readString(Reports.writeRun(r.dir()));
        RunSummary s = new RunFolder(r.dir()).readSummary();
        IntervalLog log = IntervalLog.read(new RunFolder(r.dir()).latencyLogs(), s.phases().holdStartMs(), s.phases().holdEndMs());
        Histogram send = log.totals().get("sendMessage");
        assertThat(send).isNotNull();
        assertThat(html).contains("<tr><td>sendMessage</td><td>" + Html.count(send.getTotalCount()) + "</td><td>"
            + Html.ms(send.getValueAtPercentile(50) / 1000.0) + "</td>");
        assertThat(html).contains("rocketchat_ddp_sessions_count", "rocketchat_message_sent_total (rate)", "delivery latency by percentile",
            "Users", "Actions per second");
        assertThat(Files.readString(reports.resolve("index.html"))).contains("real-short-run");

        String chromium = HeadlessChromium.binary();
        assertThat(chromium).as("chromium on the PATH (.ci/run installs Debian's chromium package)").isNotNull();
        try (HeadlessChromium browser = new HeadlessChromium(chromium)) {
            browser.open(r.dir().resolve("index.html"), 1400);
            assertThat(browser.eval("[...document.querySelectorAll('figure.chart svg path')].filter(p => p.getTotalLength() > 20).length")
                .asInt()).isGreaterThan(10);
            assertThat(browser.eval("document.body.innerText").asText()).contains("sendMessage", "NO VERDICT", "real-short-run");
            assertThat(browser.problems()).isEmpty();
            browser.screenshot(Path.of("target", "report-real-run-screenshot.png"));
        }
    }
}
