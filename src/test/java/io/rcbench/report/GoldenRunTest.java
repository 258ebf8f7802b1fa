package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.cli.Main;
import io.rcbench.job.Evaluation;
import io.rcbench.profile.ProfileLoader;
import io.rcbench.run.RunFolder;
import io.rcbench.verdict.Status;
import io.rcbench.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files: a fixed, committed run folder ({@code src/test/resources/golden/run}, a frozen
 * {@link io.rcbench.report.synthetic.SyntheticRun} of 120 s, 2 s intervals, 40 users, seed 7, with a hand-written
 * {@code target-check.json} of an envelope held) is judged against the
 * shipped {@code minimal-vps} profile and reported with the {@code report} command, exactly as after a run; the
 * {@code verdict.json} and the run's {@code index.html} must equal the committed copies in
 * {@code src/test/resources/golden/expected} byte for byte (after normalising the temporary folder's path). Any change
 * in what the evaluator decides or the report shows (a figure, a margin, an SLO line, a chart) fails here with the
 * first differing line.
 *
 * <p>A change made on purpose (a new report section, a changed profile default) updates the goldens with
 * {@code mvn -B -o -q test -Dtest=GoldenRunTest -Drcbench.updateGolden=true}; review the diff of
 * {@code src/test/resources/golden/expected} before committing it.
 */
class GoldenRunTest {
    private static final Path FIXTURE = Path.of("src/test/resources/golden/run");
    private static final Path EXPECTED = Path.of("src/test/resources/golden/expected");
    private static final String RUN_ID = "20261201-060000-golden";
    private static final boolean UPDATE = Boolean.getBoolean("rcbench.updateGolden");

    @TempDir
    Path reports;

    @Test
    void verdictOfTheCommittedRunEqualsTheGolden() throws Exception {
        Path run = copyFixture();
        Verdict v = Evaluation.evaluate(new RunFolder(run), new ProfileLoader(Path.of("profiles")).load("minimal-vps"));

        // the fixture's own facts, so a silent golden update to another verdict does not pass unseen: the synthetic
        // run's top-of-hold timeouts cost deliveries, and minimal-vps allows none
        assertThat(v.status()).as(v.report()).isEqualTo(Status.FAIL);
        assertThat(v.missed()).extracting(s -> s.name()).contains("lost deliveries");
        assertGolden("verdict.json", normalise(Files.readString(run.resolve(RunFolder.VERDICT)), run));
    }

    @Test
    void reportOfTheCommittedRunEqualsTheGolden() throws Exception {
        Path run = copyFixture();
        Evaluation.evaluate(new RunFolder(run), new ProfileLoader(Path.of("profiles")).load("minimal-vps"));

        assertThat(Main.run("report", run.toString())).as("report's exit code").isZero();
        assertGolden("report.html", normalise(Files.readString(run.resolve(RunFolder.REPORT)), run));
    }

    /** A fresh copy, so the committed folder is never written to. */
    private Path copyFixture() throws IOException {
        Path run = Files.createDirectories(reports.resolve(RUN_ID));
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, run.resolve(f.getFileName()));
            }
        }
        return run;
    }

    /** The only machine-dependent text a report or verdict may hold: where the run folder lies. */
    private static String normalise(String text, Path run) {
        return text.replace(run.toAbsolutePath().toString(), "<run>").replace(run.toString(), "<run>")
            .replace("\r\n", "\n");
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path golden = EXPECTED.resolve(name);
        if (UPDATE) {
            Files.createDirectories(EXPECTED);
            Files.writeString(golden, actual);
            return;
        }
        assertThat(golden).as("golden %s (create it with -Drcbench.updateGolden=true)", golden).exists();
        String expected = Files.readString(golden);
        if (!expected.equals(actual)) {
            throw new AssertionError(firstDifference(name, expected, actual));
        }
    }

    /** The first line that differs, with its number and both versions, and how to accept the new output. */
    static String firstDifference(String name, String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
            i++;
        }
        String want = i < e.size() ? e.get(i) : "<end of file>";
        String got = i < a.size() ? a.get(i) : "<end of file>";
        if (want.equals(got)) { // same lines, different line endings or trailing newline
            want = "(same lines; the files differ in line endings or the final newline)";
        }
        int col = 0;
        while (col < want.length() && col < got.length() && want.charAt(col) == got.charAt(col)) {
            col++;
        }
        return name + " differs from " + EXPECTED.resolve(name) + " at line " + (i + 1) + ", column " + (col + 1)
            + ":\n  expected: " + around(want, col) + "\n  actual:   " + around(got, col)
            + "\nIf the change is intended, run: mvn -B -o -q test -Dtest=GoldenRunTest -Drcbench.updateGolden=true"
            + " and review the diff of " + EXPECTED;
    }

    /** Up to 160 characters of a (possibly very long: an SVG chart) line around column {@code col}. */
    private static String around(String line, int col) {
        int from = Math.max(0, col - 60);
        int to = Math.min(line.length(), col + 100);
        return (from > 0 ? "…" : "") + line.substring(from, to) + (to < line.length() ? "…" : "");
    }
}
