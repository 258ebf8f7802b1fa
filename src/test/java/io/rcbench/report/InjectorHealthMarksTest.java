package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report marks the injector's health by the judged profile's own budget, as verdict.json records it, over the
 * hold window the verdict judges (the fixture's GC pauses are 2-18 ms, its lags under 10 ms).
 */
class InjectorHealthMarksTest {
    @TempDir
    Path reports;

    @Test
    void aPauseOverTheProfilesBudgetIsMarkedAndTheNoteNamesIt() throws Exception {
        String html = reportWithBudget(80, 5, 50);
        assertThat(row(html, "GC pause max in the hold")).contains("class=\"warn\"");
        assertThat(row(html, "event-loop lag max in the hold")).doesNotContain("class=\"warn\"");
        assertThat(html).contains("minimal-vps's injector budget").contains("5 ms GC pause, 50 ms event-loop lag");
    }

    @Test
    void aGenerousBudgetMarksNothing() throws Exception {
        String html = reportWithBudget(100, 500, 500);
        assertThat(row(html, "GC pause max in the hold")).doesNotContain("class=\"warn\"");
        assertThat(row(html, "CPU mean in the hold")).doesNotContain("class=\"warn\"");
    }

    private String reportWithBudget(double cpu, long gc, long lag) throws Exception {
        Path dir = RunFixture.write(reports);
        Files.writeString(dir.resolve("verdict.json"), """
            {"profiles": [{"profile": "minimal-vps", "status": "PASS", "reasons": [], "slos": [],
              "injectorBudget": {"maxCpuPercent": %s, "maxGcPauseMs": %d, "maxEventLoopLagMs": %d}}]}
            """.formatted(cpu, gc, lag));
        return Files.readString(RunReportWriter.write(dir));
    }

    private static String row(String html, String key) {
        Matcher m = Pattern.compile("<tr><td>" + Pattern.quote(key) + "</td><td[^>]*>").matcher(html);
        assertThat(m.find()).as("row " + key).isTrue();
        return m.group();
    }
}
