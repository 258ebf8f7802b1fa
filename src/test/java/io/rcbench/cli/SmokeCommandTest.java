package io.rcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job, shortened: embedded workspace in its own JVM, smoke load, report on disk. */
class SmokeCommandTest {
    @TempDir
    Path reports;

    @Test
    void mainJobWritesAReportWithEveryDeliveryAccountedFor() throws Exception {
        int code = Main.run("run", "--users", "4", "--room-size", "2", "--duration", "3", "--rate", "60",
            "--memory-mb", "256", "--reports", reports.toString());
        assertThat(code).isZero();
        Path runDir;
        try (Stream<Path> runs = Files.list(reports)) {
            runDir = runs.findFirst().orElseThrow();
        }
        JsonNode summary = Json.parse(Files.readString(runDir.resolve("summary.json")));
        assertThat(summary.path("target").path("product").asText()).isEqualTo("rcbench-workspace");
        JsonNode results = summary.path("results");
        assertThat(results.path("sent").asLong()).isGreaterThan(0);
        assertThat(results.path("delivered").asLong()).isEqualTo(results.path("expectedDeliveries").asLong())
            .isEqualTo(results.path("sent").asLong() * 2);
        assertThat(results.path("latencyMicros").path("sendMessage").path("count").asLong()).isEqualTo(results.path("sent").asLong());
        assertThat(Files.readString(runDir.resolve("smoke.hlog"))).contains("#[StartTime:", "Tag=delivery");
        assertThat(Files.readString(runDir.resolve("index.html"))).contains("rcbench-workspace", "sendMessage");
    }

    @Test
    void refusesAnExternalTargetItCannotDriveYet() {
        assertThat(Main.run("run", "--target", "https://chat.example.invalid")).isEqualTo(2);
    }
}
