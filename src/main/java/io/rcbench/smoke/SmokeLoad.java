package io.rcbench.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.seed.SeedPlan;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * Runs a {@link SmokePlan} against a seeded workspace and records into one HdrHistogram {@link Recorder} per
 * metric (microseconds, 3 significant digits). A sampler writes an interval every second to
 * {@code smoke.hlog}; {@link #stop()} may be called from a shutdown hook and keeps what was measured.
 */
public final class SmokeLoad {
    public static final List<String> METRICS = List.of("login", "sendMessage", "sendMessage.raw", "delivery");
    private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
    private final Map<String, Histogram> totals = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder expectedDeliveries = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final AtomicLong late = new AtomicLong();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final List<SmokeUser> users = new ArrayList<>();
    private final SmokePlan plan;
    private final URI websocket;
    private final String password;
    private final List<String> roomIds = new ArrayList<>();
    private HistogramLogWriter log;
    private volatile boolean stopped;

    /** User i (seeded as user.i) sends into the seeded room loadtest-(i / roomSize). */
    public SmokeLoad(SmokePlan plan, URI base, String password) {
        this.plan = plan;
        this.websocket = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/websocket");
        this.password = password;
        METRICS.forEach(m -> {
            recorders.put(m, new Recorder(3));
            totals.put(m, new Histogram(3));
        });
    }

    /** Logs everyone in, sends for the plan's duration, drains deliveries; returns the summary. */
    public SmokeSummary run(Path runDir, PrintStream console) throws Exception {
        Files.createDirectories(runDir);
        log = new HistogramLogWriter(new PrintStream(Files.newOutputStream(runDir.resolve("smoke.hlog")), true));
        long startMs = System.currentTimeMillis();
        log.outputStartTime(startMs);
        log.setBaseTime(startMs);
        log.outputLogFormatVersion();
        log.outputLegend();
        scheduler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);

        List<String> rooms = new ArrayList<>();
        for (int m = 0; m < plan.rooms(); m++) {
            roomIds.add(null);
        }
        for (int i = 0; i < plan.users() && !stopped; i++) {
            SmokeUser u = new SmokeUser(websocket, this::onRoomMessage);
            long t0 = System.nanoTime();
            u.open();
            JsonNode login = u.login(SeedPlan.username(i), password);
            if (login.has("error")) {
                throw new IllegalStateException("login of " + SeedPlan.username(i) + " failed: " + login.get("error"));
            }
            recorders.get("login").recordValue((System.nanoTime() - t0) / 1000);
            users.add(u);
        }
        console.printf("%d users logged in%n", users.size());
        for (int i = 0; i < users.size(); i++) {
            String rid = findRoom(users.get(i), i / plan.roomSize());
            rooms.add(rid);
            users.get(i).subscribe("stream-room-messages", rid).get(10, TimeUnit.SECONDS);
        }
        long intervalNanos = (long) (60e9 / plan.messagesPerUserPerMinute());
        long begin = System.nanoTime();
        for (int i = 0; i < users.size(); i++) {
            long phase = ThreadLocalRandom.current().nextLong(intervalNanos);
            schedule(users.get(i), rooms.get(i), begin + phase, intervalNanos, begin + TimeUnit.SECONDS.toNanos(plan.durationSeconds()));
        }
        long end = begin + TimeUnit.SECONDS.toNanos(plan.durationSeconds());
        while (!stopped && System.nanoTime() < end) {
            Thread.sleep(Math.min(5000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            console.printf("elapsed %ds, sent %d, delivered %d/%d, errors %d%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin), sent.sum(), delivered.sum(), expectedDeliveries.sum(),
                errors.values().stream().mapToLong(LongAdder::sum).sum());
        }
        Thread.sleep(stopped ? 0 : 2000);
        return stop();
    }

    /** The room's id, as a web client learns it: from {@code rooms/get}. */
    private String findRoom(SmokeUser u, int roomIndex) throws Exception {
        JsonNode list = u.call("rooms/get").get(10, TimeUnit.SECONDS).path("result");
        for (JsonNode r : list) {
            if (SeedPlan.roomName(roomIndex).equals(r.path("name").asText())) {
                roomIds.set(roomIndex, r.path("_id").asText());
                return r.path("_id").asText();
            }
        }
        throw new IllegalStateException("room " + SeedPlan.roomName(roomIndex) + " is not seeded on the target");
    }

    private void schedule(SmokeUser u, String rid, long intendedNanos, long intervalNanos, long endNanos) {
        if (stopped || intendedNanos >= endNanos) {
            return;
        }
        long delay = Math.max(0, intendedNanos - System.nanoTime());
        scheduler.schedule(() -> {
            send(u, rid, intendedNanos);
            schedule(u, rid, intendedNanos + intervalNanos, intervalNanos, endNanos);
        }, delay, TimeUnit.NANOSECONDS);
    }

    private void send(SmokeUser u, String rid, long intendedNanos) {
        long actual = System.nanoTime();
        if (actual - intendedNanos > 10_000_000) {
            late.incrementAndGet();
        }
        sent.increment();
        u.call("sendMessage", Json.object().put("rid", rid).put("msg", "smoke " + actual))
            .orTimeout(10, TimeUnit.SECONDS)
            .whenComplete((r, e) -> {
                long now = System.nanoTime();
                if (e != null) {
                    error(e instanceof java.util.concurrent.TimeoutException ? "timeout" : "disconnected");
                } else if (r.has("error")) {
                    error(r.get("error").path("error").asText("server error"));
                } else if (!r.has("result")) {
                    error("empty result");
                } else {
                    recorders.get("sendMessage").recordValue((now - intendedNanos) / 1000);
                    recorders.get("sendMessage.raw").recordValue((now - actual) / 1000);
                    expectedDeliveries.add(membersOf(rid));
                }
            });
    }

    private int membersOf(String rid) {
        int index = roomIds.indexOf(rid);
        return Math.min(plan.roomSize(), plan.users() - index * plan.roomSize());
    }

    private void onRoomMessage(JsonNode message) {
        String text = message.path("msg").asText("");
        if (text.startsWith("smoke ")) {
            long sentAt = Long.parseLong(text.substring(6));
            recorders.get("delivery").recordValue(Math.max(0, (System.nanoTime() - sentAt) / 1000));
            delivered.increment();
        }
    }

    private void error(String reason) {
        errors.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    private synchronized void sample() {
        if (log == null) {
            return;
        }
        for (String m : METRICS) {
            Histogram interval = recorders.get(m).getIntervalHistogram();
            interval.setTag(m);
            if (interval.getTotalCount() > 0) {
                log.outputIntervalHistogram(interval);
            }
            totals.get(m).add(interval);
        }
    }

    /** Stops sending, takes the last interval and closes the connections. Safe to call twice. */
    public synchronized SmokeSummary stop() {
        if (!stopped) {
            stopped = true;
            scheduler.shutdownNow();
            sample();
            for (SmokeUser u : users) {
                try {
                    u.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        Map<String, Long> errorCounts = new java.util.TreeMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        return new SmokeSummary(Map.copyOf(totals), sent.sum(), expectedDeliveries.sum(), delivered.sum(), late.get(), errorCounts);
    }
}
