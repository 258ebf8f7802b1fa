package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportWriterTest {
    @TempDir
    Path reports;

    @Test
    void writesTheReportIntoTheRunFolder() throws Exception {
        Path dir = RunFixture.write(reports);
        Path out = RunReportWriter.write(dir);
        String html = Files.readString(out);
        assertThat(html).contains("<svg");
    }
}
