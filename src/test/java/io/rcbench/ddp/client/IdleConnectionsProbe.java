package io.rcbench.ddp.client;

import io.rcbench.ddp.RandomId;
import io.rcbench.ddp.ws.Compression;
import io.rcbench.workspace.Envelope;
import io.rcbench.workspace.WorkspaceProcess;
import io.rcbench.workspace.seed.SeedPlan;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: a rough memory probe. Starts the workspace in its own JVM, opens N logged-in DDP sessions from this
 * JVM (each with 5 stream subscriptions and one 2 KB call, so that compressors are really used), lets them idle,
 * and prints RSS, heap and threads per session for one compression mode. Run it with a fixed, pre-touched heap so
 * that the RSS delta is the native part (zlib state, buffers, stacks) and the heap delta the Java part:
 *
 * <pre>java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -XX:+UseSerialGC -cp target/test-classes:target/rcbench.jar \
 *   io.rcbench.ddp.client.IdleConnectionsProbe 2000 SHARED_PER_THREAD [wss]</pre>
 * With {@code wss} the sessions go through a TLS-terminating relay ({@link TlsRelayMain}) in a third JVM.
 */
public final class IdleConnectionsProbe {
    private IdleConnectionsProbe() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Compression mode = Compression.valueOf(args[1]);
        if (n < 1 || n > 20_000) {
            throw new IllegalArgumentException("between 1 and 20000 sessions");
        }
        String pw = System.getenv().getOrDefault("RCBENCH_USER_PASSWORD", "performance");
        Path data = Files.createTempDirectory("rcbench-probe-");
        List<String> wsArgs = new ArrayList<>(List.of("--users", "" + n, "--bcrypt-cost", "4"));
        for (String rule : List.of("IP", "User", "Connection", "User_By_Method", "Connection_By_Method")) {
            wsArgs.addAll(List.of("--setting", "DDP_Rate_Limit_" + rule + "_Enabled=false"));
        }
        boolean wss = args.length > 2 && args[2].equals("wss");
        Process relay = null;
        try (WorkspaceProcess ws = WorkspaceProcess.start(io.rcbench.cli.Wiring.workspaceEntry(), new Envelope(1, 2048), data, RandomId.secret(24), wsArgs);
             DdpClients clients = DdpClients.create(2)) {
            DdpClientConfig cfg = DdpClientConfig.of(URI.create("ws://127.0.0.1:" + ws.baseUri().getPort()));
            if (wss) {
                relay = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), TlsRelayMain.class.getName(), "" + ws.baseUri().getPort(),
                    data.toString()).redirectErrorStream(true).redirectOutput(data.resolve("relay.log").toFile()).start();
                Path portFile = data.resolve("relay.port");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.exists(portFile)) {
                    if (!relay.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("the TLS relay did not start; see " + data.resolve("relay.log"));
                    }
                    Thread.sleep(50);
                }
                var cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(Files.readAllBytes(data.resolve("relay.crt"))));
                cfg = DdpClientConfig.of(URI.create("wss://localhost:" + Files.readString(portFile).trim()))
                    .withTls(io.rcbench.ddp.ws.TlsOptions.trusting(cert));
            }
            cfg = cfg.withCompression(mode).withConnectTimeout(java.time.Duration.ofSeconds(60))
                .withCallTimeout(java.time.Duration.ofSeconds(60));
            List<DdpClient> open = new ArrayList<>();
            // Warm up code paths and per-thread state before the baseline.
            for (int i = 0; i < 20; i++) {
                open.add(session(clients, cfg, SeedPlan.username(i), pw).get(60, TimeUnit.SECONDS));
            }
            long[] before = measure();
            long t0 = System.nanoTime();
            for (int i = 20; i < n; i += 100) {
                List<CompletableFuture<DdpClient>> batch = new ArrayList<>();
                for (int j = i; j < Math.min(n, i + 100); j++) {
                    batch.add(session(clients, cfg, SeedPlan.username(j), pw));
                }
                for (CompletableFuture<DdpClient> f : batch) {
                    open.add(f.get(120, TimeUnit.SECONDS));
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(3000);
            long[] after = measure();
            int added = n - 20;
            System.out.printf("mode %s%s: %d sessions (%d measured) in %.1f s (%.0f/s); extension '%s'%n", mode, wss ? " over wss" : "", open.size(), added,
                seconds, added / seconds, open.get(open.size() - 1).extension());
            System.out.printf("  RSS %+.1f MB = %.1f KB/session; heap used %+.1f MB = %.1f KB/session; threads %d -> %d%n",
                (after[0] - before[0]) / 1048576.0, (after[0] - before[0]) / 1024.0 / added,
                (after[1] - before[1]) / 1048576.0, (after[1] - before[1]) / 1024.0 / added, before[2], after[2]);
            System.out.println("  " + clients.stats());
            for (DdpClient c : open) {
                c.close();
            }
        } finally {
            if (relay != null) {
                relay.destroy();
            }
        }
    }

    private static CompletableFuture<DdpClient> session(DdpClients clients, DdpClientConfig cfg, String user, String pw) {
        DdpClient c = clients.newClient(cfg);
        String big = "x".repeat(2048);
        return c.connect()
            .thenCompose(s -> c.call("login", Logins.password(user, pw)))
            .thenCompose(r -> {
                String uid = r.tree().path("id").asText();
                List<CompletableFuture<Void>> subs = new ArrayList<>();
                for (String e : List.of("message", "notification", "rooms-changed", "subscriptions-changed", "userData")) {
                    subs.add(c.subscribeStream("stream-notify-user", uid + "/" + e, ev -> { }).ready());
                }
                return CompletableFuture.allOf(subs.toArray(CompletableFuture[]::new));
            })
            .thenCompose(v -> c.call("no-such-method", big).handle((r, e) -> c));
    }

    /** RSS bytes, heap used after GC, live threads. */
    private static long[] measure() throws Exception {
        System.gc();
        Thread.sleep(500);
        System.gc();
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new long[] {rss, heap, ManagementFactory.getThreadMXBean().getThreadCount()};
    }
}
