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
import io.rcbench.run.HoldWindow;
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
import java.util.function.Supplier;

/**
 * One run, start to end: target (the embedded workspace in its own JVM, or a URL), preflight, provisioning, the
 * Gatling simulation with rcbench's recorders, then {@code summary.json} beside the interval log and timeline.
 * Ctrl-C (a JVM shutdown) stops injection, and the summary is still written from what was measured.
 */
public final class MainJob {
    /** Gatling needs a second or two to start: a common start waits until this long before it. */
    private static final long GATLING_BOOT_MS = 4000;
    /** The sampler's interval: latency log, timeline and the hold window are made of whole intervals of it. */
    private static final long INTERVAL_MS = 1000;
    private final JobSpec spec;
    private volatile List<String> targetCheckLines = List.of();
    private volatile TargetRestore restore;
    private volatile Supplier<ObservedTarget> observer;
    private volatile boolean remote;
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
            console.printf("run %s: starting the embedded workspace (%d core(s), %d MB asked), seeding %d users%n",
                spec.plan().runId(), spec.envelope().cores(), spec.envelope().memoryMb(), spec.population().users());
            try (WorkspaceProcess ws = WorkspaceProcess.start(spec.envelope(), folder.dir().resolve("workspace-data"),
                adminPassword, concat(Provisioner.seedArgs(spec.population()), spec.workspaceArgs()))) {
                URI metrics = URI.create("http://127.0.0.1:" + ws.metricsPort() + "/metrics");
                // the embedded workspace is ours: its limiters are switched off, and the report says so
                TargetFacts facts = Preflight.check(ws.baseUri(), "admin", adminPassword, true, console);
                try (TargetRestore r = TargetRestore.of(facts, console)) {
                    restore = r;
                    return runAgainst(folder, ws.baseUri(), facts, metrics, false,
                        () -> TargetObservations.embedded(ws, facts.info().version()));
                }
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
        // a run that fails or is stopped still leaves the target's settings as it found them
        try (TargetRestore r = TargetRestore.of(facts, console)) {
            restore = r;
            return runAgainst(folder, spec.target(), facts, spec.prometheus(), true,
                () -> TargetObservations.remote(facts, spec.prometheus(), console));
        }
    }

    private Outcome runAgainst(RunFolder folder, URI base, TargetFacts facts, URI prometheus, boolean remote,
                               Supplier<ObservedTarget> observer)
        throws IOException, InterruptedException, PreflightException {
        LoadPlan plan = spec.plan();
        this.observer = observer;
        this.remote = remote;
        targetCheck(folder).forEach(l -> console.println("target check: " + l));
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
            io.rcbench.run.LiveFeed.installed().health(health), console, "sendMessage", INTERVAL_MS);
        // lost deliveries are judged over the hold like the rest: count those of messages sent in it apart
        metrics.deliveries().holdWindow(sentNanos -> ctx.begun()
            && holdWindow(ctx, startNanos, Long.MAX_VALUE).contains((sentNanos - startNanos) / 1_000_000));
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
                    restore.restore(); // before the summary, which records it
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
     * Observes the target and checks it against the profile's envelope; keeps the check in the run folder
     * ({@link TargetCheckFile}) for the verdict. Called before the run (limits, CPUs) and again when judging (peak
     * memory). Nothing for an ad-hoc run.
     */
    private List<String> targetCheck(RunFolder folder) throws IOException {
        if (spec.profile() == null) {
            return List.of();
        }
        TargetCheckFile check = new TargetCheckFile(TargetCheck.check(spec.profile().envelope(), observer.get()),
            spec.allowSmallerEnvelope());
        check.write(folder.dir());
        targetCheckLines = check.lines();
        return targetCheckLines;
    }

    /** The verdict (when a profile was given) and the HTML report, from the run folder. */
    private Verdict judgeAndReport(RunFolder folder) {
        Verdict verdict = null;
        try {
            if (spec.profile() != null) {
                targetCheck(folder); // again: the peak memory is known now
                verdict = Evaluation.evaluate(folder, spec.profile());
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
        long stoppedAt = ctx.stoppedAtNanos() != 0 ? ctx.stoppedAtNanos() : System.nanoTime();
        HoldWindow hold = holdWindow(ctx, startNanos, stoppedAt);
        long holdStart = hold.startMs();
        long holdEnd = hold.endMs();
        // what the target was observed to have, not what was asked for
        ObservedTarget seen = observer.get();
        Integer cores = seen.cores().isPresent() ? (int) Math.round(seen.cores().getAsDouble()) : null;
        Integer memory = seen.memoryMb().isPresent() ? (int) seen.memoryMb().getAsLong() : null;
        RunSummary.TargetInfo target = new RunSummary.TargetInfo(facts.kind(!remote), facts.info().product(),
            facts.info().version(), Preflight.safe(facts.baseUrl()), cores, memory,
            seen.instances().isPresent() ? seen.instances().getAsInt() : null);
        String gatling = GatlingDriver.reportOf(folder.dir().resolve(RunFolder.GATLING_DIR))
            .map(p -> folder.dir().relativize(p.resolve("index.html")).toString()).orElse(null);
        return new RunSummary(plan.runId(), "0.1.0", spec.profile() == null ? null : spec.profile().name(), startEpochMs, System.currentTimeMillis(), target,
            new RunSummary.Phases(begin, holdStart, Math.max(holdStart, holdEnd), plan.activeUsers(),
                plan.connectedUsers(), spec.population().users()),
            ctx.metrics().counters().totals(), ctx.metrics().counters().errors(), ctx.metrics().deliveries().totals(),
            sampler.health().toSummary(ctx.metrics().clock()), spec.shards(), ctx.stopping().get(), gatling,
            ctx.metrics().clientFailures(), restore.restore(), ctx.metrics().deliveries().hold());
    }

    /**
     * The hold window in ms since {@code startNanos}: ramp and warm-up after the simulation began, for the hold's
     * length or until {@code stoppedAtNanos}, in whole sampler intervals.
     */
    private static HoldWindow holdWindow(RunContext ctx, long startNanos, long stoppedAtNanos) {
        LoadPlan plan = ctx.plan();
        long begin = ctx.begun() ? (ctx.startNanos() - startNanos) / 1_000_000 : 0;
        long rawStart = begin + plan.ramp().toMillis() + plan.warmup().toMillis();
        long rawEnd = rawStart + plan.hold().toMillis();
        if (stoppedAtNanos != Long.MAX_VALUE) {
            rawEnd = Math.min(rawEnd, (stoppedAtNanos - startNanos) / 1_000_000);
        }
        return HoldWindow.aligned(rawStart, Math.max(rawStart, rawEnd), INTERVAL_MS);
    }

    private static java.util.List<String> concat(java.util.List<String> a, java.util.List<String> b) {
        java.util.List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

}
