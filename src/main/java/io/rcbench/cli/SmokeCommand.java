package io.rcbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.RandomId;
import io.rcbench.smoke.SmokeLoad;
import io.rcbench.smoke.SmokePlan;
import io.rcbench.smoke.SmokeReport;
import io.rcbench.smoke.SmokeSummary;
import io.rcbench.workspace.Envelope;
import io.rcbench.workspace.WorkspaceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rcbench run}: the main job. Until the Gatling simulations land it starts the embedded workspace in its
 * own JVM held to an envelope, seeds it, runs a short smoke load and writes {@code reports/<run-id>/}.
 * Ctrl-C stops the load and still writes the report from what was measured.
 */
@Command(name = "smoke", hidden = true, mixinStandardHelpOptions = true,
    description = "Run the main job: smoke load against the embedded workspace; report under reports/<run-id>/.")
final class SmokeCommand implements Callable<Integer> {
    @Option(names = "--users", defaultValue = "20", description = "Simulated users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--room-size", defaultValue = "5", description = "Members per room (default: ${DEFAULT-VALUE}).")
    int roomSize;

    @Option(names = "--duration", defaultValue = "20", description = "Seconds of load after login (default: ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--rate", defaultValue = "30", description = "Messages per user per minute (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--cores", defaultValue = "1", description = "Workspace envelope: CPUs (default: ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--memory-mb", defaultValue = "1024", description = "Workspace envelope: heap MB (default: ${DEFAULT-VALUE}).")
    long memoryMb;

    @Option(names = "--reports", defaultValue = "reports", description = "Where runs are written (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--target", description = "A Rocket.Chat URL. Not supported by the smoke job yet: the simulations issue adds it.")
    URI target;

    @Override
    public Integer call() throws Exception {
        if (target != null) {
            System.err.println("--target is not supported by the smoke job yet; run without it to use the embedded workspace.");
            return 2;
        }
        SmokePlan plan = new SmokePlan(users, roomSize, duration, rate);
        Envelope envelope = new Envelope(cores, memoryMb);
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-smoke";
        Path runDir = reports.resolve(runId);
        String userPassword = System.getenv().getOrDefault("RCBENCH_USER_PASSWORD", "performance");
        System.out.printf("run %s: starting the embedded workspace (%d core(s), %d MB)%n", runId, cores, memoryMb);
        try (WorkspaceProcess ws = WorkspaceProcess.start(envelope, runDir.resolve("workspace-data"), RandomId.secret(24),
            List.of("--users", Integer.toString(users), "--rooms", Integer.toString(plan.rooms()),
                "--room-size", Integer.toString(roomSize)))) {
            JsonNode info = preflight(ws.baseUri());
            ObjectNode header = Json.object().put("runId", runId).put("kind", "smoke");
            ObjectNode targetInfo = header.putObject("target").put("url", ws.baseUri().toString())
                .put("product", info.path("product").asText("unknown")).put("version", info.path("rcbench").path("version").asText())
                .put("protocol", info.path("rcbench").path("protocol").asText());
            targetInfo.putObject("envelope").put("cores", cores).put("memoryMb", memoryMb).put("cpuList", envelope.cpuList());
            header.putObject("injector").put("cores", Runtime.getRuntime().availableProcessors())
                .put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20).put("client", "Java-WebSocket stock client (smoke only)");
            header.putObject("plan").put("users", users).put("roomSize", roomSize).put("durationSeconds", duration)
                .put("messagesPerUserPerMinute", rate);
            System.out.printf("target: %s %s (%s) at %s%n", targetInfo.path("product").asText(), targetInfo.path("version").asText(),
                targetInfo.path("protocol").asText(), ws.baseUri());

            SmokeLoad load = new SmokeLoad(plan, ws.baseUri(), userPassword);
            AtomicBoolean written = new AtomicBoolean();
            Thread onInterrupt = new Thread(() -> writeOnce(written, runDir, header, load.stop()), "report-on-interrupt");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            SmokeSummary summary = load.run(runDir, System.out);
            writeOnce(written, runDir, header, summary);
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
            System.out.printf("report: %s%n", runDir.resolve("index.html"));
            return summary.errors().isEmpty() && summary.lostDeliveries() == 0 ? 0 : 1;
        }
    }

    private static void writeOnce(AtomicBoolean written, Path runDir, ObjectNode header, SmokeSummary summary) {
        if (written.compareAndSet(false, true)) {
            try {
                SmokeReport.write(runDir, header, summary);
            } catch (java.io.IOException e) {
                System.err.println("cannot write the report: " + e.getMessage());
            }
        }
    }

    /** The target must answer /api/info before any load; the answer names what it is. */
    static JsonNode preflight(URI base) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/info")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("target " + base + " answered /api/info with HTTP " + r.statusCode());
            }
            return Json.parse(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("target " + base + " is unreachable: " + e.getMessage(), e);
        }
    }
}
