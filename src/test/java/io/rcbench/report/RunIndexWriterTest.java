package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIndexWriterTest {
    @TempDir
    Path reports;

    @Test
    void listsEveryRunNewestFirstWithVerdictsAndUnreadableOnesWithTheReason() throws Exception {
        Path older = RunFixture.write(reports);
        Path newer = RunFixture.write(reports, "20261201-070000-minimal-vps", 7, 250, 3_600_000);
        Reports.writeRun(older);
        Path broken = reports.resolve("20261201-080000-broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("summary.json"), "{not json");
        Files.createDirectories(reports.resolve("not-a-run"));
        Path index = Reports.writeRun(newer).getParent().getParent().resolve("index.html");
        String html = Files.readString(index);
        assertThat(html).contains("<a href=\"20261201-070000-minimal-vps/index.html\">", "<a href=\"20261201-060000-minimal-vps/index.html\">",
            "unreadable summary", "minimal-vps: FAIL", "recommended-vps: PASS", "200", "250").doesNotContain("not-a-run");
        assertThat(html.indexOf("20261201-070000")).isLessThan(html.indexOf("20261201-060000"));
        assertThat(html.indexOf("20261201-080000-broken")).isGreaterThan(html.indexOf("20261201-060000"));
    }

    @Test
    void anEmptyReportsFolderGetsAnEmptyIndex() throws Exception {
        assertThat(Files.readString(RunIndexWriter.write(reports))).contains("0 run(s)");
    }
}
