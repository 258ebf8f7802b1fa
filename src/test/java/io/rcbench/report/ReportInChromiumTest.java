package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a person sees it: rendered by Debian's headless Chromium (installed by .ci/run), charts drawn,
 * key figures present, a silent console, and screenshots under target/ for review. Chromium missing is a failure,
 * not a skip: the set-up installs it.
 */
class ReportInChromiumTest {
    @TempDir
    Path reports;

    @Test
    void runReportRendersChartsAndFiguresWithoutConsoleErrors() throws Exception {
        String chromium = HeadlessChromium.binary();
        assertThat(chromium).as("chromium on the PATH (.ci/run installs Debian's chromium package)").isNotNull();
        Path run = RunFixture.write(reports);
        Path other = RunFixture.write(reports, "20261201-070000-minimal-vps", 7, 250, 3_600_000);
        Path report = Reports.writeRun(run);
        Reports.writeRun(other);
        Path compare = CompareReportWriter.write(run, other, reports.resolve("compare.html"));
        try (HeadlessChromium browser = new HeadlessChromium(chromium)) {
            browser.open(report, 1400);
            int charts = browser.eval("document.querySelectorAll('figure.chart > svg').length").asInt();
            assertThat(charts).isGreaterThan(20);
            // drawn, not just present: every chart's SVG has laid-out size and lines with length
            assertThat(browser.eval("[...document.querySelectorAll('figure.chart > svg')].every(s => s.getBoundingClientRect().width > 300"
                + " && s.getBoundingClientRect().height > 100)").asBoolean()).isTrue();
            assertThat(browser.eval("[...document.querySelectorAll('figure.chart svg path')].filter(p => p.getTotalLength() > 50).length")
                .asInt()).isGreaterThan(40);
            assertThat(browser.eval("document.querySelectorAll('svg rect.band').length").asInt()).as("hold window shaded").isGreaterThan(5);
            String text = browser.eval("document.body.innerText").asText();
            assertThat(text).contains("FAIL", "profile minimal-vps", "PASS", "profile recommended-vps", "Injector health",
                "hold window", "Ceiling", "Gatling report", "rocketchat_ddp_sessions_count", "sendMessage", "delivery");
            assertThat(browser.eval("document.querySelector('a[href$=\"gatling/rcbenchsimulation/index.html\"]') !== null").asBoolean()).isTrue();
            assertThat(browser.problems()).isEmpty();
            browser.screenshot(Path.of("target", "report-screenshot.png"));

            browser.open(reports.resolve("index.html"), 1400);
            assertThat(browser.eval("document.querySelectorAll('table tr').length").asInt()).isEqualTo(3);
            assertThat(browser.problems()).isEmpty();
            browser.screenshot(Path.of("target", "report-index-screenshot.png"));

            browser.open(compare, 1400);
            assertThat(browser.eval("document.querySelectorAll('td.worse, td.better').length").asInt()).isGreaterThan(3);
            assertThat(browser.eval("document.querySelectorAll('figure.chart svg path').length").asInt()).isGreaterThan(10);
            assertThat(browser.problems()).isEmpty();
            browser.screenshot(Path.of("target", "report-compare-screenshot.png"));
        }
        assertThat(Files.size(Path.of("target", "report-screenshot.png"))).isGreaterThan(50_000);
    }
}
