package io.rcbench.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.cli.Main;
import io.rcbench.report.RunData;
import io.rcbench.run.RunSummary;
import io.rcbench.verdict.RecordedVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scrapes a short ci-smoke run's {@code /metrics} every second; after the run (the endpoint
 * lingers so the final figures are scraped) the totals it stored equal {@code summary.json}'s, and its
 * {@code histogram_quantile} p95s of sendMessage and of deliveries over the hold agrees with the report's exact p95 within a bucket.
 */
class LiveMetricsPrometheusTest {
    /** Values older than this are not looked at; the whole run is shorter. */
    private static final String WINDOW = "[15m]";

    @TempDir
    Path dir;

    @Test
    void prometheusSeesTheSummarysCountsAndTheReportsPercentile() throws Exception {
        int port = PrometheusServer.freePort();
        Path reports = dir.resolve("reports");
        int code;
        try (PrometheusServer prometheus = PrometheusServer.start(Files.createDirectories(dir.resolve("prom")),
            "127.0.0.1:" + port)) {
            code = Main.run("run", "--set", "warmup.seconds=2", "--set", "hold.seconds=10", "--reports",
                reports.toString(), "--metrics-port", Integer.toString(port), "--metrics-linger", "4s");
            Path run = onlyRun(reports);
            // not about the verdict, but the verdict must be the one the run's own facts call for (its exit code too)
            RecordedVerdict.read(run).assertFollowsFromItsFacts(code);
            RunData data = RunData.read(run);
            RunSummary s = data.summary();
            assertThat(s.actions().get("sendMessage").ok()).isPositive();

            Map<String, Double> ok = byLabels(prometheus.query("last_over_time(rcbench_actions_total{outcome=\"ok\"}"
                + WINDOW + ")"), "action");
            Map<String, Double> failed = byLabels(prometheus.query(
                "last_over_time(rcbench_actions_total{outcome=\"failed\"}" + WINDOW + ")"), "action");
            Map<String, Double> started = byLabels(prometheus.query("last_over_time(rcbench_actions_started_total"
                + WINDOW + ")"), "action");
            Map<String, Double> late = byLabels(prometheus.query("last_over_time(rcbench_actions_late_total"
                + WINDOW + ")"), "action");
            Map<String, Double> missed = byLabels(prometheus.query("last_over_time(rcbench_actions_missed_total"
                + WINDOW + ")"), "action");
            assertThat(ok.keySet()).as("actions scraped").isEqualTo(s.actions().keySet());
            s.actions().forEach((action, c) -> {
                assertThat(ok.get(action)).as("%s ok", action).isEqualTo((double) c.ok());
                assertThat(failed.get(action)).as("%s failed", action).isEqualTo((double) c.failed());
                assertThat(started.get(action)).as("%s attempted", action).isEqualTo((double) c.attempted());
                assertThat(late.get(action)).as("%s late", action).isEqualTo((double) c.late());
                assertThat(missed.get(action)).as("%s missed", action).isEqualTo((double) c.missed());
            });
            Map<String, Double> errors = byLabels(prometheus.query("last_over_time(rcbench_errors_total" + WINDOW + ")"),
                "reason");
            Map<String, Double> expectedErrors = new HashMap<>();
            s.errors().forEach((k, v) -> expectedErrors.put(k, (double) v));
            assertThat(errors).isEqualTo(expectedErrors);
            assertThat(single(prometheus, "rcbench_deliveries_expected")).isEqualTo(s.deliveries().expected());
            assertThat(single(prometheus, "rcbench_deliveries_received_total")).isEqualTo(s.deliveries().received());
            assertThat(single(prometheus, "rcbench_deliveries_lost_total")).isEqualTo(s.deliveries().lost());
            assertThat(s.deliveries().received()).isPositive();

            // the report's exact p95 over the hold, and Prometheus's estimate from the hold's buckets
            for (String metric : java.util.List.of("sendMessage", "delivery")) {
                Histogram exact = data.latency().hold().get(metric);
                double reportP95 = exact.getValueAtPercentile(95) / 1e6;
                String hold = "{action=\"" + metric + "\",timing=\"corrected\",phase=\"hold\"}";
                JsonNode q = prometheus.query("histogram_quantile(0.95, sum by (le) (last_over_time("
                    + "rcbench_latency_seconds_bucket" + hold + WINDOW + ")))");
                double promP95 = q.get(0).path("value").get(1).asDouble();
                double holdCount = single(prometheus, "sum(last_over_time(rcbench_latency_seconds_count" + hold
                    + WINDOW + "))");
                System.out.printf("%s p95 over the hold: report %.4f s (%d values), Prometheus %.4f s (%.0f values)%n",
                    metric, reportP95, exact.getTotalCount(), promP95, holdCount);
                // a live value's phase is that of its recording time, the report's that of its 1 s interval's
                // start: the two hold windows differ by under one interval at each end (a few values when sends are
                // sparse, as on a loaded CI machine)
                assertThat(Math.abs(holdCount - exact.getTotalCount())).as("%s values in the hold: %.0f vs %d", metric,
                    holdCount, exact.getTotalCount()).isLessThanOrEqualTo(Math.max(3, 0.25 * exact.getTotalCount()));
                // so the two p95s may fall on either side of a bucket boundary: within one bucket of each other
                double[] bucket = widened(bucketOf(promP95));
                assertThat(reportP95).as("%s: the report's p95 lies within a bucket of Prometheus's, %s", metric,
                    java.util.Arrays.toString(bucket)).isBetween(bucket[0], bucket[1]);
            }
        }
    }

    /** {@code b} with the buckets on either side of it. */
    private static double[] widened(double[] b) {
        double lower = bucketOf(Math.nextDown(b[0]))[0];
        double upper = b[1] == Double.MAX_VALUE ? b[1] : bucketOf(Math.nextUp(b[1]))[1];
        return new double[] {b[0] <= 0 ? 0 : lower, upper};
    }

    /** [lower, upper] bounds of the classic bucket holding {@code v}. */
    private static double[] bucketOf(double v) {
        double lower = 0;
        for (double upper : LatencyHistograms.BOUNDS) {
            if (v <= upper) {
                return new double[] {lower, upper};
            }
            lower = upper;
        }
        return new double[] {lower, Double.MAX_VALUE};
    }

    private static long single(PrometheusServer p, String metric) throws Exception {
        String q = metric.startsWith("sum(") ? metric : "last_over_time(" + metric + WINDOW + ")";
        JsonNode r = p.query(q);
        assertThat(r).as("%s scraped", metric).hasSize(1);
        return Math.round(r.get(0).path("value").get(1).asDouble());
    }

    private static Map<String, Double> byLabels(JsonNode result, String label) {
        Map<String, Double> out = new HashMap<>();
        for (JsonNode series : result) {
            assertThat(series.path("metric").path("profile").asText()).isEqualTo("ci-smoke");
            assertThat(series.path("metric").path("shard").asText()).isEqualTo("0/1");
            out.put(series.path("metric").path(label).asText(), series.path("value").get(1).asDouble());
        }
        return out;
    }

    private static Path onlyRun(Path reports) throws Exception {
        try (Stream<Path> runs = Files.list(reports)) {
            return runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
