package io.rcbench.run;

import io.rcbench.metrics.LatencyRecorder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Everything a run measures while it runs: latencies (corrected and raw), action counts and errors by reason,
 * cross-user deliveries, and how many users are connected and active. The hot path of every virtual user writes
 * here from its event loop; only the {@link RunSampler} reads. Thread-safe.
 */
public final class RunMetrics {
    private final LatencyRecorder latency = new LatencyRecorder();
    private final ActionCounters counters = new ActionCounters();
    private final DeliveryTracker deliveries;
    private final AtomicInteger connected = new AtomicInteger();
    private final UserGauge active = new UserGauge();
    private final long latenessNanos;
    private final ClockOffset clock = new ClockOffset();
    private volatile Supplier<RunSummary.ClientFailures> clientSource = () -> RunSummary.ClientFailures.NONE;
    private RunSummary.ClientFailures folded = RunSummary.ClientFailures.NONE;

    public RunMetrics(Duration lateness, Duration deliveryTimeout) {
        this.latenessNanos = lateness.toNanos();
        this.deliveries = new DeliveryTracker(deliveryTimeout);
        LiveFeed.installed().attach(this);
    }

    /** An action starts at {@code startNanos}, intended for {@code intendedNanos}; counts it (and its lateness). */
    public void started(String action, long intendedNanos, long startNanos) {
        counters.started(action, startNanos - intendedNanos > latenessNanos);
    }

    /** A successful action: recorded from its intended start and, as {@code <action>.raw}, from its actual start. */
    public void succeeded(String action, long intendedNanos, long startNanos, long endNanos) {
        latency.recordAction(action, intendedNanos, startNanos, endNanos);
        counters.succeeded(action);
    }

    /** A failed action: counted by reason; its latency is not recorded (a fast error would flatter the figures). */
    public void failed(String action, ErrorReason reason) {
        counters.failed(action, reason);
    }

    /**
     * Where the client's own failure counts come from (the DDP client factory's counters, cumulative); called once the
     * factory exists. {@link RunSummary.ClientFailures#unmatchedDeliveries()} is ignored: the tracker's is used.
     */
    public void clientFailureSource(Supplier<RunSummary.ClientFailures> cumulative) {
        this.clientSource = cumulative;
    }

    /** The client's failures so far, whole run. */
    public RunSummary.ClientFailures clientFailures() {
        RunSummary.ClientFailures c = clientSource.get();
        return new RunSummary.ClientFailures(c.listenerErrors(), c.malformedFrames(), c.protocolErrors(),
            c.callTimeouts(), deliveries.unmatched());
    }

    /**
     * Counts the client failures since the previous call as errors by reason (listener errors, malformed frames, DDP
     * error frames), so they reach the timeline, the summary and the error SLO like failed actions. Call timeouts are
     * not added: each one already failed its action. Called by the sampler before it takes an interval.
     */
    public synchronized void foldClientFailures() {
        RunSummary.ClientFailures now = clientSource.get();
        add(ErrorReason.LISTENER_ERROR, now.listenerErrors() - folded.listenerErrors());
        add(ErrorReason.MALFORMED_FRAME, now.malformedFrames() - folded.malformedFrames());
        add(ErrorReason.PROTOCOL_ERROR, now.protocolErrors() - folded.protocolErrors());
        folded = now;
    }

    private void add(ErrorReason reason, long n) {
        counters.error(reason, n);
    }

    /** Records a plain latency (delivery, bot reply) in microseconds. */
    public void record(String metric, long micros) {
        latency.record(metric, micros);
    }

    /** This injector's clock against the target's. */
    public ClockOffset clock() {
        return clock;
    }

    public LatencyRecorder latency() {
        return latency;
    }

    public ActionCounters counters() {
        return counters;
    }

    public DeliveryTracker deliveries() {
        return deliveries;
    }

    /** Users connected now (active and idle); callers add +1 on connect and -1 on disconnect. */
    public AtomicInteger connectedUsers() {
        return connected;
    }

    /** Active users: from their login to the end of the hold, whenever their last action was. */
    public UserGauge activeUsers() {
        return active;
    }
}
