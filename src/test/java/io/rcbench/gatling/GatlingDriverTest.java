package io.rcbench.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.run.LoadPlan;
import io.rcbench.run.Membership;
import io.rcbench.run.RunMetrics;
import io.rcbench.run.RunSummary;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingDriverTest {
    static LoadPlan plan(int users, double loginsPerSecond, Duration hold) {
        LoadPlan.Rates rates = LoadPlan.Rates.textOnly(1);
        return new LoadPlan("test-run", URI.create("http://127.0.0.1:1"), "ddp", "user.", "bot.",
            new Membership(Map.of(), Membership.Shares.CHANNELS_ONLY), "pw", users, 0,
            loginsPerSecond, Duration.ZERO, hold, rates, 0, List.of(), 1, Duration.ofSeconds(5), Duration.ofMillis(50),
            Duration.ofSeconds(5), null);
    }

    @Test
    void runsTheAdapterThroughGatlingAndRecordsBothSides(@TempDir Path dir) throws Exception {
        LoadPlan plan = plan(4, 2, Duration.ofSeconds(2));
        RunMetrics metrics = new RunMetrics(plan.lateness(), plan.deliveryTimeout());
        RunContext ctx = new RunContext(plan, metrics, Duration.ZERO);
        int exit = GatlingDriver.run(ctx, AdapterSmokeSimulation.class.getName(), dir);

        assertThat(exit).isZero();
        Map<String, RunSummary.ActionCounts> counts = metrics.counters().totals();
        // 4 users x 20 arrivals/s from their login (over a 2 s ramp) to the end of a 2 s hold: ~240 expected
        assertThat(counts.get("work").ok()).isBetween(150L, 330L);
        assertThat(counts.get("work").failed()).isZero();
        assertThat(counts.get("boot").ok()).isEqualTo(4);
        assertThat(counts.get("fail").failed()).isEqualTo(4);
        assertThat(metrics.counters().errors()).containsEntry("timeout", 4L);
        Map<String, Histogram> h = metrics.latency().takeIntervals();
        assertThat(h.get("work.raw").getValueAtPercentile(50)).isBetween(AdapterSmokeSimulation.STEP_MILLIS * 1000,
            AdapterSmokeSimulation.STEP_MILLIS * 1000 + 15_000);
        assertThat(h.get("work").getTotalCount()).isEqualTo(h.get("work.raw").getTotalCount());
        assertThat(GatlingDriver.reportOf(dir)).isPresent();
        assertThat(Files.exists(GatlingDriver.reportOf(dir).orElseThrow().resolve("index.html"))).isTrue();
    }
}
