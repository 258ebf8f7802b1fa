package io.rcbench.live;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import io.rcbench.run.HealthProbe;
import io.rcbench.run.LiveFeed;
import io.rcbench.run.LoadRun;
import io.rcbench.run.RunMetrics;
import java.io.IOException;

/**
 * The injector's {@code GET /metrics}: the runs of this JVM as Prometheus sees them while they run. Counts are read
 * from the run's own counters at scrape time (so a scrape after the run equals {@code summary.json}), latencies come
 * from the latency recorder's tap, health from the sampler's probe. Every {@code rcbench_*} series carries the
 * {@code profile} and {@code shard} labels; the JVM's own {@code jvm_*} and {@code process_*} series come from the
 * Prometheus client's JVM instrumentation. {@link #start} serves and installs it as the {@link LiveFeed};
 * {@link #close()} uninstalls and stops serving. Thread-safe.
 */
public final class LiveExporter implements LiveFeed, AutoCloseable {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final RunTotals totals = new RunTotals();
    private final LatencyHistograms latency;
    private final Gauge cpu;
    private final Gauge gcPauseMax;
    private final Counter gcPauses;
    private final Gauge loopLag;
    private volatile LoadRun context;
    private volatile long nextLookupNanos;
    private HTTPServer server;

    private LiveExporter(String profile, String shard) {
        Labels run = Labels.of("profile", profile == null ? "adhoc" : profile, "shard", shard);
        latency = new LatencyHistograms(registry, run, this::phase);
        GaugeWithCallback.builder().name("rcbench_run_phase").constLabels(run).labelNames("phase")
            .help("1 for the phase the current run is in (starting, ramp, warmup, hold, drain, done), 0 for the others")
            .callback(cb -> {
                RunPhase now = phase();
                for (RunPhase p : RunPhase.values()) {
                    cb.call(p == now ? 1 : 0, p.label());
                }
            }).register(registry);
        GaugeWithCallback.builder().name("rcbench_users").constLabels(run).labelNames("state")
            .help("simulated users now: connected (active and idle) and active (acting)")
            .callback(cb -> {
                RunMetrics m = totals.current();
                cb.call(m == null ? 0 : m.connectedUsers().get(), "connected");
                cb.call(m == null ? 0 : m.activeUsers().get(), "active");
            }).register(registry);
        CounterWithCallback.builder().name("rcbench_actions").constLabels(run).labelNames("action", "outcome")
            .help("actions completed, by outcome ok or failed (summary.json's ok and failed)")
            .callback(cb -> totals.actions().forEach((action, c) -> {
                cb.call(c.ok(), action, "ok");
                cb.call(c.failed(), action, "failed");
            })).register(registry);
        CounterWithCallback.builder().name("rcbench_actions_started").constLabels(run).labelNames("action")
            .help("actions started (summary.json's attempted)")
            .callback(cb -> totals.actions().forEach((action, c) -> cb.call(c.attempted(), action))).register(registry);
        CounterWithCallback.builder().name("rcbench_actions_late").constLabels(run).labelNames("action")
            .help("actions started later than their intended time by more than the lateness budget")
            .callback(cb -> totals.actions().forEach((action, c) -> cb.call(c.late(), action))).register(registry);
        CounterWithCallback.builder().name("rcbench_actions_missed").constLabels(run).labelNames("action")
            .help("scheduled actions that never started (the run ended or the user stopped first)")
            .callback(cb -> totals.actions().forEach((action, c) -> cb.call(c.missed(), action))).register(registry);
        CounterWithCallback.builder().name("rcbench_errors").constLabels(run).labelNames("reason")
            .help("failures by reason (summary.json's errors)")
            .callback(cb -> totals.errors().forEach((reason, n) -> cb.call(n, reason))).register(registry);
        GaugeWithCallback.builder().name("rcbench_deliveries_expected").constLabels(run)
            .help("message receipts expected from other users so far (a gauge: it falls when a listener leaves "
                + "before a message reached it)")
            .callback(cb -> cb.call(totals.deliveries().expected())).register(registry);
        CounterWithCallback.builder().name("rcbench_deliveries_received").constLabels(run)
            .help("expected message receipts that arrived")
            .callback(cb -> cb.call(totals.deliveries().received())).register(registry);
        CounterWithCallback.builder().name("rcbench_deliveries_lost").constLabels(run)
            .help("expected message receipts that never arrived within the delivery timeout")
            .callback(cb -> cb.call(totals.deliveries().lost())).register(registry);
        cpu = Gauge.builder().name("rcbench_injector_cpu_ratio").constLabels(run)
            .help("the injector process's CPU over the last sampling interval, share of all cores (1 = all busy)")
            .register(registry);
        gcPauseMax = Gauge.builder().name("rcbench_injector_gc_pause_max_seconds").constLabels(run)
            .help("the longest stop-the-world GC pause of the last sampling interval").register(registry);
        gcPauses = Counter.builder().name("rcbench_injector_gc_pause_seconds").constLabels(run)
            .help("stop-the-world GC pause time").register(registry);
        loopLag = Gauge.builder().name("rcbench_injector_event_loop_lag_seconds").constLabels(run)
            .help("the largest event-loop lag of the last sampling interval (a saturated injector lags)")
            .register(registry);
        JvmMetrics.builder().register(registry);
    }

    /**
     * Serves {@code /metrics} on {@code host}:{@code port} (0: a free port) and installs the exporter as this JVM's
     * {@link LiveFeed}, so the runs that follow show on it.
     *
     * @param profile the profile's name ({@code null}: an ad-hoc run), the {@code profile} label
     * @param shard   this injector's shard, e.g. {@code 0/1}, the {@code shard} label
     */
    public static LiveExporter start(String host, int port, String profile, String shard) throws IOException {
        LiveExporter e = new LiveExporter(profile, shard);
        e.server = HTTPServer.builder().hostname(host).port(port).registry(e.registry).buildAndStart();
        LiveFeed.install(e);
        return e;
    }

    /** The port {@code /metrics} is served on. */
    public int port() {
        return server.getPort();
    }

    @Override
    public void attach(RunMetrics metrics) {
        RunMetrics previous = totals.next(metrics);
        if (previous != null) {
            previous.latency().tap(null); // its stragglers are in its own log, not in the next run's view
        }
        context = null;
        nextLookupNanos = 0;
        metrics.latency().tap(latency::recorded);
    }

    @Override
    public HealthProbe health(HealthProbe probe) {
        return () -> {
            HealthProbe.Sample s = probe.take();
            cpu.set(s.cpuPercent() / 100);
            gcPauseMax.set(s.gcPauseMs() / 1000.0);
            gcPauses.inc(s.gcTotalMs() / 1000.0);
            loopLag.set(s.loopLagMs() / 1000.0);
            return s;
        };
    }

    /** The current run's phase, from the run in progress (the one that knows when the run began). */
    private RunPhase phase() {
        LoadRun ctx = context;
        long now = System.nanoTime();
        if (ctx == null && now >= nextLookupNanos) {
            // the context is published when Gatling starts, after the metrics attach: look it up now and then
            nextLookupNanos = now + 50_000_000;
            ctx = lookUp();
        }
        return RunPhase.of(ctx, now);
    }

    private LoadRun lookUp() {
        RunMetrics m = totals.current();
        // null until the load driver has started this run's simulation
        LoadRun c = LoadRun.current().filter(r -> r.metrics() == m).orElse(null);
        if (c != null) {
            context = c;
        }
        return c;
    }

    /** Stops serving and uninstalls (the runs that follow are not shown). */
    @Override
    public void close() {
        LiveFeed.install(NONE);
        RunMetrics m = totals.current();
        if (m != null) {
            m.latency().tap(null);
        }
        if (server != null) {
            server.close();
        }
    }
}
