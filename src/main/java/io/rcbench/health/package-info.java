/**
 * Injector health: whether the load generator itself kept up. {@link io.rcbench.health.InjectorMonitor} samples
 * the injector JVM's CPU, GC pauses and event-loop lag during a run into immutable
 * {@link io.rcbench.health.InjectorHealth} snapshots; the verdict reads them to tell a slow target from a
 * saturated injector. No dependency on Netty or Gatling: event loops are watched as
 * {@link java.util.concurrent.ScheduledExecutorService}s.
 */
package io.rcbench.health;
