package io.rcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.workspace.fault.FaultConfig;
import io.rcbench.workspace.fault.LatencyDistribution;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rcbench's sendMessage figures against a workspace with a known injected latency. The truth is the injected
 * distribution as the server applied it: the server's own response times (frame in, result out) for the same
 * calls, which add only the server's work (and its timer's wake-up) to the injected delay. rcbench's percentiles must lie
 * within 5% (or 1 ms) of it; the server's must not lie below the injected distribution's exact quantiles (less 5%), nor
 * its median more than 25% above. With periodic stalls,
 * the corrected and raw p99 show them as the server does (senders do not wait for their previous call). The corrected
 * tail (p99; p98 too with stalls) lies within 0.8x and 1.5x + 5 ms of what the injected distribution or the stall
 * schedule implies.
 */
class AccuracyTest {
    @Test
    void percentilesMatchTheInjectedDistribution(@TempDir Path dir) throws Exception {
        LatencyDistribution injected = LatencyDistribution.parse("uniform:40ms:120ms");
        FaultConfig faults = FaultConfig.NONE.withLatency("sendMessage", injected);
        // 40 senders x 1/s for 30 s: ~1,300 samples; each sender busy 8% of the time (little self-queueing)
        AccuracyBench.Result r = AccuracyBench.run(io.rcbench.cli.Wiring.adapters(), dir, faults, 40, 1, Duration.ofSeconds(30), System.out);
        AccuracyBench.print(r, faults, System.out);

        assertThat(r.errors()).isZero();
        assertThat(r.raw().getTotalCount()).isGreaterThan(1000);
        assertThat(r.server().getTotalCount()).isGreaterThanOrEqualTo(r.raw().getTotalCount());
        for (double p : new double[] {50, 99}) {
            // the fault is applied as configured: the server holds each call at least its drawn delay. Above it, its
            // timer wakes late on a loaded machine (CI saw p99 at 135.6 ms for 119.2 ms injected), so the upper bound
            // is loose and at the median only: it still catches a delay applied twice or not drawn from the distribution
            double truth = injected.quantileMicros(p / 100);
            assertThat((double) r.server().getValueAtPercentile(p)).as("server p%s (µs) vs injected %.0f µs", p, truth)
                .isGreaterThanOrEqualTo(truth - Math.max(0.05 * truth, 1000))
                .isLessThanOrEqualTo(p == 50 ? truth * 1.25 : Double.MAX_VALUE);
        }
        for (double p : new double[] {50, 99, 99.9}) {
            // rcbench measures what the server did, to the tail: a server hiccup shows in both
            assertWithin("rcbench raw vs server", r.raw().getValueAtPercentile(p), r.server().getValueAtPercentile(p), p);
        }
        // corrected adds the sender's own delay (the timer's wake-up, encoding) to the wire time: never below it, and
        // near it at the median
        assertThat(r.corrected().getValueAtPercentile(50)).as("corrected p50 (µs)")
            .isGreaterThanOrEqualTo(r.raw().getValueAtPercentile(50))
            .isLessThanOrEqualTo((long) (r.server().getValueAtPercentile(50) * 1.10));
        // and at the tail: each sender is busy 8% of the time and never waits for its previous call, so the corrected
        // p99 is the injected distribution's p99 plus the server's work and the sender's own delay
        assertTail("corrected p99", r.corrected().getValueAtPercentile(99), injected.quantileMicros(0.99),
            r.server().getValueAtPercentile(99));
    }

    @Test
    void stallsShowInTheTailAsTheServerSawThem(@TempDir Path dir) throws Exception {
        // stalled 5% of the time: every send meant to start during a stall waited (about 5% of them). A sender does not
        // wait for its previous call (a Meteor client sends each method at once), so those sends left on time and
        // waited at the server: the wire (raw) and the server see the stall as the corrected figure does. (A client
        // that held each send behind the previous answer hid all but one stalled call per stall from raw.)
        FaultConfig faults = FaultConfig.NONE.withStall(500, 10_000);
        AccuracyBench.Result r = AccuracyBench.run(io.rcbench.cli.Wiring.adapters(), dir, faults, 4, 20, Duration.ofSeconds(20), System.out);
        AccuracyBench.print(r, faults, System.out);

        assertThat(r.corrected().getValueAtPercentile(99)).as("corrected p99 (µs)").isGreaterThan(150_000);
        assertThat(r.raw().getValueAtPercentile(99)).as("raw p99 (µs)").isGreaterThan(150_000);
        // the stall's end answers ~40 queued sends in one burst; the server counts each as answered when it queued the
        // frame, the wire delivers them one after another (7% later at p99 at load average 14), so the tolerance is
        // wider than for steady traffic, and one-sided below: the wire never sees an answer before the server sends it
        double server99 = r.server().getValueAtPercentile(99);
        assertThat((double) r.raw().getValueAtPercentile(99)).as("raw p99 (µs) vs the server's %.0f µs", server99)
            .isBetween(0.95 * server99, 1.15 * server99);
        assertThat(r.corrected().getValueAtPercentile(99)).as("corrected p99 never below raw")
            .isGreaterThanOrEqualTo(r.raw().getValueAtPercentile(99));
        // the corrected tail is what the stall schedule implies (see stalledQuantileMicros): p99 ~400 ms, p98 ~300 ms
        // for 500 ms every 10 s; a wait counted twice, or stalled sends timed from when they finally left, misses it.
        // The recorded window (~22 s) holds 2 or 3 stalls: 4.5-6.8% of sends instead of 5%, p98 280-353 ms
        double service = r.server().getValueAtPercentile(50);
        for (double p : new double[] {98, 99}) {
            assertTail("corrected p" + p, r.corrected().getValueAtPercentile(p),
                stalledQuantileMicros(p / 100, 500, 10_000) + service, r.server().getValueAtPercentile(p));
        }
    }

    @Test
    void stallScheduleImpliesTheCorrectedTail() {
        // 500 ms every 10 s: 5% of sends stalled, their waits uniform in (0, 500 ms]
        assertThat(stalledQuantileMicros(0.99, 500, 10_000)).isCloseTo(400_000, org.assertj.core.data.Offset.offset(1.0));
        assertThat(stalledQuantileMicros(0.98, 500, 10_000)).isCloseTo(300_000, org.assertj.core.data.Offset.offset(1.0));
        assertThat(stalledQuantileMicros(0.999, 500, 10_000)).isCloseTo(490_000, org.assertj.core.data.Offset.offset(1.0));
        assertThat(stalledQuantileMicros(0.9, 500, 10_000)).isZero();
    }

    /**
     * The corrected latency's quantile {@code q} (µs, the server's own work left out) when every {@code everyMs} the
     * server stops for {@code stallMs} and sends are meant at random times (Poisson, so a fraction {@code f =
     * stallMs / everyMs} of them is meant during a stall): a send meant {@code x} ms into a stall waits the rest of it,
     * so the stalled ones wait uniformly between 0 and {@code stallMs} (with sends meant every T ms: S, S-T, S-2T...),
     * and {@code P(wait > v) = f (1 - v / stallMs)}. Quantiles below {@code 1 - f} fall among the unstalled sends: 0.
     */
    static double stalledQuantileMicros(double q, long stallMs, long everyMs) {
        double f = (double) stallMs / everyMs;
        double tail = 1 - q;
        return tail >= f ? 0 : stallMs * 1000.0 * (1 - tail / f);
    }

    /**
     * Loose on a loaded 2-core machine (timer wake-ups, GC, the burst at a stall's end; the stalls a 20 s window holds
     * vary by one), yet failing on a wait lost or doubled: not below 0.8x the expected value, not above 1.5x + 5 ms
     * of it. A machine can only slow the server down, never speed it up: when the server's own figure for the same
     * calls ({@code serverMicros}, measured without rcbench) lies above the expected value, the server really held
     * the calls that long (CI saw a server p99 of 1.75 s for 119 ms injected at load average 6), and the upper bound
     * is taken from it instead.
     */
    private static void assertTail(String what, double measuredMicros, double expectedMicros, double serverMicros) {
        double upper = 1.5 * Math.max(expectedMicros, serverMicros) + 5_000;
        assertThat(measuredMicros).as("%s: %.0f µs vs %.0f µs expected (server: %.0f µs)", what, measuredMicros,
            expectedMicros, serverMicros).isBetween(0.8 * expectedMicros, upper);
    }

    private static void assertWithin(String what, double measured, double truth, double percentile) {
        double tolerance = Math.max(0.05 * truth, 1000);
        assertThat(measured).as("%s p%s: %.0f µs vs %.0f µs", what, percentile, measured, truth)
            .isBetween(truth - tolerance, truth + tolerance);
    }
}
