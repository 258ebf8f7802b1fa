package io.rcbench.workspace.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/**
 * The workspace's metrics under Rocket.Chat's names, plus process CPU/memory and JVM GC. Counters are
 * exposed with the {@code _total} suffix the Prometheus Java client always adds (Rocket.Chat's prom-client
 * omits it); rcbench's scraper accepts both. Durations are seconds, as prom-client's timers.
 * Thread-safe; record from any thread.
 */
public final class WorkspaceMetrics implements AutoCloseable {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Summary methods = quantiles(Summary.builder().name("rocketchat_meteor_methods")
        .help("summary of method calls in seconds").labelNames("method", "has_connection", "has_user"));
    private final Summary subscriptions = quantiles(Summary.builder().name("rocketchat_meteor_subscriptions")
        .help("summary of subscriptions in seconds").labelNames("subscription"));
    private final Summary rest = quantiles(Summary.builder().name("rocketchat_rest_api")
        .help("summary of REST API calls in seconds").labelNames("method", "entrypoint", "status", "version"));
    private final Counter messageSent = Counter.builder().name("rocketchat_message_sent")
        .help("cumulated number of messages sent").register(registry);
    private final Counter rateLimited = Counter.builder().name("rocketchat_ddp_rate_limit_exceeded")
        .help("number of times a DDP rate limiter was exceeded").labelNames("limit_name", "type", "name").register(registry);
    private final Gauge sessions = Gauge.builder().name("rocketchat_ddp_sessions_count")
        .help("number of open DDP sessions").register(registry);
    private final Gauge sessionsAuth = Gauge.builder().name("rocketchat_ddp_sessions_auth")
        .help("number of authenticated DDP sessions").register(registry);
    private final Gauge connectedUsers = Gauge.builder().name("rocketchat_ddp_connected_users")
        .help("number of unique connected users").register(registry);
    private final Counter streamEvents = Counter.builder().name("rcbench_workspace_stream_frames")
        .help("stream event frames sent to listeners").labelNames("stream").register(registry);
    private final Counter slowConsumers = Counter.builder().name("rcbench_workspace_slow_consumer_closes")
        .help("DDP connections closed with 1013 for queuing more than their outbound bound").register(registry);
    private HTTPServer server;

    private final java.util.Map<String, org.HdrHistogram.Recorder> responseTimes =
        new java.util.concurrent.ConcurrentHashMap<>();

    public WorkspaceMetrics(String version) {
        Info info = Info.builder().name("rcbench_workspace")
            .help("what this server is: an rcbench workspace speaking the Rocket.Chat protocol")
            .labelNames("product", "version", "protocol").register(registry);
        info.setLabelValues("rcbench-workspace", version, io.rcbench.workspace.info.WorkspaceInfo.PROTOCOL_LINE);
        JvmMetrics.builder().register(registry);
    }

    private Summary quantiles(Summary.Builder b) {
        return b.quantile(0.01).quantile(0.1).quantile(0.5).quantile(0.9).quantile(0.99).register(registry);
    }

    /** Starts {@code GET /metrics} on its own port; 0 picks a free one. Returns the bound port. */
    public int serve(String host, int port) throws IOException {
        server = HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
        return server.getPort();
    }

    public void method(String name, boolean hasConnection, boolean hasUser, long nanos) {
        methods.labelValues(name, Boolean.toString(hasConnection), Boolean.toString(hasUser)).observe(nanos / 1e9);
    }

    /**
     * A DDP method answered {@code nanos} after its frame arrived (queueing, injected faults and work included):
     * the server's own view of a call's latency, kept per method for in-process accuracy checks.
     */
    public void responded(String method, long nanos) {
        responseTimes.computeIfAbsent(method, m -> new org.HdrHistogram.Recorder(3)).recordValue(Math.max(0, nanos / 1000));
    }

    /** Response times (µs) of {@code method} since the previous call of this method for it. */
    public org.HdrHistogram.Histogram takeResponseTimes(String method) {
        org.HdrHistogram.Recorder r = responseTimes.get(method);
        return r == null ? new org.HdrHistogram.Histogram(3) : r.getIntervalHistogram();
    }

    public void subscription(String name, long nanos) {
        subscriptions.labelValues(name).observe(nanos / 1e9);
    }

    public void rest(String method, String entrypoint, int status, long nanos) {
        rest.labelValues(method, entrypoint, Integer.toString(status), "v1").observe(nanos / 1e9);
    }

    public void messageSent() {
        messageSent.inc();
    }

    public void rateLimited(String limitName, String type, String name) {
        rateLimited.labelValues(limitName, type, name).inc();
    }

    public void streamFrames(String stream, int frames) {
        if (frames > 0) {
            streamEvents.labelValues(stream).inc(frames);
        }
    }

    /** A DDP connection was closed as a slow consumer. */
    public void slowConsumerClosed() {
        slowConsumers.inc();
    }

    /** DDP connections closed as slow consumers since start. */
    public long slowConsumerCloses() {
        return (long) slowConsumers.get();
    }

    /** Connection gauges, set by the session registry on every change. */
    public void sessions(int open, int authenticated, int uniqueUsers) {
        sessions.set(open);
        sessionsAuth.set(authenticated);
        connectedUsers.set(uniqueUsers);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
