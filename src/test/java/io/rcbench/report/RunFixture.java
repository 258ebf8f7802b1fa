package io.rcbench.report;

import io.rcbench.report.synthetic.SyntheticRun;
import io.rcbench.run.CapacityResult;
import io.rcbench.run.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test run folders: a seeded ten-minute, 200-user synthetic run with a verdict for two profiles, a capacity
 * curve and a Gatling report folder.
 */
final class RunFixture {
    static final String RUN_ID = "20261201-060000-minimal-vps";

    private RunFixture() {
    }

    /** Writes the run under {@code reports/<RUN_ID>} and returns the run folder. */
    static Path write(Path reports) throws IOException {
        return write(reports, RUN_ID, 42, 200, 0);
    }

    /** A run starting {@code laterMs} after the first fixture run. */
    static Path write(Path reports, String runId, long seed, int users, long laterMs) throws IOException {
        Path dir = reports.resolve(runId);
        SyntheticRun.write(dir, new SyntheticRun.Options(runId, seed, 600, 10, users, SyntheticRun.START_EPOCH_MS + laterMs));
        Files.writeString(dir.resolve("verdict.json"), """
            {"profiles": [
              {"profile": "minimal-vps", "status": "FAIL",
               "reasons": ["sendMessage p99 1,840 ms exceeds the 1,500 ms limit during the hold window"],
               "slos": [
                 {"name": "sendMessage p99", "thresholdMs": 1500, "measuredMs": 1840, "marginMs": -340, "pass": false},
                 {"name": "delivery p95", "thresholdMs": 2000, "measuredMs": 61.5, "marginMs": 1938.5, "pass": true},
                 {"name": "error rate", "threshold": "1 %", "measured": "0.02 %", "margin": "0.98 %", "pass": true}]},
              {"profile": "recommended-vps", "status": "PASS", "reasons": [],
               "slos": [{"name": "sendMessage p99", "thresholdMs": 2500, "measuredMs": 1840, "marginMs": 660, "pass": true}]}
            ]}
            """);
        new CapacityResult("minimal-vps", List.of(
            step(25, 20, 60, 25, true), step(50, 24, 75, 32, true), step(100, 31, 140, 50, true),
            step(150, 44, 380, 210, true), step(200, 90, 1400, 900, true), step(250, 300, 4100, 2600, false)),
            List.of(new CapacityResult.Slo("sendMessage", 99, 1500), new CapacityResult.Slo("delivery", 95, 2000),
                new CapacityResult.Slo("sendMessage", 95, 1000)), 150, 200).write(dir);
        Path gatling = dir.resolve("gatling/rcbenchsimulation");
        Files.createDirectories(gatling);
        Files.writeString(gatling.resolve("index.html"), "<!doctype html><title>Gatling</title><p>Gatling report</p>");
        return dir;
    }

    private static CapacityResult.Step step(int users, double p50, double p99, double deliveryP99, boolean pass) {
        return new CapacityResult.Step(users, Map.of(
            "sendMessage", new CapacityResult.Latency(p50, p99 * 0.6, p99),
            "login", new CapacityResult.Latency(p50 * 5, p99 * 1.2, p99 * 1.6)),
            new CapacityResult.Latency(null, deliveryP99 * 0.7, deliveryP99), users * 0.21, pass ? 0 : 37, pass);
    }

    static RunSummary summary(Path dir) throws IOException {
        return new io.rcbench.run.RunFolder(dir).readSummary();
    }
}
