package io.rcbench.health;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the injector's own health during a run: process CPU (from
 * {@link com.sun.management.OperatingSystemMXBean#getProcessCpuTime()}), stop-the-world GC pauses (GC
 * notifications) and the lag of watched event loops (a probe task every 100 ms). Each sampling interval becomes
 * one {@link InjectorHealth.Interval}, kept in the timeline. Either it samples itself ({@link #InjectorMonitor(Duration)},
 * one daemon thread) or a run's sampler pulls an interval with {@link #take()} each tick ({@link #pulled()}, no
 * thread). Costs one probe task per watched loop per 100 ms and one GC listener; thread-safe.
 */
public final class InjectorMonitor implements AutoCloseable {
    /** How often a probe runs on each watched loop. */
    public static final Duration PROBE_PERIOD = Duration.ofMillis(100);

    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final List<LagProbe> probes = new CopyOnWriteArrayList<>();
    private final List<InjectorHealth.Interval> intervals = new ArrayList<>();
    private final GcPauseListener gc = new GcPauseListener();
    private final ScheduledExecutorService sampler; // null when pulled
    private long lastCpuNanos;
    private long lastWallNanos;
    private long lastEpochMs;
    private boolean closed;

    /** Starts sampling itself every {@code interval} (1 s for runs; shorter in tests). */
    public InjectorMonitor(Duration interval) {
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException("sampling interval must be at least 10 ms, got " + interval);
        }
        lastCpuNanos = os.getProcessCpuTime();
        lastWallNanos = System.nanoTime();
        lastEpochMs = System.currentTimeMillis();
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "injector-monitor");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::take, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private InjectorMonitor() {
        lastCpuNanos = os.getProcessCpuTime();
        lastWallNanos = System.nanoTime();
        lastEpochMs = System.currentTimeMillis();
        sampler = null;
    }

    /** A monitor without its own thread: the caller's sampler calls {@link #take()} once per interval. */
    public static InjectorMonitor pulled() {
        return new InjectorMonitor();
    }

    /**
     * Watches an event loop (a Netty {@code EventLoop} is a {@link ScheduledExecutorService}; pass each loop of a
     * group). Probing stops when the loop shuts down.
     */
    public InjectorMonitor watch(ScheduledExecutorService loop) {
        LagProbe p = new LagProbe(loop, PROBE_PERIOD.toNanos());
        probes.add(p);
        p.start();
        return this;
    }

    /**
     * Ends the current interval now, adds it to the timeline and returns it (after {@link #close()}: the last
     * interval again, nothing new is sampled).
     */
    public synchronized InjectorHealth.Interval take() {
        if (closed) {
            return intervals.isEmpty() ? new InjectorHealth.Interval(lastEpochMs, lastEpochMs, 0, 0, 0, 0, 0)
                : intervals.get(intervals.size() - 1);
        }
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        long now = System.currentTimeMillis();
        double cpuPercent = cpu < 0 || wall == lastWallNanos ? 0
            : Math.min(100.0, 100.0 * (cpu - lastCpuNanos) / ((double) (wall - lastWallNanos) * cores));
        long[] pauses = gc.drain();
        long lag = 0;
        for (LagProbe p : probes) {
            lag = Math.max(lag, p.drainMaxMicros());
        }
        var interval = new InjectorHealth.Interval(lastEpochMs, now, cpuPercent, (int) pauses[0], pauses[1], pauses[2], lag);
        intervals.add(interval);
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        lastEpochMs = now;
        return interval;
    }

    /** The intervals sampled so far. */
    public synchronized InjectorHealth snapshot() {
        return new InjectorHealth(cores, intervals);
    }

    /** Samples the last partial interval and stops; the snapshot stays readable. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        take();
        closed = true;
        if (sampler != null) {
            sampler.shutdownNow();
        }
        probes.forEach(LagProbe::stop);
        gc.close();
    }
}
