package io.rcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.verdict.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rcbench profiles validate|show}: exit codes and the lines users read. */
class ProfilesCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new Main()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
            .execute(args);
    }

    @Test
    void validateWithoutArgumentsChecksTheWholeProfilesFolder() {
        assertThat(run("profiles", "validate")).as(err.toString()).isEqualTo(ExitCodes.PASS);
        assertThat(out.toString()).contains("ok      profiles/minimal-vps.yaml", "ok      profiles/mixes.yaml",
            "0 invalid");
    }

    @Test
    void validateReportsFileLineAndFieldAndExitsNonZero(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("profiles", "base.yaml"), dir.resolve("base.yaml"));
        Files.copy(Path.of("profiles", "mixes.yaml"), dir.resolve("mixes.yaml"));
        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(Path.of("profiles", "ci-smoke.yaml"))
            .replace("memoryMb: 512", "memoryMb: lots"));
        int line = Files.readAllLines(bad).indexOf("  memoryMb: lots") + 1;
        assertThat(run("profiles", "validate", "--dir", dir.toString())).isEqualTo(ExitCodes.INVALID_PROFILE);
        assertThat(out.toString()).contains("INVALID " + bad, "ok      " + dir.resolve("base.yaml"), "1 invalid");
        assertThat(err.toString()).contains(bad + ":" + line + ": envelope.memoryMb: expected an integer, got text 'lots'");
    }

    @Test
    void showPrintsTheResolvedProfileWithOrigins() {
        assertThat(run("profiles", "show", "minimal-vps", "--set", "hold.seconds=60")).isEqualTo(ExitCodes.PASS);
        assertThat(out.toString())
            .contains("seconds: 60  # --set hold.seconds=60")
            .contains("maxErrorPercent: 1  # profiles/base.yaml:")
            .contains("messagesPerActiveUserPerMinute: 0.2  # profiles/mixes.yaml:")
            .contains("activeUsers: 50  # profiles/minimal-vps.yaml:")
            .contains("# connected users 125, ramp 125 s, warmup 60 s, hold 60 s");
    }

    @Test
    void showPrintsAnAbstractProfileToo() {
        assertThat(run("profiles", "show", "base")).isEqualTo(ExitCodes.PASS);
        assertThat(out.toString()).contains("# profile base (abstract)", "abstract: true  # profiles/base.yaml:3",
            "minTailSamples: 1  # profiles/base.yaml:");
    }

    @Test
    void showRejectsABadOverride() {
        assertThat(run("profiles", "show", "ci-smoke", "--set", "population.activeUsers=0"))
            .isEqualTo(ExitCodes.INVALID_PROFILE);
        assertThat(err.toString()).contains("--set population.activeUsers=0: population.activeUsers: expected an integer >= 1, got 0");
    }
}
