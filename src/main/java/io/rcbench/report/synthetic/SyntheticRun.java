package io.rcbench.report.synthetic;

import io.rcbench.metrics.LatencyRecorder;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import io.rcbench.run.ServerSample;
import io.rcbench.run.TimelinePoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a complete run folder for a made-up run: users ramp up over the first 20% of the run, hold until 90%
 * and ramp down; latency grows with load; a few timeouts and rate-limit errors appear at the top. Latencies go
 * through a {@link LatencyRecorder} (corrected and {@code .raw} twins, delivery) and into an interval log laid
 * out exactly as {@link io.rcbench.metrics.IntervalLogWriter} writes it, but on a simulated clock, so an hour
 * takes seconds to write. The same options and seed always give the same files. {@code login} is always
 * 250 ms corrected and 200 ms raw, a known value for tests.
 */
public final class SyntheticRun {
    /** The simulated run's start: 2026-12-01 06:00:00 UTC. */
    public static final long START_EPOCH_MS = 1_796_104_800_000L;

    /**
     * @param runId       folder name written into the summary
     * @param seed        random seed
     * @param durationSec run length
     * @param intervalSec sampling interval
     * @param users       active users at the hold
     * @param startEpochMs the simulated start
     */
    public record Options(String runId, long seed, int durationSec, int intervalSec, int users, long startEpochMs) {
        public Options {
            if (durationSec < 10 * intervalSec || intervalSec < 1 || users < 1) {
                throw new IllegalArgumentException("need at least 10 intervals and one user");
            }
        }

        /** A run starting at {@link #START_EPOCH_MS}. */
        public Options(String runId, long seed, int durationSec, int intervalSec, int users) {
            this(runId, seed, durationSec, intervalSec, users, START_EPOCH_MS);
        }
    }

    /** An action: calls per user per second and its base service time in ms at no load. */
    private record Action(String name, double perUserPerSec, double baseMs) {
    }

    private static final List<Action> ACTIONS = List.of(new Action("sendMessage", 1 / 30.0, 18),
        new Action("typing", 1 / 20.0, 4), new Action("read", 1 / 30.0, 9), new Action("loadHistory", 1 / 120.0, 35),
        new Action("subscribeRoom", 1 / 900.0, 30), new Action("upload.small", 1 / 900.0, 60),
        new Action("upload.medium", 1 / 1800.0, 180), new Action("upload.large", 1 / 3600.0, 900),
        new Action("download", 1 / 600.0, 40), new Action("webhook", 1 / 600.0, 25), new Action("botReply", 1 / 600.0, 70));
    private static final int ROOM_FANOUT = 4;

    private SyntheticRun() {
    }

    /** Writes the run folder {@code dir} (created if missing); returns its summary. */
    public static RunSummary write(Path dir, Options o) throws IOException {
        Files.createDirectories(dir);
        RunFolder folder = new RunFolder(dir);
        Generator run = new Generator(o);
        int intervals = o.durationSec() / o.intervalSec();
        try (OutputStream out = Files.newOutputStream(folder.latencyLog(-1));
             RunFolder.JsonLinesWriter timeline = folder.appendLines(RunFolder.TIMELINE);
             RunFolder.JsonLinesWriter server = folder.appendLines(RunFolder.SERVER_METRICS)) {
            HistogramLogWriter log = new HistogramLogWriter(new PrintStream(out, false, StandardCharsets.US_ASCII));
            log.outputComment("rcbench latency log, values in microseconds");
            log.outputLogFormatVersion();
            log.outputStartTime(o.startEpochMs());
            log.setBaseTime(o.startEpochMs());
            log.outputLegend();
            for (int i = 0; i < intervals; i++) {
                run.interval(i, log, timeline, server);
            }
            out.flush();
        }
        RunSummary summary = run.summary(intervals);
        folder.writeSummary(summary);
        return summary;
    }

    /**
     * The made-up run as it goes, one interval at a time, with the totals the summary needs. Each step draws from
     * the one random source in a fixed order, so a seed always gives the same files.
     */
    private static final class Generator {
        private final Options o;
        private final SplittableRandom random;
        private final LatencyRecorder recorder = new LatencyRecorder();
        private final long durationMs;
        private final long rampEnd;
        private final long holdEnd;
        private final Map<String, RunSummary.ActionCounts> counts = new TreeMap<>();
        private final Map<String, Long> errors = new TreeMap<>();
        private final Map<String, Double> counters = new TreeMap<>();
        private long delivered;
        private long lost;
        private double cpuSeconds;
        private double cpuMax;
        private double cpuSum;
        private long gcMax;
        private long gcTotal;
        private long lagMax;
        private int previousUsers;

        Generator(Options o) {
            this.o = o;
            this.random = new SplittableRandom(o.seed());
            this.durationMs = o.durationSec() * 1000L;
            this.rampEnd = durationMs / 5;
            this.holdEnd = durationMs * 9 / 10;
        }

        /** Interval {@code i}: the users' actions, failures and deliveries, then the latency log, timeline, server. */
        void interval(int i, HistogramLogWriter log, RunFolder.JsonLinesWriter timeline,
                      RunFolder.JsonLinesWriter server) throws IOException {
            long from = (long) i * o.intervalSec() * 1000;
            long to = from + o.intervalSec() * 1000L;
            int users = activeUsers(to, rampEnd, holdEnd, durationMs, o.users());
            double load = (double) users / o.users();
            double slow = 1 + 2.5 * load * load * load;
            Map<String, Long> done = new LinkedHashMap<>();
            long sends = act(users, slow, done);
            Map<String, Long> failed = fail(i, load);
            deliver(sends, failed.containsKey("timeout"), slow);
            for (Histogram h : recorder.takeIntervals().values()) {
                h.setStartTimeStamp(o.startEpochMs() + from);
                h.setEndTimeStamp(o.startEpochMs() + to);
                log.outputIntervalHistogram(h);
            }
            timeline.write(health(to, users, load, done, failed));
            cpuSeconds += o.intervalSec() * (0.05 + 0.85 * load);
            server.write(serverSample(to, users, load, sends, done));
        }

        /** New users connect, log in and subscribe; everyone acts at the mix's rates. Returns the messages sent. */
        private long act(int users, double slow, Map<String, Long> done) {
            int joined = Math.max(0, users - previousUsers);
            previousUsers = users;
            record(recorder, random, "connect", joined, 6 * slow, counts, done);
            for (int j = 0; j < joined; j++) {
                recorder.record("login", 250_000);
                recorder.record("login.raw", 200_000);
            }
            counts.merge("login", new RunSummary.ActionCounts(joined, joined, 0, 0, 0), RunSummary.ActionCounts::plus);
            done.merge("login", (long) joined, Long::sum);
            record(recorder, random, "subscribe", joined * 3, 12 * slow, counts, done);
            long sends = 0;
            for (Action a : ACTIONS) {
                long n = poisson(random, a.perUserPerSec() * users * o.intervalSec());
                record(recorder, random, a.name(), n, a.baseMs() * slow, counts, done);
                if (a.name().equals("sendMessage")) {
                    sends = n;
                }
            }
            return sends;
        }

        /** A few timeouts and rate-limit refusals of sends near the top of the load, by kind. */
        private Map<String, Long> fail(int i, double load) {
            Map<String, Long> failed = new TreeMap<>();
            long timeouts = load > 0.95 && i % 7 == 3 ? random.nextInt(1, 4) : 0;
            long limited = load > 0.9 && i % 11 == 5 ? random.nextInt(1, 6) : 0;
            if (timeouts > 0) {
                failed.put("timeout", timeouts);
            }
            if (limited > 0) {
                failed.put("rate-limited", limited);
            }
            failed.forEach((k, v) -> errors.merge(k, v, Long::sum));
            if (timeouts + limited > 0) {
                counts.merge("sendMessage", new RunSummary.ActionCounts(timeouts + limited, 0, timeouts + limited, 0, 0),
                    RunSummary.ActionCounts::plus);
            }
            return failed;
        }

        /** Each message reaches {@link #ROOM_FANOUT} members; one is lost in an interval with timeouts. */
        private void deliver(long sends, boolean timedOut, double slow) {
            long expected = sends * ROOM_FANOUT;
            long missing = timedOut ? 1 : 0;
            for (long d = 0; d < expected - missing; d++) {
                recorder.record("delivery", micros(random, 24 * slow));
            }
            delivered += expected - missing;
            lost += missing;
        }

        /** The interval's timeline point with the injector's health, which grows with the load. */
        private TimelinePoint health(long to, int users, double load, Map<String, Long> done, Map<String, Long> failed) {
            double cpu = Math.min(100, 6 + 38 * load + random.nextDouble() * 4);
            long gc = 2 + random.nextInt(0, 6 + (int) (10 * load));
            long lag = random.nextInt(0, 3 + (int) (6 * load));
            cpuMax = Math.max(cpuMax, cpu);
            cpuSum += cpu;
            gcMax = Math.max(gcMax, gc);
            gcTotal += gc;
            lagMax = Math.max(lagMax, lag);
            return new TimelinePoint(to, users, users + users / 10, done, failed, cpu, gc, lag); // a tenth sit idle
        }

        /** The target's Prometheus series at the interval's end: counters so far, sessions, CPU, memory. */
        private ServerSample serverSample(long to, int users, double load, long sends, Map<String, Long> done) {
            counters.merge("rocketchat_message_sent_total", (double) sends, Double::sum);
            for (Map.Entry<String, Long> e : done.entrySet()) {
                counters.merge("rocketchat_meteor_methods_count{method=\"" + e.getKey() + "\"}", (double) e.getValue(),
                    Double::sum);
            }
            Map<String, Double> values = new TreeMap<>(counters);
            values.put("rocketchat_ddp_sessions_count", (double) users);
            values.put("rocketchat_ddp_sessions_auth", (double) users);
            values.put("process_cpu_seconds_total", cpuSeconds);
            values.put("process_resident_memory_bytes", (420 + 900 * load + random.nextDouble() * 20) * 1024 * 1024);
            return new ServerSample(to, values);
        }

        RunSummary summary(int intervals) {
            return new RunSummary(o.runId(), "0.1.0-synthetic", "minimal-vps", o.startEpochMs(),
                o.startEpochMs() + durationMs,
                new RunSummary.TargetInfo("embedded", "rcbench-workspace", "8.8.0", "http://127.0.0.1:3000", 1, 1024, 1),
                new RunSummary.Phases(0, rampEnd, holdEnd, o.users(), o.users(), o.users()), counts, errors,
                new RunSummary.Deliveries(delivered + lost, delivered, lost),
                new RunSummary.InjectorSummary(cpuMax, cpuSum / intervals, gcMax, gcTotal, lagMax, 2, 2048), 1, false,
                "gatling/rcbenchsimulation/index.html");
        }
    }

    private static int activeUsers(long t, long rampEnd, long holdEnd, long end, int users) {
        if (t <= rampEnd) {
            return (int) Math.round((double) users * t / rampEnd);
        }
        if (t <= holdEnd) {
            return users;
        }
        return (int) Math.round((double) users * (end - t) / (end - holdEnd));
    }

    private static void record(LatencyRecorder recorder, SplittableRandom random, String name, long n, double medianMs,
                               Map<String, RunSummary.ActionCounts> counts, Map<String, Long> done) {
        long lateCount = 0;
        for (long k = 0; k < n; k++) {
            long raw = micros(random, medianMs);
            // one call in fifty starts late (the injector or a previous call held it up): corrected > raw
            long late = random.nextInt(50) == 0 ? (long) (random.nextDouble() * medianMs * 8_000) : 0;
            recorder.record(name, raw + late);
            recorder.record(name + LatencyRecorder.RAW, raw);
            lateCount += late > 0 ? 1 : 0;
        }
        counts.merge(name, new RunSummary.ActionCounts(n, n, 0, lateCount, 0), RunSummary.ActionCounts::plus);
        done.merge(name, n, Long::sum);
    }

    /** A log-normal sample around {@code medianMs}, in µs. */
    private static long micros(SplittableRandom random, double medianMs) {
        double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        return Math.max(50, (long) (medianMs * 1000 * Math.exp(0.45 * g)));
    }

    private static long poisson(SplittableRandom random, double mean) {
        if (mean > 30) {
            double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * g));
        }
        double l = Math.exp(-mean);
        long k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
