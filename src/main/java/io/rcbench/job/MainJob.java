package io.rcbench.job;

import io.rcbench.capacity.BreachWatch;
import io.rcbench.injector.ConnectionDemand;
import io.rcbench.injector.HostLimits;
import io.rcbench.injector.InjectorLimits;
import io.rcbench.report.RunIndexWriter;
import io.rcbench.report.RunReportWriter;
import io.rcbench.run.HoldWindow;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.LoadRun;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunMetrics;
import io.rcbench.run.RunSampler;
import io.rcbench.run.RunSummary;
import io.rcbench.sut.Preflight;
import io.rcbench.sut.PreflightException;
import io.rcbench.sut.TargetFacts;
import io.rcbench.sut.TargetSession;
import io.rcbench.verdict.ExitCodes;
import io.rcbench.verdict.ObservedTarget;
import io.rcbench.verdict.TargetCheck;
import io.rcbench.verdict.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run, start to end: target (the embedded workspace in its own JVM, or a URL), preflight, provisioning, the
 * Gatling simulation with rcbench's recorders, then {@code summary.json} beside the interval log and timeline.
 * Ctrl-C (a JVM shutdown) stops injection, and the summary is still written from what was measured.
 */
public final class MainJob {
    /** The load generator (Gatling) needs a second or two to start: a common start waits until this long before it. */
    private static final long LOAD_BOOT_MS = 4000;
    /** The sampler's interval: latency log, timeline and the hold window are made of whole intervals of it. */
    private static final long INTERVAL_MS = 1000;
    private final JobSpec spec;
    private final Adapters adapters;
    private volatile List<String> targetCheckLines = List.of();
    private volatile TargetSession target;
    private final PrintStream console;

    /** A job for {@code spec}, driving load and starting the embedded workspace with {@code adapters}. */
    public MainJob(JobSpec spec, Adapters adapters, PrintStream console) {
        this.spec = spec;
        this.adapters = adapters;
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
        refuseOverLimits();
        RunFolder folder = new RunFolder(spec.reports().resolve(spec.plan().runId()));
        // closing the session leaves the target's settings as it found them, even for a run that fails or is stopped
        try (TargetSession target = openTarget(folder)) {
            this.target = target;
            return runAgainst(folder, target);
        }
    }

    /**
     * Refuses, before anything starts, a run this injector cannot hold: more files than its open-file limit, more
     * source ports than its local addresses have ({@link InjectorLimits}). Off Linux the limits are unknown: it says so.
     */
    private void refuseOverLimits() throws PreflightException {
        HostLimits host;
        try {
            host = HostLimits.self();
        } catch (IOException | RuntimeException e) {
            console.println("injector limits not checked (no /proc?): " + e.getMessage());
            return;
        }
        java.util.Optional<String> over = InjectorLimits.refusal(ConnectionDemand.of(spec.plan()), host,
            adapters.localAddresses().size(), spec.target() == null);
        if (over.isPresent()) {
            throw new PreflightException(over.get());
        }
    }

    /** Starts the embedded workspace, or checks the real target; refuses a real one it cannot provision. */
    private TargetSession openTarget(RunFolder folder) throws PreflightException, IOException, InterruptedException {
        if (spec.target() == null) {
            console.printf("run %s: starting the embedded workspace (%d core(s), %d MB asked), seeding %d users%n",
                spec.plan().runId(), spec.envelope().cores(), spec.envelope().memoryMb(), spec.population().users());
            return TargetSession.embedded(adapters.workspaceEntry(), spec.envelope(),
                folder.dir().resolve("workspace-data"), spec.population(), spec.workspaceArgs(), console);
        }
        if (spec.adminUser() == null && !spec.provisioned()) {
            throw new PreflightException("no admin credentials for " + Preflight.safe(spec.target()) + ": set"
                + " RCBENCH_ADMIN_USER and RCBENCH_ADMIN_PASSWORD so rcbench can create the run's accounts and rooms,"
                + " or pass --provisioned if they exist already (users " + spec.plan().userPrefix() + "0.., their rooms,"
                + " password RCBENCH_USER_PASSWORD)");
        }
        return TargetSession.remote(spec.target(), spec.adminUser(), spec.adminPassword(), spec.relaxLimits(),
            spec.prometheus(), console);
    }

    private Outcome runAgainst(RunFolder folder, TargetSession target)
        throws IOException, InterruptedException, PreflightException {
        LoadPlan plan = spec.plan();
        targetCheck(folder).forEach(l -> console.println("target check: " + l));
        LoadPlan resolved = plan.on(target.baseUri(), target.provision(spec.population(), plan));
        long startEpochMs = commonStart();
        long startNanos = System.nanoTime() + (startEpochMs - System.currentTimeMillis()) * 1_000_000;
        RunMetrics metrics = new RunMetrics(plan.lateness(), plan.deliveryTimeout());
        LoadRun ctx = adapters.load().prepare(resolved, metrics, spec.drain(), startNanos);
        MonitorProbe health = new MonitorProbe();
        ctx.onEventLoop(health::watch);
        RunSampler sampler = sampler(folder, ctx, health, startEpochMs, startNanos);
        ServerMetricsScraper scraper = target.prometheus() == null ? null
            : new ServerMetricsScraper(target.prometheus(), folder, startNanos, Duration.ofSeconds(5));

        AtomicBoolean written = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        RunSummary[] result = new RunSummary[1];
        Outcome[] outcome = new Outcome[1];
        Runnable finish = () -> {
            if (written.compareAndSet(false, true)) {
                try {
                    target.restore(); // before the summary, which records it
                    metrics.deliveries().expireAll();
                    sampler.close();
                    if (scraper != null) {
                        scraper.close();
                        if (scraper.failures() > 0) {
                            console.println(scraper.failures() + " scrapes of the target's metrics failed (skipped)");
                        }
                    }
                    result[0] = summary(folder, ctx, startEpochMs, startNanos, sampler);
                    folder.writeSummary(result[0]);
                    if (result[0].client() != null) {
                        clientFailureLines(result[0].client()).forEach(console::println);
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
            int gatling = adapters.load().drive(ctx, spec.simulation(), folder.dir().resolve(RunFolder.GATLING_DIR));
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
            outcome[0] = new Outcome(folder, result[0], target.facts(), verdict, runError);
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
     * When the ramp starts (epoch ms): the shards' common start, or now. Waits until Gatling's start-up time before
     * a later common start; refuses one that passed.
     */
    private long commonStart() throws PreflightException, InterruptedException {
        long nowMs = System.currentTimeMillis();
        if (spec.startAtEpochMs() > 0 && nowMs > spec.startAtEpochMs() + 1000) {
            throw new PreflightException("the common start " + java.time.Instant.ofEpochMilli(spec.startAtEpochMs())
                + " passed " + (nowMs - spec.startAtEpochMs()) / 1000 + " s ago: give the shards a later --start-at");
        }
        long startEpochMs = spec.startAtEpochMs() > nowMs ? spec.startAtEpochMs() : nowMs;
        if (startEpochMs - nowMs > LOAD_BOOT_MS) {
            console.printf("waiting for the common start at %s%n", java.time.Instant.ofEpochMilli(startEpochMs));
            Thread.sleep(startEpochMs - nowMs - LOAD_BOOT_MS);
        }
        return startEpochMs;
    }

    /** The run's sampler, counting lost deliveries over the hold and stopping a hopeless capacity step early. */
    private RunSampler sampler(RunFolder folder, LoadRun ctx, MonitorProbe health, long startEpochMs,
                               long startNanos) throws IOException {
        LoadPlan plan = ctx.plan();
        RunMetrics metrics = ctx.metrics();
        long plannedMs = plan.ramp().plus(plan.warmup()).plus(plan.hold()).plus(spec.drain()).toMillis();
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
        return sampler;
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
        TargetCheckFile check = new TargetCheckFile(TargetCheck.check(spec.profile().envelope(), target.observe()),
            spec.allowSmallerEnvelope());
        check.write(folder.dir());
        targetCheckLines = check.lines();
        return targetCheckLines;
    }

    /**
     * The client's failures, and apart from them the receipts that matched no send: messages no simulated send made
     * (bots' answers, webhook posts, uploads' messages, other injectors' sends), which are counted but are no error.
     * The lines the console prints at the end of a run; none when all counts are 0.
     */
    static List<String> clientFailureLines(RunSummary.ClientFailures client) {
        Map<String, Long> failures = new java.util.LinkedHashMap<>(client.nonZero());
        Long unmatched = failures.remove(RunSummary.ClientFailures.UNMATCHED);
        List<String> lines = new java.util.ArrayList<>(2);
        if (!failures.isEmpty()) {
            lines.add("client failures: " + failures);
        }
        if (unmatched != null) {
            lines.add("receipts matching no send of this injector (bots, webhooks, uploads; not errors): " + unmatched);
        }
        return lines;
    }

    /** The verdict (when a profile was given) and the HTML report, from the run folder. */
    private Verdict judgeAndReport(RunFolder folder) {
        Verdict verdict = null;
        try {
            if (spec.profile() != null) {
                targetCheck(folder); // again: the peak memory is known now
                verdict = Evaluation.evaluate(folder, spec.profile());
                console.print(verdict.report());
                if (!targetCheckLines.isEmpty()) {
                    console.println("  target check (observed vs the profile's envelope):");
                    targetCheckLines.forEach(l -> console.println("    " + l));
                }
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

    private RunSummary summary(RunFolder folder, LoadRun ctx, long startEpochMs, long startNanos, RunSampler sampler)
        throws IOException {
        LoadPlan plan = ctx.plan();
        long begin = ctx.begun() ? (ctx.startNanos() - startNanos) / 1_000_000 : 0;
        long stoppedAt = ctx.stoppedAtNanos() != 0 ? ctx.stoppedAtNanos() : System.nanoTime();
        HoldWindow hold = holdWindow(ctx, startNanos, stoppedAt);
        long holdStart = hold.startMs();
        long holdEnd = hold.endMs();
        // what the target was observed to have, not what was asked for
        RunSummary.TargetInfo target = this.target.describe(this.target.observe());
        String gatling = adapters.load().reportOf(folder.dir().resolve(RunFolder.GATLING_DIR))
            .map(p -> folder.dir().relativize(p.resolve("index.html")).toString()).orElse(null);
        return new RunSummary(plan.runId(), io.rcbench.build.BuildInfo.version(), spec.profile() == null ? null : spec.profile().name(), startEpochMs, System.currentTimeMillis(), target,
            new RunSummary.Phases(begin, holdStart, Math.max(holdStart, holdEnd), plan.activeUsers(),
                plan.connectedUsers(), spec.population().users()),
            ctx.metrics().counters().totals(), ctx.metrics().counters().errors(), ctx.metrics().deliveries().totals(),
            sampler.health().toSummary(ctx.metrics().clock()), spec.shards(), ctx.stopping().get(), gatling,
            ctx.metrics().clientFailures(), this.target.restore(), ctx.metrics().deliveries().hold());
    }

    /**
     * The hold window in ms since {@code startNanos}: ramp and warm-up after the simulation began, for the hold's
     * length or until {@code stoppedAtNanos}, in whole sampler intervals.
     */
    private static HoldWindow holdWindow(LoadRun ctx, long startNanos, long stoppedAtNanos) {
        LoadPlan plan = ctx.plan();
        long begin = ctx.begun() ? (ctx.startNanos() - startNanos) / 1_000_000 : 0;
        long rawStart = begin + plan.ramp().toMillis() + plan.warmup().toMillis();
        long rawEnd = rawStart + plan.hold().toMillis();
        if (stoppedAtNanos != Long.MAX_VALUE) {
            rawEnd = Math.min(rawEnd, (stoppedAtNanos - startNanos) / 1_000_000);
        }
        return HoldWindow.aligned(rawStart, Math.max(rawStart, rawEnd), INTERVAL_MS);
    }


}
