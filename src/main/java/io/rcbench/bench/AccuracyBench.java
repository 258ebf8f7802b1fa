package io.rcbench.bench;

import io.rcbench.gatling.GatlingDriver;
import io.rcbench.job.Adapters;
import io.rcbench.job.JobSpec;
import io.rcbench.job.MainJob;
import io.rcbench.metrics.IntervalLog;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.Population;
import io.rcbench.run.RunFolder;
import io.rcbench.sut.EmbeddedSize;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.WorkspaceConfig;
import io.rcbench.workspace.fault.FaultConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * How accurate are rcbench's latency figures? Runs {@code SendOnlySimulation} against an in-process embedded
 * workspace that injects a known latency distribution into {@code sendMessage} (and optionally periodic stalls),
 * then prints the injected truth beside rcbench's corrected and raw percentiles and Gatling's own, for the same run.
 */
public final class AccuracyBench {
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "accuracy-admin-pw";

    private AccuracyBench() {
    }

    /** sendMessage as measured, by rcbench (µs) and by Gatling (ms, its own percentiles). */
    public record Result(Histogram corrected, Histogram raw, Histogram server, Map<String, Long> gatlingMillis,
                         long errors) {
    }

    /**
     * @param senders        bot accounts sending (exempt from the 5 messages/s rule)
     * @param perSecond      messages per second per sender (Poisson)
     */
    public static Result run(Adapters adapters, Path dir, FaultConfig faults, int senders, double perSecond, Duration hold,
                             PrintStream console) throws Exception {
        return run(adapters, dir, faults, senders, perSecond, hold, console, java.util.function.UnaryOperator.identity());
    }

    /**
     * As above, the senders reaching the workspace through {@code route(workspace's base URI)}: a recording proxy on
     * the wire, to hold rcbench's raw times against what the wire saw (provisioning goes through it too).
     */
    public static Result run(Adapters adapters, Path dir, FaultConfig faults, int senders, double perSecond, Duration hold,
                             PrintStream console, java.util.function.UnaryOperator<java.net.URI> route) throws Exception {
        try (Workspace ws = Workspace.start(WorkspaceConfig.defaults(dir.resolve("workspace"))
            .withAdmin(ADMIN, ADMIN_PASSWORD).withPorts("127.0.0.1", 0, 0).withSettings(WorkspaceConfig.NO_RATE_LIMITS)
            .withFaults(faults))) {
            LoadPlan.Rates rates = LoadPlan.Rates.textOnly(perSecond * 60);
            Population population = Population.uniform(senders, senders, senders, 0);
            java.net.URI target = route.apply(ws.baseUri());
            LoadPlan plan = new LoadPlan(MainJob.newRunId("accuracy"), target, "ddp", "user.", "bot.",
                population.membership(List.of(0)), "accuracy-user-pw", senders, 0, senders, Duration.ZERO, hold, rates, 0,
                List.of(), 7, Duration.ofSeconds(30), Duration.ofMillis(10), Duration.ofSeconds(10), null);
            JobSpec spec = new JobSpec(target, new EmbeddedSize(1, 1024), population, plan, null, null, true, ADMIN,
                ADMIN_PASSWORD, dir.resolve("reports"), "io.rcbench.simulations.SendOnlySimulation", Duration.ofSeconds(2),
                List.of(), 0, 1, false);
            MainJob.Outcome out = new MainJob(spec, adapters, console).run();
            IntervalLog log = IntervalLog.readTotals(out.folder().latencyLogs(), 0, Long.MAX_VALUE);
            Histogram corrected = log.totals().getOrDefault("sendMessage", new Histogram(3));
            Histogram raw = log.totals().getOrDefault("sendMessage.raw", new Histogram(3));
            long errors = out.summary().errors().values().stream().mapToLong(Long::longValue).sum();
            Histogram server = ws.metrics().takeResponseTimes("sendMessage");
            return new Result(corrected, raw, server, gatlingPercentiles(out.folder(), "sendMessage"), errors);
        }
    }

    /** Gatling's percentiles (ms) for one request, read from its HTML report ("50th percentile" rows). */
    static Map<String, Long> gatlingPercentiles(RunFolder folder, String request) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        var report = GatlingDriver.reportOf(folder.dir().resolve(RunFolder.GATLING_DIR));
        if (report.isEmpty()) {
            return out;
        }
        try (Stream<Path> files = Files.list(report.get())) {
            Path page = files.filter(p -> p.getFileName().toString().startsWith("req_" + request.toLowerCase()))
                .findFirst().orElse(null);
            if (page == null) {
                return out;
            }
            Matcher m = Pattern.compile("title\">(\\d+)(?:st|nd|rd|th) percentile</td>\\s*<td class=\"total\">([\\d,]+)<")
                .matcher(Files.readString(page));
            while (m.find()) {
                out.put("p" + m.group(1), Long.parseLong(m.group(2).replace(",", "")));
            }
        }
        return out;
    }

    /** The comparison table. */
    public static void print(Result r, FaultConfig faults, PrintStream out) {
        var truth = faults.methodLatency().get("sendMessage");
        out.printf("%-28s %10s %10s %10s %10s %8s%n", "sendMessage (ms)", "p50", "p95", "p99", "p99.9", "count");
        if (truth != null) {
            out.printf("%-28s %10.2f %10.2f %10.2f %10.2f %8s%n", "injected truth (+ service)",
                truth.quantileMicros(0.5) / 1000, truth.quantileMicros(0.95) / 1000, truth.quantileMicros(0.99) / 1000,
                truth.quantileMicros(0.999) / 1000, "-");
        }
        row(out, "server (frame in -> result)", r.server());
        row(out, "rcbench corrected (intended)", r.corrected());
        row(out, "rcbench raw (service time)", r.raw());
        out.printf("%-28s %10s %10s %10s %10s %8s%n", "Gatling (its own report)", r.gatlingMillis().getOrDefault("p50", -1L),
            r.gatlingMillis().getOrDefault("p95", -1L), r.gatlingMillis().getOrDefault("p99", -1L), "n/a", "-");
        out.printf("errors: %d%n", r.errors());
    }

    private static void row(PrintStream out, String name, Histogram h) {
        out.printf("%-28s %10.2f %10.2f %10.2f %10.2f %8d%n", name, h.getValueAtPercentile(50) / 1000.0,
            h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
            h.getValueAtPercentile(99.9) / 1000.0, h.getTotalCount());
    }

}
