package io.rcbench.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The one sampler of a run: every interval it takes the recorder's interval histograms and appends them, tagged
 * by metric, to an HdrHistogram interval log ({@code .hlog}). Timestamps are relative to the run's start,
 * written in the log header, so logs of several injectors with a common start line up. {@link #close()} writes
 * the last partial interval. Thread-safe.
 */
public final class IntervalLogWriter implements AutoCloseable {
    private final LatencyRecorder recorder;
    private final HistogramLogWriter log;
    private final PrintStream out;
    private final OutputStream stream;
    private final long startEpochMs;
    private final ScheduledExecutorService sampler;
    private final Map<String, Histogram> totals = new java.util.TreeMap<>();
    private long lastEpochMs;
    private boolean closed;

    /**
     * Opens {@code file} and samples every {@code intervalMs} on its own thread, or only when {@link #sample()} is
     * called if {@code intervalMs <= 0}; {@code startEpochMs} is the run's common start.
     */
    public IntervalLogWriter(LatencyRecorder recorder, Path file, long startEpochMs, long intervalMs) throws IOException {
        this.recorder = recorder;
        this.stream = Files.newOutputStream(file);
        this.out = new PrintStream(stream, false, java.nio.charset.StandardCharsets.US_ASCII);
        this.log = new HistogramLogWriter(out);
        this.startEpochMs = startEpochMs;
        this.lastEpochMs = startEpochMs;
        log.outputComment("rcbench latency log, values in microseconds");
        log.outputLogFormatVersion();
        log.outputStartTime(startEpochMs);
        log.setBaseTime(startEpochMs);
        log.outputLegend();
        if (intervalMs > 0) {
            sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hlog-sampler");
                t.setDaemon(true);
                return t;
            });
            sampler.scheduleAtFixedRate(this::sample, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        } else {
            sampler = null;
        }
    }

    /** Takes and writes one interval now; returns its histograms by metric (the caller may read, not modify). */
    public synchronized Map<String, Histogram> sample() {
        return sample(System.currentTimeMillis());
    }

    /**
     * Takes one interval and writes it as ending at {@code endEpochMs} (a sampler's nominal boundary, so that every
     * record of the run shares the same intervals); returns its histograms by metric.
     */
    public synchronized Map<String, Histogram> sample(long endEpochMs) {
        if (closed) {
            return Map.of();
        }
        long now = Math.max(lastEpochMs, endEpochMs);
        Map<String, Histogram> intervals = recorder.takeIntervals();
        for (Histogram h : intervals.values()) {
            h.setStartTimeStamp(lastEpochMs);
            h.setEndTimeStamp(now);
            log.outputIntervalHistogram(h);
            totals.computeIfAbsent(h.getTag(), k -> new Histogram(3)).add(h);
        }
        lastEpochMs = now;
        out.flush(); // a killed run keeps every interval written so far
        return intervals;
    }

    /** A copy of everything written so far for {@code metric} (empty when nothing was), for progress lines. */
    public synchronized Histogram total(String metric) {
        Histogram t = totals.get(metric);
        return t == null ? new Histogram(3) : t.copy();
    }

    public long startEpochMs() {
        return startEpochMs;
    }

    /** Writes the last interval and closes the file. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        if (sampler != null) {
            sampler.shutdownNow();
        }
        sample();
        closed = true;
        stream.close();
    }
}
