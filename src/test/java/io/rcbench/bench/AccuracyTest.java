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
 * the corrected and raw p99 show them as the server does (senders do not wait for their previous call).
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
    }

    private static void assertWithin(String what, double measured, double truth, double percentile) {
        double tolerance = Math.max(0.05 * truth, 1000);
        assertThat(measured).as("%s p%s: %.0f µs vs %.0f µs", what, percentile, measured, truth)
            .isBetween(truth - tolerance, truth + tolerance);
    }
}
