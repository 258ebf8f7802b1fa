package io.rcbench.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.run.ErrorReason;
import io.rcbench.run.HealthProbe;
import io.rcbench.run.LiveFeed;
import io.rcbench.run.RunMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The exporter over HTTP: what a run records shows under rcbench_* names, counters stay monotonic across runs. */
class LiveExporterTest {
    @Test
    void showsWhatTheRunRecordsAndCarriesCountsAcrossRuns() throws Exception {
        try (LiveExporter live = LiveExporter.start("127.0.0.1", 0, "ci-smoke", "1/4")) {
            assertThat(LiveFeed.installed()).isSameAs(live);
            RunMetrics first = new RunMetrics(Duration.ofMillis(100), Duration.ofSeconds(5));
            first.started("sendMessage", 0, 0);
            first.succeeded("sendMessage", 0, 0, 40_000_000); // 40 ms
            first.failed("login", ErrorReason.TIMEOUT);
            first.connectedUsers().incrementAndGet();
            first.deliveries().listen("r1", "u1");
            first.deliveries().sent("m1", "r1", "u0", 0);
            first.deliveries().received("m1", "u1", 7_000_000, micros -> first.record("delivery", micros));
            live.health(() -> new HealthProbe.Sample(50, 20, 30, 4)).take();
            String text = scrape(live.port());
            assertThat(text).contains(
                "rcbench_actions_total{action=\"sendMessage\",outcome=\"ok\",profile=\"ci-smoke\",shard=\"1/4\"} 1.0",
                "rcbench_actions_total{action=\"login\",outcome=\"failed\",profile=\"ci-smoke\",shard=\"1/4\"} 1.0",
                "rcbench_errors_total{profile=\"ci-smoke\",reason=\"timeout\",shard=\"1/4\"} 1.0",
                "rcbench_users{profile=\"ci-smoke\",shard=\"1/4\",state=\"connected\"} 1.0",
                "rcbench_deliveries_received_total{profile=\"ci-smoke\",shard=\"1/4\"} 1.0",
                "rcbench_latency_seconds_bucket{action=\"sendMessage\",phase=\"starting\",profile=\"ci-smoke\",shard=\"1/4\",timing=\"corrected\",le=\"0.05\"} 1",
                "rcbench_latency_seconds_bucket{action=\"sendMessage\",phase=\"starting\",profile=\"ci-smoke\",shard=\"1/4\",timing=\"raw\",le=\"0.03\"} 0",
                "rcbench_latency_seconds_bucket{action=\"delivery\",phase=\"starting\",profile=\"ci-smoke\",shard=\"1/4\",timing=\"corrected\",le=\"0.0075\"} 1",
                "rcbench_run_phase{phase=\"starting\",profile=\"ci-smoke\",shard=\"1/4\"} 1.0",
                "rcbench_injector_cpu_ratio{profile=\"ci-smoke\",shard=\"1/4\"} 0.5",
                "rcbench_injector_gc_pause_seconds_total{profile=\"ci-smoke\",shard=\"1/4\"} 0.03",
                "rcbench_injector_event_loop_lag_seconds{profile=\"ci-smoke\",shard=\"1/4\"} 0.004",
                "process_cpu_seconds_total", "jvm_memory_used_bytes")
                .as("a phase's series appears with its first value").doesNotContain("rcbench_latency_seconds_count{action=\"sendMessage\",phase=\"hold\"");

            // a capacity search's next step: a new run, counters keep counting
            RunMetrics second = new RunMetrics(Duration.ofMillis(100), Duration.ofSeconds(5));
            second.started("sendMessage", 0, 0);
            second.succeeded("sendMessage", 0, 0, 1_000_000);
            first.succeeded("sendMessage", 0, 0, 1_000_000); // the finished run no longer feeds the view
            assertThat(scrape(live.port())).contains(
                "rcbench_actions_total{action=\"sendMessage\",outcome=\"ok\",profile=\"ci-smoke\",shard=\"1/4\"} 2.0",
                "rcbench_latency_seconds_count{action=\"sendMessage\",phase=\"starting\",profile=\"ci-smoke\",shard=\"1/4\",timing=\"corrected\"} 2");
        }
        assertThat(LiveFeed.installed()).isSameAs(LiveFeed.NONE);
    }

    static String scrape(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
