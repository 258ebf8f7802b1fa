package io.rcbench.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.health.InjectorHealth;
import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verdict rules on synthetic histograms, against the default SLOs (profiles/base.yaml): sendMessage p95 500 ms /
 * p99 1 s, delivery p95 1 s, login p95 2 s, upload p95 by class (optional), errors 1%, no lost deliveries,
 * injector CPU 80%, GC pause 50 ms, lag 50 ms.
 */
class VerdictEvaluatorTest {
    static Profile profile;

    @BeforeAll
    static void load() throws Exception {
        profile = new ProfileLoader(Path.of("profiles")).load("minimal-vps");
    }

    /** A run that meets everything; each case changes one thing. */
    static final class Run {
        final Map<String, Histogram> h = new HashMap<>();
        long attempted = 2000;
        Map<String, Long> errors = new HashMap<>();
        long lost = 0;
        double cpu = 30;
        long gcMs = 5;
        long lagMicros = 2000;
        boolean health = true;

        Run() {
            put("sendMessage", 200, 100_000);
            put("sendMessage.raw", 200, 90_000);
            put("delivery", 1000, 200_000);
            put("login", 50, 500_000);
            put("upload.image", 3, 800_000);
        }

        /** {@code n} samples of {@code micros} under {@code metric}, replacing what was there. */
        Run put(String metric, int n, long micros) {
            Histogram x = new Histogram(3);
            x.recordValueWithCount(micros, n);
            h.put(metric, x);
            return this;
        }

        /** Adds {@code n} samples of {@code micros}. */
        Run add(String metric, int n, long micros) {
            h.computeIfAbsent(metric, k -> new Histogram(3)).recordValueWithCount(micros, n);
            return this;
        }

        Measurement measurement() {
            List<InjectorHealth.Interval> iv = new ArrayList<>();
            for (int i = 0; i < 10 && health; i++) {
                iv.add(new InjectorHealth.Interval(i * 1000L, (i + 1) * 1000L, cpu, 1, i == 5 ? gcMs : 1, gcMs + 9,
                    i == 7 ? lagMicros : 100));
            }
            return new Measurement(h, new Measurement.Counts(attempted, errors, 1000, 1000 - lost, lost),
                new InjectorHealth(2, iv));
        }
    }

    static Arguments row(String name, UnaryOperator<Run> change, Status status, String... lines) {
        return Arguments.of(name, change, status, List.of(lines));
    }

    static Stream<Arguments> table() {
        return Stream.of(
            row("all met", r -> r, Status.PASS,
                "ok   sendMessage p95 100 ms <= 500 ms, 80% headroom (200 samples)",
                "ok   sendMessage p99 100 ms <= 1 s, 90% headroom (200 samples)",
                "ok   delivery p95 200 ms <= 1 s, 80% headroom (1,000 samples)",
                "ok   errors 0% <= 1%, 100% headroom (2,000 samples)",
                "ok   lost deliveries 0 <= 0 (1,000 samples)",
                "--   upload.image p95: 3 samples, needs 20 (not judged: optional); measured 800 ms vs 2 s"),
            row("sendMessage p99 missed", r -> r.put("sendMessage", 196, 100_000).add("sendMessage", 4, 1_420_000),
                Status.FAIL, "MISS sendMessage p99 1.42 s > 1 s by 42% (200 samples)",
                "ok   sendMessage p95 100 ms <= 500 ms"),
            row("sendMessage p95 missed", r -> r.put("sendMessage", 200, 600_000), Status.FAIL,
                "MISS sendMessage p95 600 ms > 500 ms by 20% (200 samples)",
                "ok   sendMessage p99 600 ms <= 1 s, 40% headroom"),
            row("delivery p95 missed", r -> r.put("delivery", 1000, 1_250_000), Status.FAIL,
                "MISS delivery p95 1.25 s > 1 s by 25% (1,000 samples)"),
            row("login p95 missed", r -> r.put("login", 50, 3_000_000), Status.FAIL,
                "MISS login p95 3 s > 2 s by 50% (50 samples)"),
            row("optional upload SLO judged once it has the samples", r -> r.put("upload.image", 40, 2_500_000),
                Status.FAIL, "MISS upload.image p95 2.5 s > 2 s by 25% (40 samples)"),
            row("errors over budget, by reason", r -> {
                r.errors = Map.of("timeout", 30L, "rate-limited", 10L, "server-error", 0L);
                return r;
            }, Status.FAIL, "MISS errors 2% > 1% by 100% (2,000 samples) [rate-limited 10, timeout 30]"),
            row("lost deliveries", r -> {
                r.lost = 3;
                return r;
            }, Status.FAIL, "MISS lost deliveries 3 > 0 (1,000 samples)"),
            row("value at the threshold within histogram resolution meets it",
                r -> r.put("sendMessage", 200, 1_000_000), Status.FAIL,
                "ok   sendMessage p99 1 s <= 1 s, 0% headroom", "MISS sendMessage p95 1 s > 500 ms by 100%"),
            row("raw service time is not judged", r -> r.put("sendMessage.raw", 200, 5_000_000), Status.PASS),
            row("corrected latency is judged even when service time is fast",
                r -> r.put("sendMessage", 200, 5_000_000).put("sendMessage.raw", 200, 1_000), Status.FAIL,
                "MISS sendMessage p99 5 s > 1 s by 400%"),
            row("too few samples for p99", r -> r.put("sendMessage", 60, 100_000), Status.INCONCLUSIVE,
                "FEW  sendMessage p99: 60 samples, needs 100; measured 100 ms vs 1 s",
                "ok   sendMessage p95 100 ms <= 500 ms",
                "inconclusive: sendMessage p99: 60 samples, needs 100"),
            row("no samples at all for a required metric", r -> {
                r.h.remove("login");
                return r;
            }, Status.INCONCLUSIVE, "FEW  login p95: 0 samples, needs 20"),
            row("a miss with enough samples beats too few elsewhere",
                r -> r.put("sendMessage", 60, 100_000).put("delivery", 1000, 2_000_000), Status.FAIL,
                "FEW  sendMessage p99: 60 samples, needs 100", "MISS delivery p95 2 s > 1 s by 100%"),
            row("no actions attempted", r -> {
                r.attempted = 0;
                return r;
            }, Status.INCONCLUSIVE, "FEW  errors: no actions attempted"),
            row("injector CPU over budget", r -> {
                r.cpu = 85;
                return r;
            }, Status.INCONCLUSIVE, "inconclusive: injector CPU 85% > 80% (mean over 10 intervals, 2 cores)"),
            row("injector CPU over budget outweighs a miss", r -> {
                r.cpu = 95;
                return r.put("sendMessage", 200, 2_000_000);
            }, Status.INCONCLUSIVE, "MISS sendMessage p99 2 s > 1 s by 100%", "inconclusive: injector CPU 95% > 80%"),
            row("injector GC pause over budget", r -> {
                r.gcMs = 80;
                return r;
            }, Status.INCONCLUSIVE, "inconclusive: injector GC pause 80 ms > 50 ms"),
            row("injector event-loop lag over budget", r -> {
                r.lagMicros = 120_000;
                return r;
            }, Status.INCONCLUSIVE, "inconclusive: injector event-loop lag 120 ms > 50 ms"),
            row("no injector health", r -> {
                r.health = false;
                return r;
            }, Status.INCONCLUSIVE, "inconclusive: no injector health recorded over the hold window"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void judges(String name, UnaryOperator<Run> change, Status status, List<String> lines) {
        Verdict v = VerdictEvaluator.evaluate(profile, change.apply(new Run()).measurement());
        assertThat(v.status()).as(v.report()).isEqualTo(status);
        assertThat(v.exitCode()).isEqualTo(status.exitCode());
        assertThat(v.report()).startsWith("minimal-vps: " + status + "\n");
        for (String line : lines) {
            assertThat(v.report()).as(v.report()).contains("  " + line);
        }
        if (status == Status.PASS) {
            assertThat(v.inconclusiveReasons()).isEmpty();
            assertThat(v.missed()).isEmpty();
        }
        if (status == Status.FAIL) {
            assertThat(v.missed()).isNotEmpty().allSatisfy(s -> assertThat(s.marginPercent()).isNotNegative());
        }
        if (status == Status.INCONCLUSIVE) {
            assertThat(v.inconclusiveReasons()).isNotEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void missedSloCarriesMeasuredThresholdAndMargin() {
        Verdict v = VerdictEvaluator.evaluate(profile, new Run().put("sendMessage", 196, 100_000)
            .add("sendMessage", 4, 1_420_000).measurement());
        SloResult miss = v.missed().get(0);
        assertThat(miss.name()).isEqualTo("sendMessage p99");
        assertThat(miss.measured()).isBetween(1420.0, 1422.0);
        assertThat(miss.threshold()).isEqualTo(1000.0);
        assertThat(miss.unit()).isEqualTo("ms");
        assertThat(miss.marginPercent()).isBetween(42.0, 42.2);
        assertThat(miss.samples()).isEqualTo(200);
    }

    @org.junit.jupiter.api.Test
    void minimumSamplesFollowTheTailRule() {
        assertThat(profile.slos().minSamples(95)).isEqualTo(20);
        assertThat(profile.slos().minSamples(99)).isEqualTo(100);
        assertThat(profile.slos().minSamples(99.9)).isEqualTo(1000);
        assertThat(profile.slos().minSamples(50)).isEqualTo(2);
    }

    @org.junit.jupiter.api.Test
    void exitCodesAreDistinct() {
        assertThat(List.of(ExitCodes.PASS, ExitCodes.FAIL, ExitCodes.INCONCLUSIVE, ExitCodes.INVALID_PROFILE,
            ExitCodes.RUN_ERROR, ExitCodes.USAGE)).doesNotHaveDuplicates().containsExactly(0, 1, 2, 3, 4, 64);
    }
}
