package io.rcbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.metrics.IntervalLogWriter;
import io.rcbench.metrics.LatencyRecorder;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import io.rcbench.run.ServerSample;
import io.rcbench.run.TimelinePoint;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real short run for report tests: four users on the embedded workspace (loopback, free ports) log in and
 * send messages over DDP for a few seconds while one observer per room times deliveries; latencies go through
 * {@link LatencyRecorder} and {@link IntervalLogWriter} on a one-second sampler, the timeline and the workspace's
 * Prometheus scrape are written each second. Bounded: 4 senders × 4 messages per second × {@link #HOLD_MS}.
 */
final class RealShortRun {
    static final long HOLD_MS = 4_000;
    private static final String PW = "performance";
    private static final long PERIOD_MS = 250;

    /** What the run counted, for assertions. */
    record Result(Path dir, long sendsOk, long deliveries) {
    }

    private RealShortRun() {
    }

    static Result record(Path reports, Path dataDir) throws Exception {
        Path dir = reports.resolve("real-short-run");
        RunFolder folder = new RunFolder(dir);
        java.nio.file.Files.createDirectories(dir);
        try (Workspace ws = TestWorkspaces.start(dataDir)) {
            List<String> rooms = ws.seeder().seed(new SeedPlan(6, 2, 3, "c", 0, 0, PW, 4)).roomIds();
            long startEpochMs = System.currentTimeMillis();
            LatencyRecorder rec = new LatencyRecorder();
            Map<String, AtomicLong> actions = new ConcurrentHashMap<>();
            Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
            AtomicInteger active = new AtomicInteger();
            AtomicLong sendsOk = new AtomicLong();
            AtomicLong delivered = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            List<ServerSample> scraped = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            List<DdpTestClient> clients = new ArrayList<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            long holdStartMs;
            long holdEndMs;
            double[] cpuMax = {0};
            try (IntervalLogWriter log = new IntervalLogWriter(rec, folder.latencyLog(-1), startEpochMs, 1_000);
                 RunFolder.JsonLinesWriter timeline = folder.appendLines(RunFolder.TIMELINE);
                 RunFolder.JsonLinesWriter server = folder.appendLines(RunFolder.SERVER_METRICS)) {
                var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                sampler.scheduleAtFixedRate(() -> {
                    try {
                        long t = System.currentTimeMillis() - startEpochMs;
                        double cpu = Math.max(0, os.getProcessCpuLoad() * 100);
                        cpuMax[0] = Math.max(cpuMax[0], cpu);
                        timeline.write(new TimelinePoint(t, active.get(), active.get() + rooms.size(), drain(actions), drain(errors),
                            cpu, 0, 0));
                        ServerSample s = new ServerSample(t, scrape(ws.metricsPort()));
                        scraped.add(s);
                        server.write(s);
                    } catch (Exception e) {
                        errors.computeIfAbsent("sampler-error", k -> new AtomicLong()).incrementAndGet();
                    }
                }, 1_000, 1_000, TimeUnit.MILLISECONDS);
                for (int r = 0; r < rooms.size(); r++) {
                    String rid = rooms.get(r);
                    DdpTestClient observer = DdpTestClient.login(ws, "user." + (3 * r + 2), PW);
                    clients.add(observer);
                    observer.stream("stream-room-messages", rid);
                    threads.add(started(() -> observe(observer, rid, rec, delivered, stop)));
                }
                List<DdpTestClient> senders = new ArrayList<>();
                for (int u : new int[] {0, 1, 3, 4}) {
                    long intended = System.nanoTime();
                    long s = System.nanoTime();
                    DdpTestClient c = DdpTestClient.connect(ws);
                    rec.recordAction("connect", intended, s, System.nanoTime());
                    count(actions, "connect");
                    ObjectNode req = Json.object();
                    req.set("user", Json.object().put("username", "user." + u));
                    req.set("password", Json.object().put("digest", io.rcbench.workspace.service.Accounts.sha256Hex(PW))
                        .put("algorithm", "sha-256"));
                    s = System.nanoTime();
                    c.call("login", req);
                    rec.recordAction("login", s, s, System.nanoTime());
                    count(actions, "login");
                    clients.add(c);
                    senders.add(c);
                    active.incrementAndGet();
                    Thread.sleep(150); // a gentle ramp, so the report has one
                }
                holdStartMs = System.currentTimeMillis() - startEpochMs;
                long holdStartNanos = System.nanoTime();
                for (int i = 0; i < senders.size(); i++) {
                    DdpTestClient c = senders.get(i);
                    String rid = rooms.get(i / 2);
                    threads.add(started(() -> send(c, rid, holdStartNanos, rec, actions, errors, sendsOk)));
                }
                Thread.sleep(HOLD_MS + 300);
                holdEndMs = holdStartMs + HOLD_MS;
                stop.set(true);
                for (Thread t : threads) {
                    t.join(10_000);
                }
                sampler.shutdown();
                sampler.awaitTermination(5, TimeUnit.SECONDS);
            } finally {
                sampler.shutdownNow();
                for (DdpTestClient c : clients) {
                    c.close();
                }
            }
            long endEpochMs = System.currentTimeMillis();
            long sends = sendsOk.get();
            Map<String, RunSummary.ActionCounts> counts = new TreeMap<>();
            counts.put("connect", new RunSummary.ActionCounts(4, 4, 0, 0, 0));
            counts.put("login", new RunSummary.ActionCounts(4, 4, 0, 0, 0));
            long failedSends = errors.values().stream().mapToLong(AtomicLong::get).sum();
            counts.put("sendMessage", new RunSummary.ActionCounts(sends + failedSends, sends, failedSends, 0, 0));
            Map<String, Long> errorTotals = new TreeMap<>();
            errors.forEach((k, v) -> errorTotals.put(k, v.get()));
            folder.writeSummary(new RunSummary("real-short-run", "test", null, startEpochMs, endEpochMs,
                new RunSummary.TargetInfo("embedded", "rcbench-workspace", "8.8.0", "http://127.0.0.1:" + ws.port(), null, null, 1),
                new RunSummary.Phases(0, holdStartMs, holdEndMs, 4, 6, 6), counts, errorTotals,
                new RunSummary.Deliveries(sends, delivered.get(), Math.max(0, sends - delivered.get())),
                new RunSummary.InjectorSummary(cpuMax[0], cpuMax[0], 0, 0, 0, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20), 1, false, null));
            return new Result(dir, sends, delivered.get());
        }
    }

    /** Sends every {@link #PERIOD_MS} from the hold's start, timed from the intended send (corrected) and raw. */
    private static void send(DdpTestClient c, String rid, long holdStartNanos, LatencyRecorder rec, Map<String, AtomicLong> actions,
                             Map<String, AtomicLong> errors, AtomicLong ok) {
        try {
            for (int k = 0; k < HOLD_MS / PERIOD_MS; k++) {
                long intended = holdStartNanos + TimeUnit.MILLISECONDS.toNanos(k * PERIOD_MS);
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long s = System.nanoTime();
                JsonNode r = c.call("sendMessage", Json.object().put("rid", rid).put("msg", "t=" + s));
                long e = System.nanoTime();
                if (r.has("error")) {
                    errors.computeIfAbsent("server-error", x -> new AtomicLong()).incrementAndGet();
                } else {
                    rec.recordAction("sendMessage", intended, s, e);
                    count(actions, "sendMessage");
                    ok.incrementAndGet();
                }
            }
        } catch (InterruptedException | AssertionError e) {
            errors.computeIfAbsent("timeout", x -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Times each message from its send (nanoTime in its text: same JVM) to its arrival at the observer. */
    private static void observe(DdpTestClient observer, String rid, LatencyRecorder rec, AtomicLong delivered, AtomicBoolean stop) {
        while (!stop.get()) {
            try {
                JsonNode f = observer.await(DdpTestClient.streamEvent("stream-room-messages", rid), 200);
                String msg = f.path("fields").path("args").get(0).path("msg").asText();
                if (msg.startsWith("t=")) {
                    rec.record("delivery", (System.nanoTime() - Long.parseLong(msg.substring(2))) / 1000);
                    delivered.incrementAndGet();
                }
            } catch (AssertionError quiet) {
                // nothing within 200 ms: check whether to stop
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r, "real-short-run");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void count(Map<String, AtomicLong> m, String k) {
        m.computeIfAbsent(k, x -> new AtomicLong()).incrementAndGet();
    }

    private static Map<String, Long> drain(Map<String, AtomicLong> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> {
            long n = v.getAndSet(0);
            if (n > 0) {
                out.put(k, n);
            }
        });
        return out;
    }

    /** The workspace's Rocket.Chat series and process figures from its Prometheus endpoint. */
    private static Map<String, Double> scrape(int port) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(java.time.Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> values = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            boolean wanted = line.startsWith("rocketchat_ddp_sessions") || line.startsWith("rocketchat_message_sent_total")
                || line.startsWith("rocketchat_meteor_methods_count") || line.startsWith("process_cpu_seconds_total")
                || line.startsWith("process_resident_memory_bytes");
            int space = line.lastIndexOf(' ');
            if (wanted && space > 0) {
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return values;
    }
}
