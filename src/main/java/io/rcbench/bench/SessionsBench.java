package io.rcbench.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.RandomId;
import io.rcbench.ddp.client.DdpClientConfig;
import io.rcbench.ddp.client.DdpClients;
import io.rcbench.ddp.client.DdpStats;
import io.rcbench.ddp.client.ReconnectPolicy;
import io.rcbench.ddp.ws.Compression;
import io.rcbench.ddp.ws.LocalAddresses;
import io.rcbench.injector.HostLimits;
import io.rcbench.rocketchat.Credentials;
import io.rcbench.rocketchat.LoginMethod;
import io.rcbench.rocketchat.RateLimitSettings;
import io.rcbench.rocketchat.RestActions;
import io.rcbench.rocketchat.RestClient;
import io.rcbench.rocketchat.RocketChatAdmin;
import io.rcbench.rocketchat.RocketChatConnector;
import io.rcbench.rocketchat.RocketChatSession;
import io.rcbench.rocketchat.ServerInfo;
import io.rcbench.workspace.Envelope;
import io.rcbench.workspace.WorkspaceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How many idle logged-in sessions one injector JVM holds: up to {@code sessions} seeded users log in (REST then DDP
 * resume, or DDP digest) in steps, each opens the 35 subscriptions a web client opens after login, then all idle with
 * heartbeats for {@code idleSeconds}. The workspace runs in its own JVM held to the envelope. Before each step the
 * ramp checks both processes' open-file limits and the ephemeral ports ({@link SessionBudget}) and stops short of
 * them, so that it always reports: how many sessions it held and why it stopped ({@link StopReason}), client threads,
 * RSS per session from {@code /proc/self/status} both ways (the whole process over the sessions held, and marginal: the
 * slope over the last steps, where fixed costs are paid), live heap, connect rate and login latency, sessions still
 * connected after the idle phase and the DDP client's counters. Ctrl-C stops the ramp and still reports. The data
 * folder is removed when the bench ends, however it ends.
 */
public final class SessionsBench {
    /** The subscriptions a web client opens after login (Profile.WEB). */
    static final int SUBS_PER_SESSION = 35;
    /** Steps in a full ramp; the marginal RSS is the slope over the last {@link #SLOPE_STEPS} of them. */
    static final int STEPS = 20;
    private static final int SLOPE_STEPS = 5;
    private final List<String> workspaceEntry;

    /** @param workspaceEntry the main class and arguments that run the embedded workspace ({@code cli.Wiring}) */
    public SessionsBench(List<String> workspaceEntry) {
        this.workspaceEntry = List.copyOf(workspaceEntry);
    }

    /**
     * What to run. {@code loginConcurrency}: logins in flight at once (the ramp). {@code localAddresses}: the DDP
     * sockets bind to these in turn (empty: the OS chooses).
     */
    public record Options(int sessions, int ioThreads, int loginConcurrency, int idleSeconds, LoginMethod login,
                          Compression compression, Envelope envelope, int bcryptCost, List<InetAddress> localAddresses) {
        public Options {
            if (sessions < 1 || ioThreads < 1 || loginConcurrency < 1 || idleSeconds < 0) {
                throw new IllegalArgumentException("sessions, ioThreads and loginConcurrency must be >= 1, idleSeconds >= 0");
            }
            localAddresses = List.copyOf(localAddresses);
        }

        public Options(int sessions, int ioThreads, int loginConcurrency, int idleSeconds, LoginMethod login,
                       Compression compression, Envelope envelope, int bcryptCost) {
            this(sessions, ioThreads, loginConcurrency, idleSeconds, login, compression, envelope, bcryptCost, List.of());
        }
    }

    /**
     * The figures. {@code connected}: sessions held at the end of the ramp. RSS per session: {@code rssWhole...} is the
     * process's RSS over the sessions held (JVM included), {@code rssPerSession...} the growth since before the first
     * login over them, {@code rssSlope...} the slope over the last steps. {@code stillConnected} is -1 when the bench was
     * interrupted before it could count.
     */
    public record Result(int requested, int connected, int failed, StopReason stopReason, double connectSeconds,
                         double sessionsPerSecond, double injectorCoresConnecting, double workspaceCoresConnecting,
                         long loginP50Ms, long loginP99Ms, long loginMaxMs, int subscriptionsPerSession, int threadsBefore,
                         int threadsAfter, int clientIoThreads, long rssBeforeKb, long rssAfterKb,
                         long rssWholePerSessionBytes, long rssPerSessionBytes, long rssSlopePerSessionBytes, int slopeSteps,
                         long liveHeapBeforeBytes, long liveHeapAfterBytes, long heapPerSessionBytes,
                         long heapMarginalPerSessionBytes, int stillConnected, long reconnects, long framesIn,
                         long framesOut, long filesOpen, long fileLimit, long workspaceRssKb, int workspaceThreads,
                         long workspaceFilesOpen, String firstFailure) {
    }

    /**
     * Runs against a workspace started (and seeded) in its own JVM under {@code dataDir}, which is removed at the end
     * (also on failure and Ctrl-C).
     */
    public Result run(Options o, Path dataDir, PrintStream out) throws Exception {
        SessionRamp ramp = new SessionRamp(o, out);
        Thread main = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            ramp.interrupted = true;
            main.interrupt();
            try {
                // the main thread reports what was held and removes the data folder: give it time
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sessions-bench-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            return runIn(o, dataDir, ramp, out);
        } finally {
            deleteTree(dataDir, out);
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waited for this
            }
        }
    }

    private Result runIn(Options o, Path dataDir, SessionRamp ramp, PrintStream out) throws Exception {
        String adminPassword = RandomId.secret(24);
        try (WorkspaceProcess ws = WorkspaceProcess.start(workspaceEntry, o.envelope(), dataDir, adminPassword,
            seedArgs(o))) {
            URI base = ws.baseUri();
            RestClient rest = RestClient.create(base);
            describeTarget(o, rest, base, adminPassword, out);
            DdpClientConfig cfg = DdpClientConfig.of(base).withCompression(o.compression()).withReconnect(ReconnectPolicy.defaults());
            try (DdpClients clients = DdpClients.create(o.ioThreads(), LocalAddresses.of(o.localAddresses()))) {
                RocketChatConnector connector = RocketChatConnector.using(rest, clients, cfg);
                SessionRamp.Outcome c = ramp.run(connector, ws.pid());
                int stillConnected = -1;
                if (!ramp.interrupted) {
                    out.printf("idling %d s with heartbeats...%n", o.idleSeconds());
                    try {
                        Thread.sleep(o.idleSeconds() * 1000L);
                        stillConnected = 0;
                        for (RocketChatSession s : c.sessions()) {
                            if (s != null && s.isConnected()) {
                                stillConnected++;
                            }
                        }
                    } catch (InterruptedException e) {
                        out.println("interrupted while idling");
                    }
                }
                Result r = result(o, c, stillConnected, clients.stats(), ws.pid());
                print(r, out);
                out.println("thread names        " + threadNames());
                for (RocketChatSession s : c.sessions()) {
                    if (s != null) {
                        s.close();
                    }
                }
                return r;
            }
        }
    }

    private static Result result(Options o, SessionRamp.Outcome c, int stillConnected, DdpStats stats, long wsPid)
        throws IOException {
        long heapAfter;
        try {
            heapAfter = ProcessStatus.liveHeapBytes();
        } catch (InterruptedException e) {
            heapAfter = ProcessStatus.self().heapUsedBytes();
        }
        ProcessStatus after = ProcessStatus.self();
        ProcessStatus wsStatus = ProcessStatus.of(wsPid);
        HostLimits self = HostLimits.self();
        long wsFiles = HostLimits.of(Long.toString(wsPid)).openNow();
        int held = c.held();
        int per = Math.max(1, held);
        int marginal = Math.max(1, held - c.heldWarm());
        int slopeSteps = Math.min(SLOPE_STEPS, c.points().size());
        return new Result(o.sessions(), held, c.failed(), c.reason(), c.seconds(), held / c.seconds(),
            c.injectorCores(), c.workspaceCores(),
            c.login().getValueAtPercentile(50), c.login().getValueAtPercentile(99), c.login().getMaxValue(),
            SUBS_PER_SESSION, c.before().threads(), after.threads(), clientIoThreads(), c.before().rssKb(), after.rssKb(),
            after.rssKb() * 1024 / per, (after.rssKb() - c.before().rssKb()) * 1024 / per,
            RssSlope.bytesPerSession(c.points(), SLOPE_STEPS), slopeSteps,
            c.heapBefore(), heapAfter, (heapAfter - c.heapBefore()) / per, (heapAfter - c.heapWarm()) / marginal,
            stillConnected, stats.reconnects(), stats.framesIn(), stats.framesOut(), self.openNow(), self.openFiles(),
            wsStatus.rssKb(), wsStatus.threads(), wsFiles, c.firstFailure());
    }

    /** This JVM's threads by name, digits folded ("rcbench-ddp-1-1" and "-1-2" count as one name, x2). */
    static String threadNames() {
        java.util.Map<String, Integer> names = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            names.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
        }
        return names.entrySet().stream().map(e -> e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : ""))
            .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Removes the bench's data folder; says so when it cannot (the user then knows where it is). */
    private static void deleteTree(Path dir, PrintStream out) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            out.println("could not remove the data folder " + dir + ": " + e.getMessage());
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

    static long injectorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    /** utime + stime of a process in clock ticks (100 per second on Linux). */
    static long cpuTicks(long pid) throws java.io.IOException {
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
        out.printf("sessions            %,d held of %,d requested, %s after idling, %d reconnects%n", r.connected(),
            r.requested(), r.stillConnected() < 0 ? "not counted" : String.format("%,d still connected", r.stillConnected()),
            r.reconnects());
        out.printf("stopped             %s%n", r.stopReason());
        out.printf("connect rate        %.0f sessions/s (login+subscribe p50 %d ms, p99 %d ms, max %d ms)%n", r.sessionsPerSecond(),
            r.loginP50Ms(), r.loginP99Ms(), r.loginMaxMs());
        out.printf("threads             %d before, %d after (%d client I/O threads)%n", r.threadsBefore(), r.threadsAfter(),
            r.clientIoThreads());
        out.printf("RSS                 %d MB before, %d MB after: whole process %.1f KB per session; growth %.1f KB per"
            + " session; marginal %.1f KB per session (slope over the last %d steps)%n", r.rssBeforeKb() / 1024,
            r.rssAfterKb() / 1024, r.rssWholePerSessionBytes() / 1024.0, r.rssPerSessionBytes() / 1024.0,
            r.rssSlopePerSessionBytes() / 1024.0, r.slopeSteps());
        out.printf("live heap           %d MB before, %d MB after: %.1f KB per session (marginal: %.1f KB)%n",
            r.liveHeapBeforeBytes() >> 20, r.liveHeapAfterBytes() >> 20, r.heapPerSessionBytes() / 1024.0,
            r.heapMarginalPerSessionBytes() / 1024.0);
        out.printf("open files          injector %,d of %,d; workspace %,d%n", r.filesOpen(), r.fileLimit(),
            r.workspaceFilesOpen());
        out.printf("DDP frames          %d in, %d out%n", r.framesIn(), r.framesOut());
        out.printf("workspace           RSS %d MB, %d threads%n", r.workspaceRssKb() / 1024, r.workspaceThreads());
    }

    /** The options and figures as JSON, for the README and later comparisons. */
    public static ObjectNode toJson(Options o, Result r) {
        ObjectNode j = Json.object();
        j.set("options", Json.MAPPER.valueToTree(Map.of("sessions", o.sessions(), "ioThreads", o.ioThreads(),
            "loginConcurrency", o.loginConcurrency(), "idleSeconds", o.idleSeconds(), "login", o.login().name(),
            "compression", o.compression().name(), "workspaceCores", o.envelope().cores(),
            "workspaceMemoryMb", o.envelope().memoryMb(), "bcryptCost", o.bcryptCost(),
            "localAddresses", o.localAddresses().stream().map(InetAddress::getHostAddress).toList())));
        j.set("result", Json.MAPPER.valueToTree(r));
        j.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version() + " " + String.join(" ",
            java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        return j;
    }
}
