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
 * Test run folders: a seeded ten-minute, 200-user synthetic run (ten-second intervals, latencies recorded through
 * LatencyRecorder) with a verdict for two profiles, a capacity curve and a Gatling report folder.
 */
final class RunFixture {
    static final String RUN_ID = "20261201-060000-minimal-vps";
    private static final Map<String, Path> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();

    private RunFixture() {
    }

    /** Writes the run under {@code reports/<RUN_ID>} and returns the run folder. */
    static Path write(Path reports) throws IOException {
        return write(reports, RUN_ID, 42, 200, 0);
    }

    /** A run starting {@code laterMs} after the first fixture run. */
    static Path write(Path reports, String runId, long seed, int users, long laterMs) throws IOException {
        Path dir = reports.resolve(runId);
        String key = runId + "-" + seed + "-" + users + "-" + laterMs;
        Path template = TEMPLATES.get(key);
        if (template == null) {
            // writing the logs takes a second or two: once per JVM, then copies
            template = Files.createTempDirectory("rcbench-fixture-");
            template.toFile().deleteOnExit();
            SyntheticRun.write(template, new SyntheticRun.Options(runId, seed, 600, 10, users, SyntheticRun.START_EPOCH_MS + laterMs));
            TEMPLATES.put(key, template);
        }
        Files.createDirectories(dir);
        try (var files = Files.list(template)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                f.toFile().deleteOnExit();
            }
        }
        Files.writeString(dir.resolve("verdict.json"), """
            {"targetCheck": ["cores: 1 (profile 1)", "memory limit: 512 MB (profile 1024 MB) <smaller>"],
             "profiles": [
              {"profile": "minimal-vps", "status": "FAIL", "reasons": [],
               "slos": [
                 {"name": "sendMessage p99", "status": "MISSED", "unit": "ms", "samples": 2809,
                  "text": "sendMessage p99 328 ms exceeds the 300 ms limit during the hold window",
                  "measured": 328, "threshold": 300, "marginPercent": 9.3},
                 {"name": "delivery p95", "status": "MET", "unit": "ms", "samples": 11236, "text": "delivery p95 177 ms",
                  "measured": 177, "threshold": 2000, "marginPercent": -91.2},
                 {"name": "error rate", "status": "MET", "unit": "%", "samples": 2809, "text": "error rate 0.18 %",
                  "measured": 0.18, "threshold": 1, "marginPercent": -82.0}]},
              {"profile": "recommended-vps", "status": "PASS", "reasons": [],
               "slos": [{"name": "sendMessage p99", "status": "MET", "unit": "ms", "samples": 2809,
                         "text": "sendMessage p99 328 ms", "measured": 328, "threshold": 1000, "marginPercent": -67.2}]}
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
