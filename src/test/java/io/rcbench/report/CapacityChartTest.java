package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.run.CapacityResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityChartTest {
    private static CapacityResult.Step step(int users, double p95, boolean pass) {
        return new CapacityResult.Step(users, Map.of("sendMessage", new CapacityResult.Latency(p95 / 2, p95, p95 * 1.5)),
            new CapacityResult.Latency(null, p95 / 3, p95 / 2), users * 0.2, 0, pass);
    }

    @Test
    void curveIsSortedByUsersWithLimitsKneeAndCeiling() {
        CapacityResult r = new CapacityResult("p", List.of(step(40, 900, false), step(10, 50, true), step(20, 80, true)),
            List.of(new CapacityResult.Slo("sendMessage", 95, 500), new CapacityResult.Slo("login", 95, 2000),
                new CapacityResult.Slo("upload.image", 95, 2000), new CapacityResult.Slo("sendMessage", 99, 1000)), 20, 20);
        Chart c = CapacityChart.of(r, 95);
        Chart.Series send = c.series().get(0);
        assertThat(send.name()).isEqualTo("sendMessage");
        assertThat(send.x()).containsExactly(10, 20, 40);
        assertThat(send.y()).containsExactly(50, 80, 900);
        assertThat(c.series().get(1).name()).isEqualTo("delivery");
        assertThat(c.yBands()).extracting(Chart.Band::label)
            .containsExactly("SLO sendMessage p95 ≤ 500 ms", "SLO login, upload.image p95 ≤ 2,000 ms");
        assertThat(c.yBands().get(0).fill()).isEqualTo(CapacityChart.BREACH_FILL);
        assertThat(c.yBands().get(1).fill()).isEqualTo("none");
        assertThat(c.markers()).extracting(Chart.Marker::label).containsExactly("knee 20", "ceiling 20");
        assertThat(AxisScale.of(c.x(), 0, 2, 0, 100, true).ticks()).containsExactly(0.0, 1.0, 2.0);
    }
}
