package io.rcbench.health;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures one event loop's lag: a task scheduled {@code periodNanos} ahead records how late it runs, then
 * schedules itself again. A loop blocked for good never runs the probe, so {@link #drainMaxMicros} also counts
 * a probe still waiting past its time. Stops when the executor refuses tasks or on {@link #stop}.
 */
final class LagProbe implements Runnable {
    private final ScheduledExecutorService loop;
    private final long periodNanos;
    private final AtomicLong maxMicros = new AtomicLong();
    private volatile long dueNanos;
    private volatile boolean waiting;
    private volatile boolean stopped;

    LagProbe(ScheduledExecutorService loop, long periodNanos) {
        this.loop = loop;
        this.periodNanos = periodNanos;
    }

    void start() {
        schedule();
    }

    private void schedule() {
        if (stopped) {
            return;
        }
        dueNanos = System.nanoTime() + periodNanos;
        waiting = true;
        try {
            loop.schedule(this, periodNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            waiting = false;
            stopped = true;
        }
    }

    @Override
    public void run() {
        waiting = false;
        record(System.nanoTime() - dueNanos);
        schedule();
    }

    private void record(long lateNanos) {
        maxMicros.accumulateAndGet(Math.max(0, lateNanos / 1000), Math::max);
    }

    /** The largest lag since the last call, including a probe overdue right now. */
    long drainMaxMicros() {
        if (waiting && !stopped) {
            record(System.nanoTime() - dueNanos);
        }
        return maxMicros.getAndSet(0);
    }

    void stop() {
        stopped = true;
    }
}
