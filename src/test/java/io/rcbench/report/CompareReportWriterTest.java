package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareReportWriterTest {
    @TempDir
    Path reports;

    @Test
    void changesBeyondTheThresholdAreHighlightedByDirection() {
        assertThat(CompareReportWriter.change(100, 125, true, 1)).isEqualTo(CompareReportWriter.Change.WORSE);
        assertThat(CompareReportWriter.change(100, 75, true, 1)).isEqualTo(CompareReportWriter.Change.BETTER);
        assertThat(CompareReportWriter.change(100, 125, false, 1)).isEqualTo(CompareReportWriter.Change.BETTER);
        assertThat(CompareReportWriter.change(100, 105, true, 1)).isEqualTo(CompareReportWriter.Change.SAME);
        assertThat(CompareReportWriter.change(0.2, 0.5, true, 1)).as("below the absolute floor").isEqualTo(CompareReportWriter.Change.SAME);
        assertThat(CompareReportWriter.change(0, 3, true, 1)).isEqualTo(CompareReportWriter.Change.WORSE);
        assertThat(CompareReportWriter.change(Double.NaN, 3, true, 1)).isEqualTo(CompareReportWriter.Change.SAME);
    }

    @Test
    void sideBySideShowsVerdictChangesPercentilesThroughputAndErrors() throws Exception {
        Path a = RunFixture.write(reports);
        Path b = RunFixture.write(reports, "20261201-070000-minimal-vps", 7, 250, 3_600_000);
        Files.writeString(b.resolve("verdict.json"), "{\"profiles\":[{\"profile\":\"minimal-vps\",\"status\":\"PASS\"}]}");
        String html = Files.readString(CompareReportWriter.write(a, b, reports.resolve("cmp.html")));
        assertThat(html).contains("A 20261201-060000-minimal-vps vs B 20261201-070000-minimal-vps", "FAIL → PASS",
            "<td class=\"better\">FAIL → PASS</td>", "Throughput", "Errors by reason", "timeout", "rate-limited");
        assertThat(html).containsPattern("<tr><td>active users</td><td>200</td><td>250</td><td>\\+25.0 %</td>");
        assertThat(html).containsPattern("<td class=\"(worse|better)\">[+-]\\d+\\.\\d %</td>");
        assertThat(html.split("<figure class=\"chart\">").length - 1).isEqualTo(12);
    }
}
