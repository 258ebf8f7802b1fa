package io.rcbench.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.RandomId;
import io.rcbench.ddp.client.DdpClientConfig;
import io.rcbench.ddp.client.DdpClients;
import io.rcbench.ddp.client.DdpStats;
import io.rcbench.ddp.client.ReconnectPolicy;
import io.rcbench.ddp.ws.Compression;
import io.rcbench.rocketchat.ActionTransport;
import io.rcbench.rocketchat.Credentials;
import io.rcbench.rocketchat.LoginMethod;
import io.rcbench.rocketchat.RateLimitSettings;
import io.rcbench.rocketchat.RestActions;
import io.rcbench.rocketchat.RestClient;
import io.rcbench.rocketchat.RocketChatAdmin;
import io.rcbench.rocketchat.RocketChatConnector;
import io.rcbench.rocketchat.RocketChatSession;
import io.rcbench.rocketchat.ServerInfo;
import io.rcbench.rocketchat.WebClientSubscriptions.Profile;
import io.rcbench.workspace.Envelope;
import io.rcbench.workspace.WorkspaceProcess;
import io.rcbench.workspace.seed.SeedPlan;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * How many idle logged-in sessions one injector JVM holds: {@code sessions} seeded users log in (REST then DDP
 * resume, or DDP digest), each opens the 35 subscriptions a web client opens after login, then all idle with
 * heartbeats for {@code idleSeconds}. The workspace runs in its own JVM held to the envelope. Reported: client
 * threads (all, and the I/O ones), live heap, RSS per session from {@code /proc/self/status} (over all sessions, and
 * marginal past a warm-up of 5% whose fixed costs, classes, JIT and buffer pools, are not per session), connect rate and
 * login latency, sessions still connected after the idle phase and the DDP client's counters.
 */
public final class SessionsBench {
    /** The subscriptions a web client opens after login (Profile.WEB). */
    private static final int SUBS_PER_SESSION = 35;
    private final List<String> workspaceEntry;

    /** @param workspaceEntry the main class and arguments that run the embedded workspace ({@code cli.Wiring}) */
    public SessionsBench(List<String> workspaceEntry) {
        this.workspaceEntry = List.copyOf(workspaceEntry);
    }

    /** What to run. {@code loginConcurrency}: logins in flight at once (the ramp). */
    public record Options(int sessions, int ioThreads, int loginConcurrency, int idleSeconds, LoginMethod login,
                          Compression compression, Envelope envelope, int bcryptCost) {
        public Options {
            if (sessions < 1 || ioThreads < 1 || loginConcurrency < 1 || idleSeconds < 0) {
                throw new IllegalArgumentException("sessions, ioThreads and loginConcurrency must be >= 1, idleSeconds >= 0");
            }
        }
    }

    /** The figures. Memory per session is (after - before) / connected sessions. */
    public record Result(int requested, int connected, int failed, double connectSeconds, double sessionsPerSecond,
                         double injectorCoresConnecting, double workspaceCoresConnecting,
                         long loginP50Ms, long loginP99Ms, long loginMaxMs, int subscriptionsPerSession, int threadsBefore,
                         int threadsAfter, int clientIoThreads, long rssBeforeKb, long rssAfterKb, long rssPerSessionBytes,
                         long rssMarginalPerSessionBytes, long liveHeapBeforeBytes, long liveHeapAfterBytes,
                         long heapPerSessionBytes, long heapMarginalPerSessionBytes, int stillConnected,
                         long reconnects, long framesIn, long framesOut, long workspaceRssKb, int workspaceThreads,
                         String firstFailure) {
    }

    /** Runs against a workspace started (and seeded) in its own JVM under {@code dataDir}. */
    public Result run(Options o, Path dataDir, PrintStream out) throws Exception {
        String adminPassword = RandomId.secret(24);
        try (WorkspaceProcess ws = WorkspaceProcess.start(workspaceEntry, o.envelope(), dataDir, adminPassword,
            seedArgs(o))) {
            URI base = ws.baseUri();
            RestClient rest = RestClient.create(base);
            describeTarget(o, rest, base, adminPassword, out);
            DdpClientConfig cfg = DdpClientConfig.of(base).withCompression(o.compression()).withReconnect(ReconnectPolicy.defaults());
            try (DdpClients clients = DdpClients.create(o.ioThreads())) {
                RocketChatConnector connector = RocketChatConnector.using(rest, clients, cfg);
                ProcessStatus before = ProcessStatus.self();
                long heapBefore = ProcessStatus.liveHeapBytes();
                int threadsBefore = ProcessStatus.self().threads();
                Connected c = connectAll(o, connector, ws.pid(), before, heapBefore, out);
                out.printf("idling %d s with heartbeats...%n", o.idleSeconds());
                Thread.sleep(o.idleSeconds() * 1000L);
                int stillConnected = 0;
                for (RocketChatSession s : c.sessions()) {
                    if (s != null && s.isConnected()) {
                        stillConnected++;
                    }
                }
                long heapAfter = ProcessStatus.liveHeapBytes();
                ProcessStatus after = ProcessStatus.self();
                ProcessStatus wsStatus = ProcessStatus.of(ws.pid());
                DdpStats stats = clients.stats();
                int per = Math.max(1, c.connected());
                int marginal = Math.max(1, c.connected() - c.connectedWarm());
                Result r = new Result(o.sessions(), c.connected(), c.failed(), c.seconds(), c.connected() / c.seconds(),
                    c.injectorCores(), c.workspaceCores(),
                    c.login().getValueAtPercentile(50), c.login().getValueAtPercentile(99), c.login().getMaxValue(),
                    SUBS_PER_SESSION, threadsBefore, after.threads(), clientIoThreads(), before.rssKb(), after.rssKb(),
                    (after.rssKb() - before.rssKb()) * 1024 / per, (after.rssKb() - c.warm().rssKb()) * 1024 / marginal,
                    heapBefore, heapAfter, (heapAfter - heapBefore) / per, (heapAfter - c.heapWarm()) / marginal,
                    stillConnected, stats.reconnects(), stats.framesIn(), stats.framesOut(), wsStatus.rssKb(),
                    wsStatus.threads(), c.firstFailure());
                print(r, out);
                for (RocketChatSession s : c.sessions()) {
                    if (s != null) {
                        s.close();
                    }
                }
                return r;
            }
        }
    }

    /** The workspace's seeding flags: the users, in rooms of ten, and no rate limiter in the way. */
    private static List<String> seedArgs(Options o) {
        int roomSize = Math.min(10, o.sessions());
        int rooms = (o.sessions() + roomSize - 1) / roomSize;
        return new ArrayList<>(List.of("--users", "" + o.sessions(), "--rooms", "" + rooms, "--room-size", "" + roomSize,
            "--bcrypt-cost", "" + o.bcryptCost(), "--setting", "API_Enable_Rate_Limiter=false"));
    }

    /** Prints what the target is and the rate limiters that would distort the figures. */
    private static void describeTarget(Options o, RestClient rest, URI base, String adminPassword, PrintStream out)
        throws Exception {
        ServerInfo info = RestClient.await(new RestActions(rest).info());
        Credentials admin = RestClient.await(new RestActions(rest).login(
            System.getenv().getOrDefault("RCBENCH_ADMIN_USER", "admin"), adminPassword));
        RateLimitSettings limits = new RocketChatAdmin(rest.withCredentials(admin)).rateLimitSettings();
        out.printf("target %s (%s %s), workspace held to %d core(s), %d MB; %d users seeded (bcrypt cost %d)%n", base,
            info.product(), info.version(), o.envelope().cores(), o.envelope().memoryMb(), o.sessions(), o.bcryptCost());
        limits.distortions().forEach(d -> out.println("  limiter: " + d));
    }

    /**
     * What connecting every session left: the sessions, their login times, failures, the warm baseline the
     * marginal cost is measured from, and the CPU both sides spent connecting.
     */
    private record Connected(RocketChatSession[] sessions, Histogram login, int connected, int failed,
                             String firstFailure, int connectedWarm, ProcessStatus warm, long heapWarm, double seconds,
                             double injectorCores, double workspaceCores) {
    }

    /** Logs every session in and subscribes it like the web client, at most {@code loginConcurrency} at a time. */
    private static Connected connectAll(Options o, RocketChatConnector connector, long wsPid, ProcessStatus before,
                                        long heapBefore, PrintStream out) throws Exception {
        String userPassword = System.getenv().getOrDefault("RCBENCH_USER_PASSWORD", "performance");
        // Marginal cost is measured from a warm baseline: classes loaded, JIT, pools and caches allocated.
        int warmup = Math.min(Math.max(100, o.sessions() / 20), o.sessions() / 2);
        ProcessStatus warm = before;
        long heapWarm = heapBefore;
        int connectedWarm = 0;

        RocketChatSession[] sessions = new RocketChatSession[o.sessions()];
        Histogram login = new ConcurrentHistogram(3_600_000L, 3);
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Semaphore window = new Semaphore(o.loginConcurrency());
        long t0 = System.nanoTime();
        long cpu0 = injectorCpuNanos();
        long wsCpu0 = cpuTicks(wsPid);
        for (int i = 0; i < o.sessions(); i++) {
            window.acquire();
            int n = i;
            long start = System.nanoTime();
            connector.login(SeedPlan.username(n), userPassword, o.login(), ActionTransport.DDP)
                .thenCompose(s -> {
                    sessions[n] = s;
                    return s.subscribeAfterLogin(Profile.WEB);
                })
                .whenComplete((v, t) -> {
                    if (t != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, String.valueOf(t.getCause() != null ? t.getCause() : t));
                    } else {
                        login.recordValue(Math.max(0, (System.nanoTime() - start) / 1_000_000));
                    }
                    window.release();
                });
            if (n + 1 == warmup) {
                window.acquire(o.loginConcurrency());
                connectedWarm = warmup - failed.get();
                heapWarm = ProcessStatus.liveHeapBytes();
                warm = ProcessStatus.self();
                window.release(o.loginConcurrency());
                out.printf("  warm baseline after %d sessions: RSS %d MB, live heap %d MB%n", connectedWarm, warm.rssKb() / 1024,
                    heapWarm >> 20);
            }
            if ((n + 1) % 1000 == 0) {
                out.printf("  %d sessions started, %.1f s%n", n + 1, (System.nanoTime() - t0) / 1e9);
            }
        }
        window.acquire(o.loginConcurrency());
        double connectSeconds = (System.nanoTime() - t0) / 1e9;
        double injectorCores = (injectorCpuNanos() - cpu0) / 1e9 / connectSeconds;
        double workspaceCores = (cpuTicks(wsPid) - wsCpu0) / 100.0 / connectSeconds;
        int connected = o.sessions() - failed.get();
        out.printf("%d sessions connected and subscribed (%d subs each) in %.1f s: %.0f sessions/s; %d failed%s%n", connected,
            SUBS_PER_SESSION, connectSeconds, connected / connectSeconds, failed.get(),
            firstFailure.get() == null ? "" : " (first: " + firstFailure.get() + ")");
        out.printf("CPU while connecting: injector %.2f cores, workspace %.2f cores (of %d allowed)%n", injectorCores,
            workspaceCores, o.envelope().cores());
        return new Connected(sessions, login, connected, failed.get(), firstFailure.get(), connectedWarm, warm, heapWarm,
            connectSeconds, injectorCores, workspaceCores);
    }

    private static long injectorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    /** utime + stime of a process in clock ticks (100 per second on Linux). */
    private static long cpuTicks(long pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Threads doing client I/O: the DDP event loops, the HttpClient's selector and its completion executor. */
    static int clientIoThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (name.startsWith("rcbench-ddp") || name.startsWith("rc-rest-") || name.contains("SelectorManager")) {
                n++;
            }
        }
        return n;
    }

    static void print(Result r, PrintStream out) {
        out.printf("sessions            %d connected of %d, %d still connected after idling, %d reconnects%n", r.connected(),
            r.requested(), r.stillConnected(), r.reconnects());
        out.printf("connect rate        %.0f sessions/s (login+subscribe p50 %d ms, p99 %d ms, max %d ms)%n", r.sessionsPerSecond(),
            r.loginP50Ms(), r.loginP99Ms(), r.loginMaxMs());
        out.printf("threads             %d before, %d after (%d client I/O threads)%n", r.threadsBefore(), r.threadsAfter(),
            r.clientIoThreads());
        out.printf("RSS                 %d MB before, %d MB after: %.1f KB per session (marginal past warm-up: %.1f KB)%n",
            r.rssBeforeKb() / 1024, r.rssAfterKb() / 1024, r.rssPerSessionBytes() / 1024.0, r.rssMarginalPerSessionBytes() / 1024.0);
        out.printf("live heap           %d MB before, %d MB after: %.1f KB per session (marginal: %.1f KB)%n",
            r.liveHeapBeforeBytes() >> 20, r.liveHeapAfterBytes() >> 20, r.heapPerSessionBytes() / 1024.0,
            r.heapMarginalPerSessionBytes() / 1024.0);
        out.printf("DDP frames          %d in, %d out%n", r.framesIn(), r.framesOut());
        out.printf("workspace           RSS %d MB, %d threads%n", r.workspaceRssKb() / 1024, r.workspaceThreads());
    }

    /** The options and figures as JSON, for the README and later comparisons. */
    public static ObjectNode toJson(Options o, Result r) {
        ObjectNode j = Json.object();
        j.set("options", Json.MAPPER.valueToTree(Map.of("sessions", o.sessions(), "ioThreads", o.ioThreads(),
            "loginConcurrency", o.loginConcurrency(), "idleSeconds", o.idleSeconds(), "login", o.login().name(),
            "compression", o.compression().name(), "workspaceCores", o.envelope().cores(),
            "workspaceMemoryMb", o.envelope().memoryMb(), "bcryptCost", o.bcryptCost())));
        j.set("result", Json.MAPPER.valueToTree(r));
        j.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version() + " " + String.join(" ",
            java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        return j;
    }
}
