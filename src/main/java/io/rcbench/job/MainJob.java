package io.rcbench.job;

import io.rcbench.ddp.RandomId;
import io.rcbench.capacity.BreachWatch;
import io.rcbench.gatling.GatlingDriver;
import io.rcbench.gatling.RunContext;
import io.rcbench.rocketchat.RestClient;
import io.rcbench.rocketchat.RocketChatAdmin;
import io.rcbench.rocketchat.RocketChatException;
import io.rcbench.report.RunIndexWriter;
import io.rcbench.report.RunReportWriter;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunMetrics;
import io.rcbench.run.RunSampler;
import io.rcbench.run.RunSummary;
import io.rcbench.verdict.ExitCodes;
import io.rcbench.verdict.ObservedTarget;
import io.rcbench.verdict.TargetCheck;
import io.rcbench.verdict.Verdict;
import io.rcbench.workspace.WorkspaceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run, start to end: target (the embedded workspace in its own JVM, or a URL), preflight, provisioning, the
 * Gatling simulation with rcbench's recorders, then {@code summary.json} beside the interval log and timeline.
 * Ctrl-C (a JVM shutdown) stops injection, and the summary is still written from what was measured.
 */
public final class MainJob {
    /** Gatling needs a second or two to start: a common start waits until this long before it. */
    private static final long GATLING_BOOT_MS = 4000;
    private final JobSpec spec;
    private volatile List<String> targetCheckLines = List.of();
    private final PrintStream console;

    public MainJob(JobSpec spec, PrintStream console) {
        this.spec = spec;
        this.console = console;
    }

    /**
     * What a finished (or stopped) run left behind; {@code verdict} is null for an ad-hoc run and for a run that could
     * not be made ({@code runError}: why, e.g. no simulated user ever got a session; otherwise null).
     */
    public record Outcome(RunFolder folder, RunSummary summary, TargetFacts target, Verdict verdict, String runError) {
        /** The process exit code: {@link ExitCodes#RUN_ERROR} for a run error, the verdict's, or 0 for an ad-hoc run. */
        public int exitCode() {
            if (runError != null) {
                return ExitCodes.RUN_ERROR;
            }
            return verdict == null ? 0 : verdict.exitCode();
        }
    }

    /** A run id: time, then the profile name (or "adhoc"). */
    public static String newRunId(String profile) {
        return runId(System.currentTimeMillis(), profile);
    }

    /** The run id of a run starting at {@code epochMs} (shards of one run share it). */
    public static String runId(long epochMs, String profile) {
        return LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(epochMs), java.time.ZoneId.systemDefault())
            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
            + (profile == null ? "adhoc" : profile.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    public Outcome run() throws PreflightException, IOException, InterruptedException {
        RunFolder folder = new RunFolder(spec.reports().resolve(spec.plan().runId()));
        if (spec.target() == null) {
            String adminPassword = RandomId.secret(24);
            console.printf("run %s: starting the embedded workspace (%d core(s), %d MB), seeding %d users%n",
                spec.plan().runId(), spec.envelope().cores(), spec.envelope().memoryMb(), spec.population().users());
            try (WorkspaceProcess ws = WorkspaceProcess.start(spec.envelope(), folder.dir().resolve("workspace-data"),
                adminPassword, concat(Provisioner.seedArgs(spec.population()), spec.workspaceArgs()))) {
                URI metrics = URI.create("http://127.0.0.1:" + ws.metricsPort() + "/metrics");
                // the embedded workspace is ours: its limiters are switched off, and the report says so
                TargetFacts facts = Preflight.check(ws.baseUri(), "admin", adminPassword, true, console);
                return runAgainst(folder, ws.baseUri(), facts, metrics, false);
            }
        }
        if (spec.adminUser() == null && !spec.provisioned()) {
            throw new PreflightException("no admin credentials for " + Preflight.safe(spec.target()) + ": set"
                + " RCBENCH_ADMIN_USER and RCBENCH_ADMIN_PASSWORD so rcbench can create the run's accounts and rooms,"
                + " or pass --provisioned if they exist already (users " + spec.plan().userPrefix() + "0.., their rooms,"
                + " password RCBENCH_USER_PASSWORD)");
        }
        TargetFacts facts = Preflight.check(spec.target(), spec.adminUser(), spec.adminPassword(), spec.relaxLimits(),
            console);
        return runAgainst(folder, spec.target(), facts, spec.prometheus(), true);
    }

    private Outcome runAgainst(RunFolder folder, URI base, TargetFacts facts, URI prometheus, boolean remote)
        throws IOException, InterruptedException, PreflightException {
        LoadPlan plan = spec.plan();
        List<String> targetCheck = targetCheck(facts, prometheus, remote);
        targetCheck.forEach(l -> console.println("target check: " + l));
        RestClient rest = RestClient.create(base);
        java.util.List<LoadPlan.Webhook> hooks = java.util.List.of();
        if (facts.admin() != null) {
            RocketChatAdmin admin = new RocketChatAdmin(rest.withCredentials(facts.admin()));
            try {
                if (remote) {
                    Provisioner.provisionAccounts(admin, spec.population(), plan.password(), console);
                }
                Provisioner.createRooms(admin, spec.population(), console);
                hooks = Provisioner.createWebhooks(admin, spec.population(), plan.runId());
            } catch (RocketChatException e) {
                // an incomplete answer or a refusal here would only turn into failures inside the run
                throw new PreflightException("provisioning the target failed: " + e.getMessage(), e);
            }
        }
        LoadPlan resolved = plan.on(base, hooks);

        RunMetrics metrics = new RunMetrics(plan.lateness(), plan.deliveryTimeout());
        long nowMs = System.currentTimeMillis();
        if (spec.startAtEpochMs() > 0 && nowMs > spec.startAtEpochMs() + 1000) {
            throw new PreflightException("the common start " + java.time.Instant.ofEpochMilli(spec.startAtEpochMs())
                + " passed " + (nowMs - spec.startAtEpochMs()) / 1000 + " s ago: give the shards a later --start-at");
        }
        long startEpochMs = spec.startAtEpochMs() > nowMs ? spec.startAtEpochMs() : nowMs;
        long startNanos = System.nanoTime() + (startEpochMs - nowMs) * 1_000_000;
        if (startEpochMs - nowMs > GATLING_BOOT_MS) {
            console.printf("waiting for the common start at %s%n", java.time.Instant.ofEpochMilli(startEpochMs));
            Thread.sleep(startEpochMs - nowMs - GATLING_BOOT_MS);
        }
        RunContext ctx = new RunContext(resolved, metrics, spec.drain(), startNanos);
        MonitorProbe health = new MonitorProbe();
        ctx.onEventLoop(health::watch);
        long plannedMs = resolved.ramp().plus(resolved.warmup()).plus(resolved.hold()).plus(spec.drain()).toMillis();
        RunSampler sampler = new RunSampler(metrics, folder, -1, startEpochMs, startNanos, plannedMs,
            io.rcbench.run.LiveFeed.installed().health(health), console,
            "sendMessage", 1000);
        if (spec.earlyStop() && spec.profile() != null) {
            // a level far over its SLO for 10 s of the hold will not pass: stop it and move on
            BreachWatch watch = new BreachWatch(spec.profile().slos(), 2.0, 10, 5);
            sampler.onInterval((tMs, latencies) -> {
                if (ctx.begun() && System.nanoTime() > ctx.holdStartNanos() && !ctx.stopping().get()
                    && watch.offer(latencies)) {
                    console.println("sustained breach (" + watch.lastBreach() + "): stopping this step early");
                    ctx.stop();
                }
            });
        }
        ServerMetricsScraper scraper = prometheus == null ? null
            : new ServerMetricsScraper(prometheus, folder, startNanos, Duration.ofSeconds(5));

        AtomicBoolean written = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        RunSummary[] result = new RunSummary[1];
        Outcome[] outcome = new Outcome[1];
        Runnable finish = () -> {
            if (written.compareAndSet(false, true)) {
                try {
                    metrics.deliveries().expireAll();
                    sampler.close();
                    if (scraper != null) {
                        scraper.close();
                        if (scraper.failures() > 0) {
                            console.println(scraper.failures() + " scrapes of the target's metrics failed (skipped)");
                        }
                    }
                    result[0] = summary(folder, facts, ctx, startEpochMs, startNanos, sampler);
                    folder.writeSummary(result[0]);
                    if (result[0].client() != null && !result[0].client().nonZero().isEmpty()) {
                        console.println("client failures: " + result[0].client().nonZero());
                    }
                } catch (IOException e) {
                    console.println("cannot write the run's summary: " + e.getMessage());
                }
            }
        };
        Thread onCtrlC = new Thread(() -> {
            console.println("stopping: injection ends, measured figures are kept");
            ctx.stop();
            try {
                // let Gatling wind down and the main thread write; write ourselves if it cannot in time
                if (!done.await(60, TimeUnit.SECONDS)) {
                    finish.run();
                    judgeAndReport(folder);
                }
            } catch (InterruptedException e) {
                finish.run();
                judgeAndReport(folder);
            }
        }, "rcbench-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            int gatling = GatlingDriver.run(ctx, spec.simulation(), folder.dir().resolve(RunFolder.GATLING_DIR));
            if (gatling != 0) {
                console.println("Gatling ended with exit code " + gatling + " (see its output above)");
            }
        } finally {
            finish.run();
            health.close();
            Verdict verdict = null;
            String runError = result[0] == null ? null : unusable(result[0]);
            if (runError != null) {
                // judging would blame the target's latency for a run that never reached it
                console.println("run error, nothing judged: " + runError);
                report(folder);
            } else if (result[0] != null) {
                verdict = judgeAndReport(folder);
            }
            outcome[0] = new Outcome(folder, result[0], facts, verdict, runError);
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C is in progress: the hook is already running and sees `done`
            }
        }
        return outcome[0];
    }

    /**
     * What can be checked of the target against the profile before the run: the embedded workspace's envelope, or a
     * real target's version, instance count and resident memory from its Prometheus endpoint when reachable.
     */
    private List<String> targetCheck(TargetFacts facts, URI prometheus, boolean remote) {
        if (spec.profile() == null) {
            return List.of();
        }
        ObservedTarget observed = ObservedTarget.embedded(facts.info().version(), spec.envelope().cores(),
            spec.envelope().memoryMb());
        if (remote) {
            observed = new ObservedTarget(Preflight.safe(facts.baseUrl()), java.util.Optional.ofNullable(
                facts.info().product()), java.util.Optional.ofNullable(facts.info().version()),
                java.util.OptionalInt.empty(), java.util.OptionalDouble.empty(), java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty());
            if (prometheus != null) {
                try {
                    var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(prometheus)
                        .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        observed = ObservedTarget.fromPrometheus(Preflight.safe(prometheus), r.body());
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    console.println("target check: Prometheus endpoint not reachable (" + e.getMessage() + ")");
                }
            }
        }
        List<String> lines = new java.util.ArrayList<>();
        TargetCheck.check(spec.profile().envelope(), observed).forEach(f -> lines.add(f.line()));
        targetCheckLines = List.copyOf(lines);
        return lines;
    }

    /** The verdict (when a profile was given) and the HTML report, from the run folder. */
    private Verdict judgeAndReport(RunFolder folder) {
        Verdict verdict = null;
        try {
            if (spec.profile() != null) {
                verdict = Evaluation.evaluate(folder, spec.profile(), targetCheckLines);
                console.print(verdict.report());
                targetCheckLines.forEach(l -> console.println("  target: " + l));
            }
        } catch (IOException | RuntimeException e) {
            console.println("cannot judge the run: " + e);
        }
        report(folder);
        return verdict;
    }

    private void report(RunFolder folder) {
        try {
            Path report = RunReportWriter.write(folder.dir());
            RunIndexWriter.write(spec.reports());
            console.println("report: " + report);
        } catch (IOException | RuntimeException e) {
            console.println("cannot write the report: " + e);
        }
    }

    /**
     * Why a run says nothing about the target, or null: no simulated user ever opened a DDP session or logged in (a
     * target that stopped answering after the preflight, a proxy cutting WebSockets). Its failures are then the
     * run's, not latency or errors to judge.
     */
    static String unusable(RunSummary s) {
        for (String step : java.util.List.of("connect", "login")) {
            RunSummary.ActionCounts c = s.actions().get(step);
            if (c != null && c.attempted() > 0 && c.ok() == 0) {
                return "none of " + c.attempted() + " simulated users could " + (step.equals("connect")
                    ? "open a DDP session" : "log in") + " (errors: " + s.errors() + "); check the target and the"
                    + " network between it and this injector";
            }
        }
        return null;
    }

    private RunSummary summary(RunFolder folder, TargetFacts facts, RunContext ctx, long startEpochMs,
                               long startNanos, RunSampler sampler) throws IOException {
        LoadPlan plan = ctx.plan();
        long begin = ctx.begun() ? (ctx.startNanos() - startNanos) / 1_000_000 : 0;
        long holdStart = begin + plan.ramp().toMillis() + plan.warmup().toMillis();
        long stoppedAt = ctx.stoppedAtNanos() != 0 ? ctx.stoppedAtNanos() : System.nanoTime();
        long holdEnd = Math.min(holdStart + plan.hold().toMillis(), (stoppedAt - startNanos) / 1_000_000);
        Integer cores = spec.target() == null ? spec.envelope().cores() : null;
        Integer memory = spec.target() == null ? (int) spec.envelope().memoryMb() : null;
        RunSummary.TargetInfo target = new RunSummary.TargetInfo(facts.kind(), facts.info().product(),
            facts.info().version(), Preflight.safe(facts.baseUrl()), cores, memory, spec.target() == null ? 1 : null);
        String gatling = GatlingDriver.reportOf(folder.dir().resolve(RunFolder.GATLING_DIR))
            .map(p -> folder.dir().relativize(p.resolve("index.html")).toString()).orElse(null);
        return new RunSummary(plan.runId(), "0.1.0", spec.profile() == null ? null : spec.profile().name(), startEpochMs, System.currentTimeMillis(), target,
            new RunSummary.Phases(begin, holdStart, Math.max(holdStart, holdEnd), plan.activeUsers(),
                plan.connectedUsers(), spec.population().users()),
            ctx.metrics().counters().totals(), ctx.metrics().counters().errors(), ctx.metrics().deliveries().totals(),
            sampler.health().toSummary(ctx.metrics().clock()), spec.shards(), ctx.stopping().get(), gatling,
            ctx.metrics().clientFailures());
    }

    private static java.util.List<String> concat(java.util.List<String> a, java.util.List<String> b) {
        java.util.List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

}
