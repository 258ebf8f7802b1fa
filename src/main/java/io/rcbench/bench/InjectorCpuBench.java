package io.rcbench.bench;

import io.rcbench.ddp.RandomId;
import io.rcbench.gatling.GatlingDriver;
import io.rcbench.gatling.RunContext;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.Membership;
import io.rcbench.run.RunMetrics;
import io.rcbench.workspace.Envelope;
import io.rcbench.workspace.WorkspaceConfig;
import io.rcbench.workspace.WorkspaceProcess;
import io.rcbench.workspace.seed.SeedPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The injector's CPU per DDP call and per received delivery, side by side with stock Gatling. The embedded workspace
 * runs in its own JVM pinned to one CPU and this JVM (the injector) to the others ({@link WorkspaceProcess}); each
 * phase runs one simulation in this JVM through {@link GatlingDriver}, and over its steady window (after the ramp and
 * a warm-up) the injector's process CPU time is divided by the work the target counted in the same window: calls
 * answered ({@code rocketchat_meteor_methods_count} of the method on the workspace's metrics endpoint, so counting
 * costs the injector nothing and both sides are counted alike), or deliveries recorded. Phases run in turn in one
 * process: stock calls, rcbench calls (repeated {@code pairs} times), then rcbench fan-out.
 */
public final class InjectorCpuBench {
    static final String STOCK = "io.rcbench.simulations.StockDdpCallSimulation";
    static final String RCBENCH = "io.rcbench.simulations.RcbenchDdpCallSimulation";
    static final String FANOUT = "io.rcbench.simulations.RcbenchFanoutSimulation";
    static final String METHOD = "license:isEnterprise";
    private static final String PASSWORD = System.getenv().getOrDefault("RCBENCH_USER_PASSWORD", "performance");
    private final List<String> workspaceEntry;

    /** @param workspaceEntry the main class and arguments that run the embedded workspace ({@code cli.Wiring}) */
    public InjectorCpuBench(List<String> workspaceEntry) {
        this.workspaceEntry = List.copyOf(workspaceEntry);
    }

    /**
     * What to run.
     *
     * @param users          users making calls (and receiving in the fan-out case), 5 calls/s each by default
     * @param callsPerSecond all users' calls per second together
     * @param roomSize       members per room in the fan-out case (each message reaches all of them)
     * @param messagesPerSecond messages per second the senders post in the fan-out case (0: no fan-out phase)
     * @param senders        bots sending in the fan-out case
     * @param pairs          stock/rcbench call phases to run in turn (more pairs, less noise)
     * @param phases         which of {@code stock}, {@code rcbench}, {@code fanout} to run (a profile of one side)
     */
    public record Options(int users, double callsPerSecond, int roomSize, double messagesPerSecond, int senders,
                          Duration warmup, Duration steady, int pairs, java.util.Set<String> phases) {
        public Options {
            if (users < 1 || callsPerSecond <= 0 || roomSize < 1 || users % roomSize != 0 || senders < 1 || pairs < 1
                || messagesPerSecond < 0) {
                throw new IllegalArgumentException("users >= 1 in whole rooms, a positive call rate, senders and pairs >= 1");
            }
        }
    }

    /** One phase's figures over its steady window. */
    public record Phase(String name, double seconds, double cpuSeconds, long work, long workspaceCalls) {
        /** Injector CPU microseconds per unit of work (a call or a delivery). */
        public double microsPerUnit() {
            return work == 0 ? Double.NaN : cpuSeconds * 1e6 / work;
        }

        public double perSecond() {
            return work / seconds;
        }

        public double injectorCores() {
            return cpuSeconds / seconds;
        }
    }

    public List<Phase> run(Options o, Path dataDir, PrintStream out) throws Exception {
        int rooms = o.users() / o.roomSize();
        List<String> args = new ArrayList<>(List.of("--users", "" + o.users(), "--rooms", "" + rooms,
            "--room-size", "" + o.roomSize(), "--bots", "" + o.senders(), "--bcrypt-cost", "4"));
        WorkspaceConfig.NO_RATE_LIMITS.forEach((k, v) -> args.addAll(List.of("--setting", k + "=" + v)));
        List<Phase> phases = new ArrayList<>();
        try (WorkspaceProcess ws = WorkspaceProcess.start(workspaceEntry, new Envelope(1, 1024), dataDir,
            RandomId.secret(24), args)) {
            var seen = ws.observe();
            out.printf("workspace on CPUs %s, injector on CPUs %s%s; %d users, %.0f calls/s, warm-up %d s, "
                    + "steady %d s%n", seen.cpus(), seen.injectorCpus(), seen.sharesCpus() ? " (SHARED: not isolated)" : "",
                o.users(), o.callsPerSecond(), o.warmup().toSeconds(), o.steady().toSeconds());
            for (int i = 0; i < o.pairs(); i++) {
                if (o.phases().contains("stock")) {
                    phases.add(callPhase("stock Gatling ws", STOCK, o, ws, dataDir, out));
                }
                if (o.phases().contains("rcbench")) {
                    phases.add(callPhase("rcbench DSL", RCBENCH, o, ws, dataDir, out));
                }
            }
            if (o.messagesPerSecond() > 0 && o.phases().contains("fanout")) {
                phases.add(fanoutPhase(o, ws, dataDir, out));
            }
        }
        return phases;
    }

    private Phase callPhase(String name, String simulation, Options o, WorkspaceProcess ws, Path dir, PrintStream out)
        throws Exception {
        LoadPlan plan = plan(ws.baseUri(), o, o.users(), 0, o.callsPerSecond() / o.users() * 60);
        Phase p = measure(name, simulation, plan, ws, dir, m -> 0L, true);
        out.printf("  %-18s %7.1f calls/s  %5.2f injector cores  %7.1f µs CPU per call%n", name, p.perSecond(),
            p.injectorCores(), p.microsPerUnit());
        return p;
    }

    private Phase fanoutPhase(Options o, WorkspaceProcess ws, Path dir, PrintStream out) throws Exception {
        LoadPlan plan = plan(ws.baseUri(), o, o.users(), o.senders(), o.messagesPerSecond() / o.senders() * 60);
        Phase p = measure("rcbench fan-out", FANOUT, plan, ws, dir, InjectorCpuBench::deliveries, false);
        out.printf("  %-18s %7.1f deliveries/s (+ %.1f sends/s)  %5.2f injector cores  %7.1f µs CPU per delivery "
                + "(sends included)%n", p.name(), p.perSecond(), p.workspaceCalls() / p.seconds(), p.injectorCores(),
            p.microsPerUnit());
        return p;
    }

    private static long deliveries(RunMetrics m) {
        var h = m.latency().takeIntervals().get("delivery");
        return h == null ? 0 : h.getTotalCount();
    }

    /**
     * Runs {@code simulation} on a thread of its own and measures its steady window from here. {@code work} counts
     * the injector-side units (deliveries) since its previous call; with {@code callsAreWork} the target's count of
     * answered calls is the work instead.
     */
    private Phase measure(String name, String simulation, LoadPlan plan, WorkspaceProcess ws, Path dir,
                          java.util.function.ToLongFunction<RunMetrics> work, boolean callsAreWork) throws Exception {
        RunMetrics metrics = new RunMetrics(plan.lateness(), plan.deliveryTimeout());
        RunContext ctx = new RunContext(plan, metrics, Duration.ofSeconds(2));
        Path results = dir.resolve("gatling-" + simulation.substring(simulation.lastIndexOf('.') + 1));
        int[] exit = {-1};
        Thread gatling = new Thread(() -> {
            try {
                exit[0] = GatlingDriver.run(ctx, simulation, results);
            } catch (IOException | RuntimeException e) {
                System.err.println("the simulation failed: " + e);
            }
        }, "bench-gatling");
        gatling.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ctx.begun() && gatling.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (!ctx.begun()) {
            gatling.join(TimeUnit.SECONDS.toMillis(30));
            throw new IllegalStateException(name + ": the simulation did not start within 60 s");
        }
        sleepUntil(ctx.holdStartNanos());
        long calls0 = methodCalls(ws);
        work.applyAsLong(metrics);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        sleepUntil(ctx.holdEndNanos());
        long cpu1 = cpuNanos();
        long t1 = System.nanoTime();
        long units = work.applyAsLong(metrics);
        // the window in wall-clock time, to cut a profile (JFR's event times) to it
        System.out.printf("  %s steady window: %s .. %s%n", name, java.time.Instant.now().minusNanos(t1 - t0),
            java.time.Instant.now());
        long calls1 = methodCalls(ws);
        gatling.join(ctx.maxDuration().toMillis());
        if (gatling.isAlive()) {
            ctx.stop();
            gatling.join(TimeUnit.SECONDS.toMillis(30));
        }
        long errors = metrics.counters().errors().values().stream().mapToLong(Long::longValue).sum();
        if (errors > 0 || exit[0] != 0) {
            System.err.printf("%s: %d errors %s, Gatling exit %d (its report: %s)%n", name, errors,
                metrics.counters().errors(), exit[0], results);
        }
        long calls = calls1 - calls0;
        return new Phase(name, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, callsAreWork ? calls : units, calls);
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Calls answered by the workspace so far, summed over the methods the benchmark calls. */
    private static long methodCalls(WorkspaceProcess ws) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ws.metricsPort() + "/metrics"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        long n = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith("rocketchat_meteor_methods_count{") && (line.contains("\"" + METHOD + "\"")
                || line.contains("\"sendMessage\""))) {
                n += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return n;
    }

    private static LoadPlan plan(URI target, Options o, int users, int bots, double perUserPerMinute) {
        Map<Integer, List<Membership.RoomKey>> byUser = new HashMap<>();
        for (int i = 0; i < users; i++) {
            byUser.put(i, List.of(new Membership.RoomKey("c", SeedPlan.roomName(i / o.roomSize()))));
        }
        return new LoadPlan(io.rcbench.job.MainJob.newRunId("injector-cpu"), target, "ddp", "user.", "bot.",
            new Membership(byUser, Membership.Shares.CHANNELS_ONLY), PASSWORD, users, 0, 100, o.warmup(), o.steady(),
            LoadPlan.Rates.textOnly(perUserPerMinute), bots, List.of(), 7, Duration.ofSeconds(10),
            Duration.ofMillis(50), Duration.ofSeconds(10), null);
    }

    /** The comparison: each call phase, the mean of each side, and rcbench's ratio to stock. */
    public static void print(List<Phase> phases, PrintStream out) {
        double stock = mean(phases, "stock Gatling ws");
        double rcb = mean(phases, "rcbench DSL");
        out.printf("%ninjector CPU per DDP call: stock Gatling %.1f µs, rcbench %.1f µs, ratio %.2f (target <= 0.5)%n",
            stock, rcb, rcb / stock);
        phases.stream().filter(p -> p.name().equals("rcbench fan-out")).forEach(p -> out.printf(
            "injector CPU per received delivery: %.1f µs (sends included) = %,.0f deliveries/s per injector core%n",
            p.microsPerUnit(), 1e6 / p.microsPerUnit()));
    }

    static double mean(List<Phase> phases, String name) {
        return phases.stream().filter(p -> p.name().equals(name)).mapToDouble(Phase::microsPerUnit).average()
            .orElse(Double.NaN);
    }
}
