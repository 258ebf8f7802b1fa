package io.rcbench.job;

import io.rcbench.health.InjectorHealth;
import io.rcbench.health.InjectorMonitor;
import io.rcbench.run.HealthProbe;

/** The injector monitor as the run sampler's health probe: one {@link InjectorMonitor#take()} per tick. */
public final class MonitorProbe implements HealthProbe, AutoCloseable {
    private final InjectorMonitor monitor = InjectorMonitor.pulled();

    /** Watches an event loop (Gatling's, the DDP client's) for lag. */
    public void watch(java.util.concurrent.ScheduledExecutorService loop) {
        monitor.watch(loop);
    }

    @Override
    public Sample take() {
        InjectorHealth.Interval i = monitor.take();
        return new Sample(i.cpuPercent(), i.gcPauseMaxMs(), i.gcPauseTotalMs(), i.eventLoopLagMaxMicros() / 1000);
    }

    @Override
    public void close() {
        monitor.close();
    }
}
