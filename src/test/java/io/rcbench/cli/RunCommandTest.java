package io.rcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import io.rcbench.verdict.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job, with a shorter hold: embedded workspace in its own JVM, the chat simulation, verdict, report. */
class RunCommandTest {
    @TempDir
    Path reports;

    @Test
    void runsTheDefaultProfileJudgesItAndWritesTheReport() throws Exception {
        int code = Main.run("run", "--set", "warmup.seconds=2", "--set", "hold.seconds=15", "--reports",
            reports.toString());

        assertThat(code).as("a verdict's exit code").isIn(ExitCodes.PASS, ExitCodes.FAIL, ExitCodes.INCONCLUSIVE);
        RunFolder run = new RunFolder(onlyRun());
        RunSummary s = run.readSummary();
        assertThat(s.profile()).isEqualTo("ci-smoke");
        assertThat(s.target().kind()).isEqualTo("embedded rcbench-workspace");
        assertThat(s.target().cores()).isEqualTo(1);
        assertThat(s.interrupted()).isFalse();
        assertThat(s.actions().get("sendMessage").ok()).isPositive();
        assertThat(s.actions().get("login").failed()).isZero();
        assertThat(s.deliveries().expected()).isPositive();
        assertThat(s.deliveries().received()).isEqualTo(s.deliveries().expected());
        assertThat(s.deliveries().lost()).isZero();
        assertThat(s.phases().holdEndMs() - s.phases().holdStartMs()).isBetween(14_000L, 16_000L);
        assertThat(Files.readString(run.latencyLog(-1))).contains("Tag=sendMessage,", "Tag=sendMessage.raw,",
            "Tag=delivery,", "Tag=login,");
        assertThat(Files.readString(run.dir().resolve(RunFolder.VERDICT))).contains("\"profile\" : \"ci-smoke\"");
        assertThat(Files.readString(run.dir().resolve(RunFolder.REPORT))).contains("ci-smoke", "sendMessage");
        assertThat(run.dir().resolve(s.gatlingReport())).exists();
        assertThat(reports.resolve("index.html")).exists();
    }

    @Test
    void stoppingTheRunStillWritesWhatWasMeasured() throws Exception {
        // a JVM shutdown (Ctrl-C's SIGINT, or SIGTERM as here) runs the same hook
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--set", "hold.seconds=120",
            "--reports", reports.toString()).redirectErrorStream(true).redirectOutput(reports.resolve("run.log").toFile())
            .start();
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(reports.resolve("run.log")).contains("elapsed,") && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            Thread.sleep(5000); // some actions in the hold
            p.destroy();
            assertThat(p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("stopped in time").isTrue();
        } finally {
            p.destroyForcibly();
        }
        RunFolder run = new RunFolder(onlyRun());
        RunSummary s = run.readSummary();
        assertThat(s.interrupted()).isTrue();
        assertThat(s.phases().holdEndMs() - s.phases().holdStartMs()).as("the hold ends at the stop").isLessThan(100_000);
        assertThat(s.actions().get("login").ok()).isPositive();
        assertThat(run.dir().resolve(RunFolder.REPORT)).exists();
        assertThat(run.dir().resolve(RunFolder.VERDICT)).exists();
        assertThat(Files.readString(run.latencyLog(-1))).contains("Tag=login,");
    }

    @Test
    void unreachableTargetIsReportedBeforeAnyLoad() throws Exception {
        int code = Main.run("run", "--target", "http://127.0.0.1:9", "--reports", reports.toString());

        assertThat(code).isEqualTo(ExitCodes.RUN_ERROR);
        try (Stream<Path> runs = Files.list(reports)) {
            assertThat(runs).as("no run folder for a run that never started").isEmpty();
        }
    }

    @Test
    void unknownProfileIsRefused() {
        assertThat(Main.run("run", "--profile", "no-such-profile", "--reports", reports.toString()))
            .isEqualTo(ExitCodes.INVALID_PROFILE);
    }

    @Test
    void badFlagIsAUsageError() {
        assertThat(Main.run("run", "--no-such-flag")).isEqualTo(ExitCodes.USAGE);
    }

    private Path onlyRun() throws Exception {
        try (Stream<Path> runs = Files.list(reports)) {
            return runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
