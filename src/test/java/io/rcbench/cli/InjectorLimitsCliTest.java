package io.rcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.verdict.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The injector's limits for real: rcbench in a child JVM whose open-file limit is lowered with {@code prlimit}, as
 * a user's shell or container would set it. A run that cannot fit is refused before anything starts; sessions-bench
 * stops short of the limit and says how many sessions it held and why, and leaves no data folder behind.
 */
class InjectorLimitsCliTest {
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");

    @TempDir
    Path scratch;

    @Test
    void refusesARunThatNeedsMoreFilesThanTheLimitBeforeStartingAnything() throws Exception {
        Path reports = scratch.resolve("reports");
        CliProcess.Result r = rcbench(400, "run", "--set", "population.users=2000", "--set", "population.activeUsers=100",
            "--set", "population.idleConnectedUsers=1900", "--reports", reports.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.RUN_ERROR);
        assertThat(r.err().lines().filter(l -> !l.isBlank()).toList()).singleElement().asString()
            .contains("open-file limit is 400").contains("ulimit -n").contains("injector shards")
            .doesNotContain("Exception");
        assertThat(r.out()).doesNotContain("starting the embedded workspace");
        assertThat(reports).doesNotExist();
    }

    @Test
    void sessionsBenchStopsShortOfTheLimitReportsWhyAndRemovesItsData() throws Exception {
        Path json = scratch.resolve("sessions.json");
        CliProcess.Result r = rcbench(340, "sessions-bench", "--sessions", "300", "--idle-seconds", "0", "--io-threads", "1",
            "--login-concurrency", "16", "--login", "DDP_PASSWORD", "--memory-mb", "256", "--out", json.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        JsonNode result = Json.parse(Files.readString(json)).path("result");
        assertThat(result.path("stopReason").path("kind").asText()).as(r.out())
            .isIn("OPEN_FILE_LIMIT", "WORKSPACE_OPEN_FILE_LIMIT");
        assertThat(result.path("connected").asInt()).isBetween(16, 299);
        assertThat(result.path("failed").asInt()).as("stopped before the limit, not at it").isZero();
        assertThat(result.path("fileLimit").asLong()).isEqualTo(340);
        assertThat(r.out()).containsPattern("stopped +(WORKSPACE_)?OPEN_FILE_LIMIT: .*ulimit -n")
            .containsPattern("whole process [0-9.]+ KB per session").contains("marginal");
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("rcbench-sessions-"));
        }
    }

    /** {@code rcbench args} in a JVM started under {@code prlimit --nofile=files:files}, temp files in the scratch folder. */
    private CliProcess.Result rcbench(int files, String... args) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PRLIMIT), "prlimit (util-linux) is not installed");
        return CliProcess.run(scratch, List.of(PRLIMIT.toString(), "--nofile=" + files + ":" + files),
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + scratch), args);
    }
}
