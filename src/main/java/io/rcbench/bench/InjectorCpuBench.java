package io.rcbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The injector's CPU per DDP call and per received delivery, side by side with stock Gatling. The embedded workspace
 * runs in its own JVM pinned to one CPU and this JVM to the others ({@link WorkspaceProcess}); each side is an
 * injector JVM of its own, started from here (so on this JVM's CPUs), running one simulation through
 * {@link GatlingDriver}. The stock and rcbench sides run <em>at the same time</em>, on their own users, with the same
 * start, ramp, warm-up and steady window: on a shared machine whose load moves by a factor of two from one minute to
 * the next, only a simultaneous pair gives a ratio that means something. Each side divides its process CPU time over
 * the steady window by the work it completed in it: calls answered (both simulations count them with the same
 * one-line Gatling step after each call), or deliveries recorded. Then the fan-out case runs alone.
 */
public final class InjectorCpuBench {
    static final String STOCK = "io.rcbench.simulations.StockDdpCallSimulation";
    static final String RCBENCH = "io.rcbench.simulations.RcbenchDdpCallSimulation";
    static final String FANOUT = "io.rcbench.simulations.RcbenchFanoutSimulation";
    /** System property: the first account index the side's simulation uses ({@code user.<first>} ...). */
    public static final String FIRST_USER = "rcbench.bench.firstUser";
    /** Calls completed by the simulation of this JVM (a side): both call simulations count with it alike. */
    public static final LongAdder CALLS = new LongAdder();
    /** Calls that failed (either simulation: a failed check or action), counted by the same step. */
    public static final LongAdder FAILED_CALLS = new LongAdder();
    private static final String PASSWORD = System.getenv().getOrDefault("RCBENCH_USER_PASSWORD", "performance");
    private static final String RESULT = "injector-cpu-side ";
    private final List<String> workspaceEntry;
    private final List<String> sideCommand;

    /**
     * @param workspaceEntry the main class and arguments that run the embedded workspace ({@code cli.Wiring})
     * @param sideCommand the command that runs one side in a JVM of its own, given {@link Side} as arguments by
     *                    {@link Side#args()} (the CLI's {@code bench-injector-cpu --side ...})
     */
    public InjectorCpuBench(List<String> workspaceEntry, List<String> sideCommand) {
        this.workspaceEntry = List.copyOf(workspaceEntry);
        this.sideCommand = List.copyOf(sideCommand);
    }

    /**
     * What to run.
     *
     * @param users             users per call side (and receivers in the fan-out case)
     * @param callsPerSecond    one side's calls per second, all its users together
     * @param roomSize          members per room in the fan-out case (each message reaches all of them)
     * @param messagesPerSecond messages per second the senders post in the fan-out case (0: no fan-out phase)
     * @param senders           bots sending in the fan-out case
     * @param pairs             simultaneous stock/rcbench pairs to run in turn
     * @param phases            which of {@code calls}, {@code fanout} to run
     * @param sideJvmArgs       extra JVM options of the side JVMs (a profiler: {@code -XX:StartFlightRecording=...})
     */
    public record Options(int users, double callsPerSecond, int roomSize, double messagesPerSecond, int senders,
                          Duration warmup, Duration steady, int pairs, java.util.Set<String> phases,
                          List<String> sideJvmArgs) {
        public Options {
            if (users < 1 || callsPerSecond <= 0 || roomSize < 1 || users % roomSize != 0 || senders < 1 || pairs < 1
                || messagesPerSecond < 0) {
                throw new IllegalArgumentException("users >= 1 in whole rooms, a positive call rate, senders and pairs >= 1");
            }
            sideJvmArgs = List.copyOf(sideJvmArgs);
        }
    }

    /**
     * One side as the child JVM runs it: {@code simulation} with {@code users} accounts from {@code firstUser}, each
     * at {@code perUserPerMinute}; the run starts at {@code startAtNanos} (this machine's monotonic clock, which
     * every JVM on it shares) so simultaneous sides share their windows.
     */
    public record Side(String simulation, URI target, int users, int firstUser, int bots, int roomSize,
                       double perUserPerMinute, Duration warmup, Duration steady, long startAtNanos) {
        /** The side's options as command-line arguments (the CLI parses them back). */
        public List<String> args() {
            return List.of("--side", simulation, "--target", target.toString(), "--users", "" + users,
                "--first-user", "" + firstUser, "--senders", "" + bots, "--room-size", "" + roomSize,
                "--per-user-per-minute", "" + perUserPerMinute, "--warmup-seconds", "" + warmup.toSeconds(),
                "--steady-seconds", "" + steady.toSeconds(), "--start-at-nanos", "" + startAtNanos);
        }
    }

    /** One side's figures over its steady window. */
    public record Phase(String name, double seconds, double cpuSeconds, long work, double kernelShare, long errors,
                        long jitMillis, String errorsByReason, long allocatedBytes, long contextSwitches) {
        /** Context switches (thread wake-ups and preemptions) per unit of work, all of the process's threads. */
        public double switchesPerUnit() {
            return work == 0 ? Double.NaN : (double) contextSwitches / work;
        }

        /** Heap bytes allocated per unit of work: unlike CPU time, it does not move with the machine's load. */
        public double bytesPerUnit() {
            return work == 0 ? Double.NaN : (double) allocatedBytes / work;
        }

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

    /** A stock and an rcbench side measured at the same time. */
    public record Pair(Phase stock, Phase rcbench) {
        /** Both sides ran without errors (a failing side does less work per call: its figure means nothing). */
        public boolean clean() {
            return stock.errors() == 0 && rcbench.errors() == 0;
        }

        public double ratio() {
            return rcbench.microsPerUnit() / stock.microsPerUnit();
        }
    }

    /** The figures of a whole run. */
    public record Result(List<Pair> pairs, Phase fanout) {
    }

    public Result run(Options o, Path dataDir, PrintStream out) throws Exception {
        int rooms = o.users() / o.roomSize();
        List<String> args = new ArrayList<>(List.of("--users", "" + 2 * o.users(), "--rooms", "" + rooms,
            "--room-size", "" + o.roomSize(), "--bots", "" + o.senders(), "--bcrypt-cost", "4"));
        WorkspaceConfig.NO_RATE_LIMITS.forEach((k, v) -> args.addAll(List.of("--setting", k + "=" + v)));
        List<Pair> pairs = new ArrayList<>();
        Phase fanout = null;
        try (WorkspaceProcess ws = WorkspaceProcess.start(workspaceEntry, new Envelope(1, 1024),
            dataDir, RandomId.secret(24), args)) {
            var seen = ws.observe();
            out.printf("workspace on CPUs %s, injectors on CPUs %s%s; %d users and %.0f calls/s per side, warm-up %d s, "
                    + "steady %d s%n", seen.cpus(), seen.injectorCpus(), seen.sharesCpus() ? " (SHARED: not isolated)" : "",
                o.users(), o.callsPerSecond(), o.warmup().toSeconds(), o.steady().toSeconds());
            double perUserPerMinute = o.callsPerSecond() / o.users() * 60;
            for (int i = 0; o.phases().contains("calls") && i < o.pairs(); i++) {
                // both sides start their JVMs and Gatling before the common start: 20 s is ample for two JVMs and 200 logins each
                long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                Side stock = new Side(STOCK, ws.baseUri(), o.users(), 0, 0, o.roomSize(), perUserPerMinute, o.warmup(),
                    o.steady(), start);
                Side rcb = new Side(RCBENCH, ws.baseUri(), o.users(), o.users(), 0, o.roomSize(), perUserPerMinute,
                    o.warmup(), o.steady(), start);
                Process ps = launch(o, stock, dataDir.resolve("stock-" + i + ".log"));
                Process pr = launch(o, rcb, dataDir.resolve("rcbench-" + i + ".log"));
                Phase s = await(ps, "stock Gatling ws", dataDir.resolve("stock-" + i + ".log"));
                Phase r = await(pr, "rcbench DSL", dataDir.resolve("rcbench-" + i + ".log"));
                Pair p = new Pair(s, r);
                pairs.add(p);
                for (Phase ph : List.of(s, r)) {
                    out.printf("  %-17s %7.1f calls/s  %5.2f cores  %7.1f µs CPU per call (%2.0f%% kernel, JIT %d ms)"
                            + "  %,6.0f B allocated, %.2f context switches per call%s%n",
                        ph.name(), ph.perSecond(), ph.injectorCores(), ph.microsPerUnit(), 100 * ph.kernelShare(),
                        ph.jitMillis(), ph.bytesPerUnit(), ph.switchesPerUnit(),
                        ph.errors() > 0 ? "  " + ph.errors() + " errors " + ph.errorsByReason() + ": not counted" : "");
                }
                out.printf("  pair %d: rcbench / stock = %.2f%s%n", i + 1, p.ratio(),
                    s.jitMillis() + r.jitMillis() > 0.2 * 1000 * s.seconds() ? "  (JIT still busy in the window: "
                        + "the machine is loaded or the warm-up short; a longer --warmup-seconds settles it)" : "");
            }
            if (o.messagesPerSecond() > 0 && o.phases().contains("fanout")) {
                Side f = new Side(FANOUT, ws.baseUri(), o.users(), 0, o.senders(), o.roomSize(),
                    o.messagesPerSecond() / o.senders() * 60, o.warmup(), o.steady(),
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(15));
                fanout = await(launch(o, f, dataDir.resolve("fanout.log")), "rcbench fan-out",
                    dataDir.resolve("fanout.log"));
                out.printf("  %-17s %7.1f deliveries/s  %5.2f cores  %7.1f µs CPU per delivery, %.1f msg/s sent "
                        + "included (%2.0f%% kernel, JIT %d ms)  %,6.0f B allocated per delivery%s%n", fanout.name(),
                    fanout.perSecond(), fanout.injectorCores(), fanout.microsPerUnit(), o.messagesPerSecond(),
                    100 * fanout.kernelShare(), fanout.jitMillis(), fanout.bytesPerUnit(),
                    fanout.errors() > 0 ? "  " + fanout.errors() + " errors " + fanout.errorsByReason() : "");
            }
        }
        return new Result(pairs, fanout);
    }

    private Process launch(Options o, Side side, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(o.sideJvmArgs());
        cmd.addAll(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(sideCommand);
        cmd.addAll(side.args());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Phase await(Process p, String name, Path log) throws IOException, InterruptedException {
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(name + ": the side did not end within 10 minutes; its output: " + log);
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith(RESULT)) {
                JsonNode j = Json.parse(line.substring(RESULT.length()));
                return new Phase(name, j.path("seconds").asDouble(), j.path("cpuSeconds").asDouble(),
                    j.path("work").asLong(), j.path("kernelShare").asDouble(), j.path("errors").asLong(), j.path("jitMillis").asLong(), j.path("errorsByReason").asText(""),
                    j.path("allocatedBytes").asLong(), j.path("contextSwitches").asLong());
            }
        }
        throw new IOException(name + ": the side reported no figures (exit " + p.exitValue() + "); its output: " + log);
    }

    /**
     * Runs one side in this JVM and prints its figures as one line the parent reads. The window is the first
     * {@code steady} of the plan's hold (after the common start, the ramp and the warm-up); the hold runs {@link #TAIL}
     * longer so neither side's users stop, close their sessions or compile their teardown inside the window.
     */
    public static void runSide(Side side, Path resultsDir, PrintStream out) throws Exception {
        System.setProperty(FIRST_USER, Integer.toString(side.firstUser()));
        LoadPlan plan = plan(side);
        RunMetrics metrics = new RunMetrics(plan.lateness(), plan.deliveryTimeout());
        RunContext ctx = new RunContext(plan, metrics, Duration.ofSeconds(2), side.startAtNanos());
        boolean fanout = side.simulation().equals(FANOUT);
        int[] exit = {-1};
        Thread gatling = new Thread(() -> {
            try {
                exit[0] = GatlingDriver.run(ctx, side.simulation(), resultsDir);
            } catch (IOException | RuntimeException e) {
                System.err.println("the simulation failed: " + e);
            }
        }, "bench-gatling");
        gatling.start();
        long deadline = side.startAtNanos() + TimeUnit.SECONDS.toNanos(60);
        while (!ctx.begun() && gatling.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (!ctx.begun()) {
            throw new IllegalStateException(side.simulation() + " did not start within a minute of the common start");
        }
        sleepUntil(ctx.holdStartNanos());
        long work0 = fanout ? deliveries(metrics) : CALLS.sum();
        long failed0 = FAILED_CALLS.sum();
        long[] ticks0 = userSystemTicks();
        long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long alloc0 = allocatedBytes();
        long switches0 = contextSwitches();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        sleepUntil(ctx.holdStartNanos() + side.steady().toNanos());
        long cpu1 = cpuNanos();
        long t1 = System.nanoTime();
        long[] ticks1 = userSystemTicks();
        long jitMs = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0;
        long allocated = allocatedBytes() - alloc0;
        long switches = contextSwitches() - switches0;
        long work = fanout ? deliveries(metrics) : CALLS.sum() - work0;
        long failed = FAILED_CALLS.sum() - failed0;
        gatling.join(ctx.maxDuration().toMillis());
        long errors = failed + metrics.counters().errors().values().stream().mapToLong(Long::longValue).sum();
        long user = ticks1[0] - ticks0[0];
        long kernel = ticks1[1] - ticks0[1];
        out.println(RESULT + Json.object().put("seconds", (t1 - t0) / 1e9).put("cpuSeconds", (cpu1 - cpu0) / 1e9)
            .put("work", work).put("kernelShare", user + kernel == 0 ? 0 : (double) kernel / (user + kernel))
            .put("errors", errors).put("gatlingExit", exit[0]).put("jitMillis", jitMs).put("allocatedBytes", allocated).put("contextSwitches", switches)
            .put("errorsByReason", "failed calls in the window " + failed + ", run " + metrics.counters().errors()));
        out.flush();
    }

    /** Deliveries recorded since the previous call. */
    private static long deliveries(RunMetrics m) {
        var h = m.latency().takeIntervals().get("delivery");
        return h == null ? 0 : h.getTotalCount();
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** This process's user and kernel CPU time in clock ticks ({@code /proc/self/stat} utime, stime). */
    private static long[] userSystemTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
    }

    /** Heap bytes allocated so far by this JVM's live threads (the benchmark's threads live through the window). */
    private static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    /** Voluntary and involuntary context switches of all this process's threads ({@code /proc/self/task/}). */
    private static long contextSwitches() throws IOException {
        long n = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.endsWith("ctxt_switches:") || line.contains("ctxt_switches:")) {
                            n += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException gone) {
                    // the thread ended while listed
                }
            }
        }
        return n;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * How much longer than the measured window the load runs. Measured with {@code -XX:+LogCompilation}: when the
     * window ended at the hold's end, the rcbench side's users ended their sessions inside it (close frames, timers
     * cancelled, teardown code compiled for the first time), which read as "JIT never settles" and ~20% more CPU per call.
     */
    static final Duration TAIL = Duration.ofSeconds(5);

    private static LoadPlan plan(Side side) {
        Map<Integer, List<Membership.RoomKey>> byUser = new HashMap<>();
        for (int i = 0; i < side.users(); i++) {
            int account = side.firstUser() + i;
            byUser.put(account, List.of(new Membership.RoomKey("c", SeedPlan.roomName(account / side.roomSize()))));
        }
        // login rate 100/s: the ramp is over in ~2 s
        return new LoadPlan(io.rcbench.job.MainJob.newRunId("injector-cpu"), side.target(), "ddp", "user.", "bot.",
            new Membership(byUser, Membership.Shares.CHANNELS_ONLY), PASSWORD, side.users(), 0, 100, side.warmup(),
            side.steady().plus(TAIL), LoadPlan.Rates.textOnly(side.perUserPerMinute()), side.bots(), List.of(), 7,
            Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofSeconds(10), null);
    }

    /** The comparison: each pair, the median ratio, and the fan-out figure. */
    public static void print(Result r, PrintStream out) {
        List<Pair> clean = r.pairs().stream().filter(Pair::clean).toList();
        if (clean.size() < r.pairs().size()) {
            out.printf("%d of %d pairs had errors and are left out%n", r.pairs().size() - clean.size(), r.pairs().size());
        }
        if (!clean.isEmpty()) {
            double[] ratios = clean.stream().mapToDouble(Pair::ratio).sorted().toArray();
            double stock = clean.stream().mapToDouble(p -> p.stock().microsPerUnit()).average().orElse(Double.NaN);
            double rcb = clean.stream().mapToDouble(p -> p.rcbench().microsPerUnit()).average().orElse(Double.NaN);
            out.printf("%ninjector CPU per DDP call: stock Gatling %.1f µs, rcbench %.1f µs (means); rcbench / stock "
                + "%.2f (median of %d simultaneous pairs; target <= 0.5)%n", stock, rcb, ratios[ratios.length / 2],
                ratios.length);
        }
        if (r.fanout() != null) {
            out.printf("injector CPU per received delivery: %.1f µs (sends included) = %,.0f deliveries/s per injector "
                + "core%n", r.fanout().microsPerUnit(), 1e6 / r.fanout().microsPerUnit());
        }
    }
}
