package io.rcbench.run;

import io.rcbench.metrics.IntervalLogWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The one sampler of a run: every interval it appends the latency histograms to {@code latency.hlog}, a
 * {@link TimelinePoint} to {@code timeline.jsonl}, expires deliveries that never arrived, and every few intervals
 * prints a progress line. {@link #close()} writes the last partial interval, so a stopped run keeps what it
 * measured. Its own daemon thread does all the work.
 */
public final class RunSampler implements AutoCloseable {
    private final RunMetrics metrics;
    private final IntervalLogWriter hlog;
    private final RunFolder.JsonLinesWriter timeline;
    private final HealthProbe health;
    private final PrintStream console;
    private final long startNanos;
    private final long plannedMs;
    private final String headline;
    private final ScheduledExecutorService thread;
    private final HealthSummary healthSummary = new HealthSummary();
    private long ticks;
    private final long startEpochMs;
    private final long intervalMs;
    private long lastTMs;
    private volatile java.util.function.BiConsumer<Long, Map<String, Histogram>> onInterval = (t, h) -> { };
    private boolean closed;

    /**
     * @param plannedMs how long the run is planned to last (ramp + hold + drain), for the "remaining" figure
     * @param headline  the action whose p99 the progress line shows, e.g. {@code sendMessage}
     */
    public RunSampler(RunMetrics metrics, RunFolder folder, int shard, long startEpochMs, long startNanos,
                      long plannedMs, HealthProbe health, PrintStream console, String headline,
                      long intervalMs) throws IOException {
        this.metrics = metrics;
        java.nio.file.Files.createDirectories(folder.dir());
        this.hlog = new IntervalLogWriter(metrics.latency(), folder.latencyLog(shard), startEpochMs, 0);
        this.timeline = folder.appendLines(RunFolder.TIMELINE);
        this.health = health;
        this.console = console;
        this.startNanos = startNanos;
        this.plannedMs = plannedMs;
        this.headline = headline;
        this.startEpochMs = startEpochMs;
        this.intervalMs = intervalMs;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-sampler");
            t.setDaemon(true);
            return t;
        });
        // a common start in the future (sharded injectors): the first interval begins at it
        long untilStartMs = Math.max(0, (startNanos - System.nanoTime()) / 1_000_000);
        thread.scheduleAtFixedRate(this::tick, untilStartMs + intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    private synchronized void tick() {
        tick(false);
    }

    /**
     * One interval. A scheduled tick is stamped with its nominal end {@code k * intervalMs} (it may run a little
     * late), the last one with the time it ran: the latency log, the timeline and {@link HoldWindow} then all
     * speak of the same intervals.
     */
    private void tick(boolean last) {
        if (closed) {
            return;
        }
        try {
            long tMs = last ? Math.max(lastTMs, (System.nanoTime() - startNanos) / 1_000_000) : lastTMs + intervalMs;
            lastTMs = tMs;
            metrics.deliveries().expire(System.nanoTime());
            Map<String, Histogram> latencies = hlog.sample(startEpochMs + tMs);
            onInterval.accept(tMs, latencies);
            metrics.foldClientFailures();
            ActionCounters.Interval counts = metrics.counters().takeInterval();
            HealthProbe.Sample h = health.take();
            healthSummary.add(h);
            timeline.write(new TimelinePoint(tMs, metrics.activeUsers().takePeak(), metrics.connectedUsers().get(),
                counts.completed(), counts.errors(), h.cpuPercent(), h.gcPauseMs(), h.loopLagMs()));
            if (console != null && ++ticks % 5 == 0) {
                console.println(progressLine(tMs, counts, latencies));
            }
        } catch (IOException | RuntimeException e) {
            // the sampler must outlive a bad interval: a lost timeline line is better than a lost run
            if (console != null) {
                console.println("sampler: " + e);
            }
        }
    }

    private String progressLine(long tMs, ActionCounters.Interval counts, Map<String, Histogram> latencies) {
        long actions = counts.completed().values().stream().mapToLong(Long::longValue).sum();
        Histogram all = hlog.total(headline);
        long errors = metrics.counters().errors().values().stream().mapToLong(Long::longValue).sum();
        return String.format("%5ds elapsed, %5ds left | users %d active / %d connected | %.0f actions/s | "
                + "%s p99 %s so far | errors %d", tMs / 1000, Math.max(0, plannedMs - tMs) / 1000,
            metrics.activeUsers().get(), metrics.connectedUsers().get(), actions * 1000.0 / Math.max(1, intervalOf(latencies)),
            headline, all.getTotalCount() == 0 ? "-" : String.format("%.1f ms", all.getValueAtPercentile(99) / 1000.0),
            errors);
    }

    private static long intervalOf(Map<String, Histogram> latencies) {
        return latencies.values().stream().findFirst()
            .map(h -> h.getEndTimeStamp() - h.getStartTimeStamp()).orElse(1000L);
    }

    /** Called on the sampler thread with each interval's time (ms since the start) and latency histograms. */
    public void onInterval(java.util.function.BiConsumer<Long, Map<String, Histogram>> listener) {
        this.onInterval = listener;
    }

    /** Whole-run injector health so far. */
    public synchronized HealthSummary health() {
        return healthSummary;
    }

    /** Stops sampling after writing the last interval; idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        tick(true);
        closed = true;
        thread.shutdownNow();
        hlog.close();
        timeline.close();
    }

    /** Running maxima and mean of the injector's health samples. */
    public static final class HealthSummary {
        private double cpuMax;
        private double cpuSum;
        private long samples;
        private long gcMax;
        private long gcTotal;
        private long lagMax;

        void add(HealthProbe.Sample s) {
            cpuMax = Math.max(cpuMax, s.cpuPercent());
            cpuSum += s.cpuPercent();
            samples++;
            gcMax = Math.max(gcMax, s.gcPauseMs());
            gcTotal += s.gcTotalMs();
            lagMax = Math.max(lagMax, s.loopLagMs());
        }

        public RunSummary.InjectorSummary toSummary(ClockOffset clock) {
            return new RunSummary.InjectorSummary(cpuMax, samples == 0 ? 0 : cpuSum / samples, gcMax, gcTotal, lagMax,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, clock.offsetMs(),
                clock.uncertaintyMs());
        }
    }
}
