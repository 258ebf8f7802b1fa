package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerChartsTest {
    @Test
    void countersAreDrawnAsRatesAndGaugesAsValues() {
        assertThat(ServerCharts.isCounter("rocketchat_message_sent_total")).isTrue();
        assertThat(ServerCharts.isCounter("rocketchat_message_sent")).isTrue(); // prom-client's name, no suffix
        assertThat(ServerCharts.isCounter("rocketchat_meteor_methods_count")).isTrue();
        assertThat(ServerCharts.isCounter("rocketchat_ddp_sessions_count")).isFalse(); // a gauge despite its name
        assertThat(ServerCharts.isCounter("process_resident_memory_bytes")).isFalse();
        assertThat(ServerCharts.family("rocketchat_meteor_methods_count{method=\"login\"}")).isEqualTo("rocketchat_meteor_methods_count");
    }

    @Test
    void rateIsPerSecondAndAResetIsAGap() {
        double[] r = ServerCharts.rate(new double[] {0, 10, 20, 30}, new double[] {100, 150, 10, 60});
        assertThat(r[0]).isNaN();
        assertThat(r[1]).isEqualTo(5);
        assertThat(r[2]).isNaN();
        assertThat(r[3]).isEqualTo(5);
    }

    @Test
    void summariesGiveMeanDurationsAndLegendsShowOnlyWhatDiffers() {
        double[] mean = ServerCharts.meanMs(new double[] {1.0, 1.5, 1.5}, new double[] {10, 20, 20});
        assertThat(mean[0]).isNaN();
        assertThat(mean[1]).isEqualTo(50); // 0.5 s over 10 calls
        assertThat(mean[2]).isNaN(); // no calls in between
        var labels = ServerCharts.labels(java.util.List.of(
            "m_count{has_connection=\"true\",method=\"login\"}", "m_count{has_connection=\"true\",method=\"sendMessage\"}"));
        assertThat(labels.values()).containsExactly("method=\"login\"", "method=\"sendMessage\"");
        assertThat(ServerCharts.labels(java.util.List.of("process_cpu_seconds_total")).values()).containsExactly("process_cpu_seconds_total");
    }
}
