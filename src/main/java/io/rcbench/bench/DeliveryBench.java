package io.rcbench.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.RandomId;
import io.rcbench.workspace.Envelope;
import io.rcbench.workspace.WorkspaceProcess;
import io.rcbench.workspace.seed.SeedPlan;
import io.rcbench.workspace.service.Accounts;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * How many message deliveries per second the embedded workspace sustains: {@code sessions} logged-in users
 * in {@code rooms} rooms, each subscribed to its room's messages, while bot senders post at stepped open-loop
 * rates. A step is sustained when every delivery arrived and delivery p99 stayed under 1 s. The workspace runs
 * in its own JVM held to the envelope; the injector is one Netty event loop, and both CPUs are reported so a
 * saturated injector is visible. DDP rate limiters are off, as in Rocket.Chat's own e2e set-up: the figure is
 * the server's fan-out capacity, not its limiter's.
 */
public final class DeliveryBench {
    private final List<String> workspaceEntry;

    /** @param workspaceEntry the main class and arguments that run the embedded workspace ({@code cli.Wiring}) */
    public DeliveryBench(List<String> workspaceEntry) {
        this.workspaceEntry = List.copyOf(workspaceEntry);
    }

    /** What to run. {@code rates}: messages per second offered in each step. */
    public record Options(int sessions, int rooms, int senders, List<Integer> rates, int stepSeconds, Envelope envelope,
                          boolean deflate) {
        public Options {
            if (sessions % rooms != 0) {
                throw new IllegalArgumentException("sessions must divide evenly into rooms");
            }
            rates = List.copyOf(rates);
        }
    }

    /** One step's figures; latencies in microseconds, CPU in cores used. */
    public record Step(int offeredPerSecond, long acked, long expected, long delivered, double deliveredPerSecond,
                       long deliveryP50, long deliveryP99, long deliveryMax, long sendP50, long sendP99, double injectorCores,
                       double workspaceCores) {
        public boolean sustained() {
            return delivered >= expected && expected > 0 && deliveryP99 < 1_000_000;
        }
    }

    private final Recorder delivery = new Recorder(3);
    private final Recorder send = new Recorder(3);
    private final LongAdder delivered = new LongAdder();
    private final LongAdder acked = new LongAdder();

    public List<Step> run(Options o, Path dataDir, PrintStream out) throws Exception {
        int roomSize = o.sessions() / o.rooms();
        List<String> args = new ArrayList<>(List.of("--users", "" + o.sessions(), "--rooms", "" + o.rooms(),
            "--room-size", "" + roomSize, "--bots", "" + o.senders(), "--bcrypt-cost", "4"));
        for (String rule : List.of("IP", "User", "Connection", "User_By_Method", "Connection_By_Method")) {
            args.addAll(List.of("--setting", "DDP_Rate_Limit_" + rule + "_Enabled=false"));
        }
        String pw = System.getenv().getOrDefault("RCBENCH_USER_PASSWORD", "performance");
        String digest = Accounts.sha256Hex(pw);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("bench-io", true), NioIoHandler.newFactory());
        try (WorkspaceProcess ws = WorkspaceProcess.start(workspaceEntry, o.envelope(), dataDir, RandomId.secret(24), args)) {
            URI uri = URI.create("ws://127.0.0.1:" + ws.baseUri().getPort() + "/websocket");
            long t0 = System.nanoTime();
            List<BenchSession> listeners = new ArrayList<>();
            for (int i = 0; i < o.sessions(); i += 100) {
                List<CompletableFuture<Void>> batch = new ArrayList<>();
                for (int j = i; j < Math.min(o.sessions(), i + 100); j++) {
                    BenchSession s = open(group, uri, o.deflate(), SeedPlan.username(j), digest, SeedPlan.roomName(j / roomSize), true);
                    listeners.add(s);
                    batch.add(s.ready);
                }
                CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            }
            List<BenchSession> senders = new ArrayList<>();
            for (int i = 0; i < o.senders(); i++) {
                senders.add(open(group, uri, o.deflate(), SeedPlan.botname(i), digest, SeedPlan.roomName(i % o.rooms()), false));
            }
            CompletableFuture.allOf(senders.stream().map(s -> s.ready).toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            out.printf("%d sessions subscribed in %d rooms of %d in %.1f s (plus %d senders); workspace held to %d core(s), %d MB%n",
                listeners.size(), o.rooms(), roomSize, (System.nanoTime() - t0) / 1e9, senders.size(), o.envelope().cores(),
                o.envelope().memoryMb());
            out.println(" offered msg/s | deliveries/s | delivered/expected | delivery p50 / p99 / max ms | send p50 / p99 ms"
                + " | injector cores | workspace cores");
            List<Step> steps = new ArrayList<>();
            for (int rate : o.rates()) {
                Step s = step(o, rate, roomSize, senders, ws.pid());
                steps.add(s);
                out.printf(" %13d | %12.0f | %8d/%-9d | %8.1f / %6.1f / %6.1f     | %5.1f / %6.1f    | %14.2f | %15.2f%s%n",
                    rate, s.deliveredPerSecond(), s.delivered(), s.expected(), s.deliveryP50() / 1e3, s.deliveryP99() / 1e3,
                    s.deliveryMax() / 1e3, s.sendP50() / 1e3, s.sendP99() / 1e3, s.injectorCores(), s.workspaceCores(),
                    s.sustained() ? "" : "  (not sustained)");
                if (!s.sustained()) {
                    break;
                }
            }
            return steps;
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    private Step step(Options o, int rate, int roomSize, List<BenchSession> senders, long workspacePid) throws Exception {
        delivery.getIntervalHistogram();
        send.getIntervalHistogram();
        delivered.reset();
        acked.reset();
        long periodNanos = (long) (1e9 * senders.size() / rate);
        long start = System.nanoTime();
        long cpu0 = injectorCpuNanos();
        long ws0 = workspaceCpuTicks(workspacePid);
        List<ScheduledFuture<?>> tasks = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++) {
            BenchSession s = senders.get(i);
            long phase = periodNanos * i / senders.size();
            tasks.add(s.context().executor().scheduleAtFixedRate(() -> s.send(System.nanoTime()), phase, periodNanos, TimeUnit.NANOSECONDS));
        }
        Thread.sleep(o.stepSeconds() * 1000L);
        tasks.forEach(t -> t.cancel(false));
        long sendWindowNanos = System.nanoTime() - start;
        double wall = sendWindowNanos / 1e9;
        double injector = (injectorCpuNanos() - cpu0) / 1e9 / wall;
        double workspace = (workspaceCpuTicks(workspacePid) - ws0) / 100.0 / wall;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (delivered.sum() < acked.sum() * roomSize && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
        Histogram d = delivery.getIntervalHistogram();
        Histogram sh = send.getIntervalHistogram();
        long n = delivered.sum();
        return new Step(rate, acked.sum(), acked.sum() * roomSize, n, n / wall, d.getValueAtPercentile(50),
            d.getValueAtPercentile(99), d.getMaxValue(), sh.getValueAtPercentile(50), sh.getValueAtPercentile(99), injector, workspace);
    }

    private BenchSession open(EventLoopGroup group, URI uri, boolean deflate, String user, String digest, String room, boolean listen) {
        var handshaker = WebSocketClientHandshakerFactory.newHandshaker(uri, WebSocketVersion.V13, null, true,
            new DefaultHttpHeaders(), 1 << 20);
        BenchSession s = new BenchSession(handshaker, user, digest, room, listen, sentNanos -> {
            delivery.recordValue(Math.max(0, (System.nanoTime() - sentNanos) / 1000));
            delivered.increment();
        }, sentNanos -> {
            send.recordValue(Math.max(0, (System.nanoTime() - sentNanos) / 1000));
            acked.increment();
        });
        new Bootstrap().group(group).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16));
                    if (deflate) {
                        ch.pipeline().addLast(new WebSocketClientCompressionHandler(0));
                    }
                    ch.pipeline().addLast(new WebSocketFrameAggregator(1 << 20), s);
                }
            }).connect(uri.getHost(), uri.getPort()).addListener(f -> {
                if (!f.isSuccess()) {
                    s.ready.completeExceptionally(f.cause());
                }
            });
        return s;
    }

    private static long injectorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of a process in clock ticks (100 per second on Linux). */
    private static long workspaceCpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The steps as JSON, for the README figure and later comparisons. */
    public static ObjectNode toJson(Options o, List<Step> steps) {
        ObjectNode j = Json.object().put("sessions", o.sessions()).put("rooms", o.rooms()).put("senders", o.senders())
            .put("workspaceCores", o.envelope().cores()).put("workspaceMemoryMb", o.envelope().memoryMb()).put("deflate", o.deflate());
        ArrayNode a = j.putArray("steps");
        steps.forEach(s -> a.add(Json.MAPPER.valueToTree(s)));
        steps.stream().filter(Step::sustained).reduce((x, y) -> y)
            .ifPresent(best -> j.put("sustainedDeliveriesPerSecond", Math.round(best.deliveredPerSecond())));
        return j;
    }
}
