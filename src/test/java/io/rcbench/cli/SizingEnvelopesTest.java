package io.rcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rcbench.run.CapacityResult;
import io.rcbench.run.ScalabilityModel.Usl;
import io.rcbench.run.SizingResult;
import io.rcbench.verdict.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rcbench sizing} over synthetic capacity runs, written as the {@code capacity.json} a real run writes, whose
 * ceilings follow a known law: cores hold C(p) = 40 p / (1 + 0.1 (p - 1) + 0.002 p (p - 1)) active users, and the
 * target's peak resident memory is 150 MB + 2.5 MB per active user, so an envelope holds min(C(p), (memory - 150) /
 * 2.5). Each search brackets the true ceiling as a real one does, within about 3% (the highest level that held, the
 * lowest that failed above it). The model must recover the law within stated tolerances, name memory where memory
 * binds, flag extrapolations, and answer {@code --envelope}.
 */
class SizingEnvelopesTest {
    static final Usl CORES = new Usl(40, 0.1, 0.002);
    static final double BASE_MB = 150;
    static final double MB_PER_USER = 2.5;
    static final int DOCUMENTED = 150;

    @TempDir
    static Path reports;
    static List<String> runs = new ArrayList<>();
    static SizingResult sized;

    /** The true ceiling of an envelope under the synthetic law. */
    static double truth(double cores, long memoryMb) {
        return Math.min(CORES.throughputAt(cores), (memoryMb - BASE_MB) / MB_PER_USER);
    }

    /**
     * A capacity run as a search writes it: levels at a quarter and half of the ceiling, the ceiling (3% under the
     * truth, held) and the failure above it (3% over, not held), each with the target's peak RSS (a few MB of
     * deterministic jitter, as a real process never lands on the line).
     */
    static Path run(String name, double cores, long memoryMb) throws Exception {
        double truth = truth(cores, memoryMb);
        int ceiling = (int) Math.floor(0.97 * truth);
        int failed = (int) Math.ceil(1.03 * truth);
        List<CapacityResult.Step> steps = new ArrayList<>();
        int k = 0;
        for (int users : new int[] {Math.max(1, ceiling / 4), Math.max(2, ceiling / 2), ceiling, failed}) {
            long rss = Math.round(BASE_MB + MB_PER_USER * users + (k++ % 2 == 0 ? 4 : -4));
            steps.add(new CapacityResult.Step(users, Map.of(), null, users, 0, users <= ceiling, Map.of(), false,
                new CapacityResult.Memory(null, Math.min(rss, memoryMb))));
        }
        Path dir = reports.resolve(name);
        new CapacityResult("minimal-vps", steps, List.of(), null, ceiling, DOCUMENTED,
            new CapacityResult.Envelope(name, cores, memoryMb, null), null).write(dir);
        return dir;
    }

    @BeforeAll
    static void sizeFiveRuns() throws Exception {
        // four envelopes where cores bind (1 GB holds 349 users, more than 8 cores do) and one where memory binds:
        // 4 cores hold 121 users but 384 MB only 94
        for (Object[] e : new Object[][] {{"1c", 1.0, 1024L}, {"2c", 2.0, 1024L}, {"4c", 4.0, 1024L},
            {"8c", 8.0, 1024L}, {"4c-384m", 4.0, 384L}}) {
            runs.add(run((String) e[0], (double) e[1], (long) e[2]).toString());
        }
        List<String> args = new ArrayList<>(List.of("sizing"));
        args.addAll(runs);
        args.addAll(List.of("--out", reports.resolve("sizing").toString(), "--profiles",
            reports.resolve("none").toString(), "--envelope", "cores=6,memory=2g", "--envelope", "cores=16,memory=1g",
            "--envelope", "cores=4,memory=256m"));
        assertThat(Main.run(args.toArray(String[]::new))).isEqualTo(ExitCodes.PASS);
        sized = SizingResult.read(reports.resolve("sizing"));
    }

    @Test
    void recoversTheCoresLawWithinFivePercentInsideTheMeasuredRangeAndItsIntervalHoldsTheTruth() {
        assertThat(sized.fitForm()).isEqualTo("usl");
        // 6 cores were not measured; the truth there is 153.8 users
        SizingResult.Prediction six = sized.queries().get(0);
        double truth = truth(6, 2048);
        assertThat(six.users().value()).isCloseTo(truth, within(0.05 * truth));
        assertThat(six.users().contains(truth)).as("interval %s holds %.1f", six.users(), truth).isTrue();
        // an interval, not a point: each ceiling was known only within its search's bracket
        assertThat(six.users().high() - six.users().low()).isPositive().isLessThan(0.25 * truth);
        assertThat(six.binding()).isEqualTo("cores");
        assertThat(six.extrapolated()).isFalse();
        assertThat(six.marginPercent().value()).isCloseTo(100 * (six.users().value() - DOCUMENTED) / DOCUMENTED,
            within(1e-6));
    }

    @Test
    void recoversTheMemoryLineAndNamesMemoryWhereItBinds() {
        assertThat(sized.memory().mbPerUser().value()).isCloseTo(MB_PER_USER, within(0.25));
        assertThat(sized.memory().baseMb().value()).isCloseTo(BASE_MB, within(15.0));
        assertThat(sized.memory().mbPerUser().contains(MB_PER_USER)).isTrue();
        SizingResult.Measured small = sized.measured().stream().filter(m -> m.run().equals("4c-384m")).findFirst()
            .orElseThrow();
        assertThat(small.binding()).isEqualTo("memory");
        assertThat(small.memoryShare()).isGreaterThanOrEqualTo(0.9);
        assertThat(sized.measured()).filteredOn(m -> !m.run().equals("4c-384m"))
            .allMatch(m -> "cores".equals(m.binding()) && m.memoryShare() < 0.7);
        // its row: memory binds, at the users where RSS reaches 384 MB (93.6)
        SizingResult.Row row = sized.table().stream().filter(r -> r.label().equals("4c-384m")).findFirst().orElseThrow();
        assertThat(row.predicted().binding()).isEqualTo("memory");
        assertThat(row.predicted().users().value()).isCloseTo(93.6, within(5.0));
        // asked: 4 cores with 256 MB hold (256 - 150) / 2.5 = 42 users, memory binding, inside the observed users
        SizingResult.Prediction tight = sized.queries().get(2);
        assertThat(tight.binding()).isEqualTo("memory");
        assertThat(tight.users().value()).isCloseTo(42.4, within(5.0));
        assertThat(tight.byCores().value()).isGreaterThan(100);
        assertThat(sized.answers()).anyMatch(a -> a.startsWith("Memory: ") && a.contains("4c-384m: resident memory "
            + "reached") && a.contains("memory, not cores, set it"));
    }

    @Test
    void flagsAPredictionBeyondTheMeasuredCoresAsAnExtrapolation() {
        SizingResult.Prediction sixteen = sized.queries().get(1);
        assertThat(sixteen.extrapolated()).isTrue();
        assertThat(sixteen.binding()).isEqualTo("cores");
        assertThat(sixteen.note()).contains("an extrapolation beyond the measured 1-8 cores");
        assertThat(sized.answers()).anyMatch(a -> a.startsWith("Envelope 16 cores, 1024 MB: predicted to hold ")
            && a.endsWith("an extrapolation beyond the measured 1-8 cores."));
    }

    @Test
    void answersWhichEnvelopeHoldsTheDocumentedCountWithItsIntervalAndMargin() {
        // measured: 8 cores hold 171 >= 150; predicted: C(5) = 138.9 < 150 <= C(6) = 153.8
        assertThat(sized.answers().get(0)).startsWith("Measured: 8c holds the documented 150 active users");
        assertThat(sized.answers().get(1)).matches("Predicted: 6 cores hold 150 active users \\(\\d+ \\[\\d+, \\d+\\] "
            + "predicted, a -?\\d+% \\[-?\\d+%, -?\\d+%\\] margin\\)\\.");
        assertThat(sized.answers()).anyMatch(a -> a.startsWith("Memory for 150 active users: the target's peak "
            + "resident memory is predicted at 52"));
        assertThat(sized.answers()).anyMatch(a -> a.startsWith("Intervals are 95% over 400 resamples")
            && a.contains("the envelopes themselves resampled"));
    }

    @Test
    void thePageShowsTheTableWithIntervalsBindingAndMemory() throws Exception {
        String html = Files.readString(reports.resolve("sizing").resolve("index.html"));
        assertThat(html).contains("predicted ceiling [95%]", "binding", "margin vs documented [95%]", "id=\"memory\"",
            "95% band, low", "(extrapolated)", "MB per active user");
        assertThat(html).containsPattern("<td>4c-384m</td><td>4\\.0</td><td>384 MB</td><td>–</td><td>\\d+ \\[\\d+, \\d+\\)"
            + "</td><td>\\d+ \\[\\d+, \\d+\\]</td><td>memory</td>");
    }

    @Test
    void aBadEnvelopeIsAUsageError() {
        assertThat(Main.run("sizing", runs.get(0), "--out", reports.resolve("bad").toString(), "--envelope",
            "memory=2g")).isEqualTo(ExitCodes.USAGE);
        assertThat(Main.run("sizing", runs.get(0), "--out", reports.resolve("bad").toString(), "--envelope",
            "cores=2,disk=1")).isEqualTo(ExitCodes.USAGE);
    }
}
