package io.rcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.report.synthetic.SyntheticRun;
import io.rcbench.run.RunFolder;
import io.rcbench.verdict.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a user meets when a command line or a run folder is wrong: one line naming the option or the file and what
 * is wrong, exit 64 for the command line and 4 for the folder (never 1, which reads as a failed verdict), and no
 * stack trace. Each case runs the CLI in its own JVM.
 */
class CliErrorsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "--transport, foo, 'is not a transport: use ddp or rest'",
        "--shard, 5/2, 'is not a shard: use i/N with 0 <= i < N'",
        "--target, ftp://example.com, 'is not an http(s)://host[:port][/prefix] URL'",
    })
    void badRunOptionsAreUsageErrorsOnOneLine(String option, String value, String why) throws Exception {
        CliProcess.Result r = CliProcess.run(dir, "run", option, value, "--reports", dir.resolve("reports").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).singleElement().asString().startsWith("rcbench run: ").contains(option, value, why);
        assertNoStackTrace(r);
        assertThat(dir.resolve("reports")).as("nothing was run").doesNotExist();
    }

    @Test
    void mergeOfAMissingFolderIsAUsageError() throws Exception {
        CliProcess.Result r = CliProcess.run(dir, "merge", dir.resolve("nowhere").toString(), "--out", dir.resolve("m").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).singleElement().asString().contains(dir.resolve("nowhere").toString(), "is not a folder");
        assertNoStackTrace(r);
    }

    @Test
    void mergeWithACorruptLatencyLogIsARunErrorBeforeAnyVerdict() throws Exception {
        Path shard = dir.resolve("shards/s0");
        SyntheticRun.write(shard, new SyntheticRun.Options("corrupt-shard", 1, 120, 5, 20));
        int line = corrupt(shard.resolve("latency.hlog"));
        CliProcess.Result r = CliProcess.run(dir, "merge", dir.resolve("shards").toString(), "--out", dir.resolve("m").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.RUN_ERROR);
        assertThat(r.errLines()).singleElement().asString()
            .contains(shard.resolve("latency.hlog") + ":" + line + ": not a latency log", "corrupt");
        assertThat(r.out()).as("no verdict from a log that could not be read").doesNotContain("minimal-vps:", "FAIL", "PASS");
        assertNoStackTrace(r);
    }

    @Test
    void reportOfACorruptRunIsARunErrorNamingTheFile() throws Exception {
        Path run = dir.resolve("run");
        SyntheticRun.write(run, new SyntheticRun.Options("corrupt-run", 1, 120, 5, 20));
        int line = corrupt(run.resolve("latency.hlog"));
        CliProcess.Result r = CliProcess.run(dir, "report", run.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.RUN_ERROR);
        assertThat(r.errLines()).singleElement().asString()
            .startsWith("report: " + run.resolve("latency.hlog") + ":" + line + ": not a latency log").doesNotContain("Input length");
        assertNoStackTrace(r);
    }

    @Test
    void reportOfAnIncompleteRunSaysWhatIsMissingOnTheConsoleAndThePage() throws Exception {
        Path run = dir.resolve("run");
        SyntheticRun.write(run, new SyntheticRun.Options("incomplete-run", 1, 120, 5, 20));
        Files.delete(run.resolve("latency.hlog"));
        Files.delete(run.resolve(RunFolder.TIMELINE));
        CliProcess.Result r = CliProcess.run(dir, "report", run.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.PASS);
        assertThat(r.err()).contains("verdict.json is missing", "latency.hlog is missing", "timeline.jsonl is missing");
        assertThat(Files.readString(run.resolve(RunFolder.REPORT))).contains("Incomplete run folder", "verdict.json is missing",
            "latency.hlog is missing", "timeline.jsonl is missing");
    }

    @Test
    void aCompleteRunGetsNoNotice() throws Exception {
        Path run = dir.resolve("run");
        SyntheticRun.write(run, new SyntheticRun.Options("complete-run", 1, 120, 5, 20));
        Files.writeString(run.resolve(RunFolder.VERDICT), "{\"verdicts\":[]}");
        assertThat(Main.run("report", run.toString())).isEqualTo(ExitCodes.PASS);
        assertThat(Files.readString(run.resolve(RunFolder.REPORT))).doesNotContain("Incomplete run folder");
    }

    /** Puts bytes that are not text into the middle of a log, as a torn copy or a bad disk does; returns the line. */
    private static int corrupt(Path log) throws IOException {
        byte[] b = Files.readAllBytes(log);
        int at = b.length / 2;
        byte[] out = new byte[b.length + 64];
        System.arraycopy(b, 0, out, 0, at);
        for (int i = 0; i < 64; i++) {
            out[at + i] = (byte) (0xC0 + i);
        }
        System.arraycopy(b, at, out, at + 64, b.length - at);
        Files.write(log, out);
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void assertNoStackTrace(CliProcess.Result r) {
        assertThat(r.out() + r.err()).doesNotContain("\tat ", "Exception in thread", "java.lang.");
    }
}
