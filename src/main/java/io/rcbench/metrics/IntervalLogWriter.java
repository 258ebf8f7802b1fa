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
    private final OutputStream stream;
    private final long startEpochMs;
    private final ScheduledExecutorService sampler;
    private long lastEpochMs;
    private boolean closed;

    /** Opens {@code file} and samples every {@code intervalMs}; {@code startEpochMs} is the run's common start. */
    public IntervalLogWriter(LatencyRecorder recorder, Path file, long startEpochMs, long intervalMs) throws IOException {
        this.recorder = recorder;
        this.stream = Files.newOutputStream(file);
        this.log = new HistogramLogWriter(new PrintStream(stream, false, java.nio.charset.StandardCharsets.US_ASCII));
        this.startEpochMs = startEpochMs;
        this.lastEpochMs = startEpochMs;
        log.outputComment("rcbench latency log, values in microseconds");
        log.outputLogFormatVersion();
        log.outputStartTime(startEpochMs);
        log.setBaseTime(startEpochMs);
        log.outputLegend();
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hlog-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /** Takes and writes one interval now. */
    public synchronized void sample() {
        if (closed) {
            return;
        }
        long now = System.currentTimeMillis();
        Map<String, Histogram> intervals = recorder.takeIntervals();
        for (Histogram h : intervals.values()) {
            h.setStartTimeStamp(lastEpochMs);
            h.setEndTimeStamp(now);
            log.outputIntervalHistogram(h);
        }
        lastEpochMs = now;
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
        sampler.shutdownNow();
        sample();
        closed = true;
        stream.close();
    }
}
