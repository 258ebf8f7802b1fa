package io.rcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.report.synthetic.SyntheticRun;
import io.rcbench.verdict.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path reports;

    @Test
    void reportAndCompareRegenerateFromStoredLogs() throws Exception {
        Path a = reports.resolve("run-a");
        Path b = reports.resolve("run-b");
        SyntheticRun.write(a, new SyntheticRun.Options("run-a", 1, 120, 5, 20));
        SyntheticRun.write(b, new SyntheticRun.Options("run-b", 2, 120, 5, 30));
        assertThat(Main.run("report", a.toString())).isZero();
        assertThat(a.resolve("index.html")).exists();
        assertThat(Files.readString(reports.resolve("index.html"))).contains("run-a");
        assertThat(Main.run("compare", a.toString(), b.toString())).isZero();
        assertThat(reports.resolve("compare-run-a-vs-run-b.html")).exists();
        assertThat(Main.run("compare", a.toString(), b.toString(), "--out", reports.resolve("x/c.html").toString())).isZero();
        assertThat(Files.readString(reports.resolve("x/c.html"))).contains("run-a", "run-b");
    }

    @Test
    void badFoldersAreUsageOrRunErrorsNeverAVerdictCode() throws Exception {
        assertThat(Main.run("report", reports.resolve("missing").toString())).isEqualTo(ExitCodes.USAGE);
        Files.createDirectories(reports.resolve("empty"));
        assertThat(Main.run("report", reports.resolve("empty").toString())).isEqualTo(ExitCodes.RUN_ERROR);
        assertThat(Main.run("compare", reports.resolve("empty").toString(), reports.resolve("missing").toString()))
            .isEqualTo(ExitCodes.USAGE);
        assertThat(Main.run("compare", reports.resolve("empty").toString(), reports.resolve("empty").toString()))
            .isEqualTo(ExitCodes.RUN_ERROR);
    }
}
