package io.rcbench.workspace.fault;

import java.util.SplittableRandom;

/**
 * The injected delays of a running workspace. Stall windows are aligned to the workspace's start.
 * Thread-safe.
 */
public final class Faults {
    private final FaultConfig config;
    private final long startMs;
    private final ThreadLocal<SplittableRandom> random;
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicLong> queueFreeAt =
        new java.util.concurrent.ConcurrentHashMap<>();

    public Faults(FaultConfig config, long startMs, long seed) {
        this.config = config;
        this.startMs = startMs;
        SplittableRandom root = new SplittableRandom(seed);
        this.random = ThreadLocal.withInitial(() -> {
            synchronized (root) {
                return root.split();
            }
        });
    }

    public FaultConfig config() {
        return config;
    }

    /** Microseconds to hold a DDP method before running it: the stall remainder plus a sampled latency. */
    public long methodDelayMicros(String method, long nowMs) {
        long stall = stallRemainingMs(nowMs) * 1000;
        LatencyDistribution d = config.methodLatency().get(method);
        if (d == null) {
            d = config.methodLatency().get("*");
        }
        return stall + (d == null ? 0 : d.sampleMicros(random.get())) + queueMicros(method);
    }

    /**
     * With a service-time fault: when this call's turn in the method's single FIFO queue ends, from now, in µs
     * (waiting for the calls ahead plus its own service time); 0 without one.
     */
    private long queueMicros(String method) {
        Long service = config.serviceMicros().get(method);
        if (service == null) {
            return 0;
        }
        long serviceNanos = service * 1000;
        long now = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong freeAt = queueFreeAt.computeIfAbsent(method,
            k -> new java.util.concurrent.atomic.AtomicLong(now));
        long done = freeAt.accumulateAndGet(now, (free, t) -> Math.max(free, t) + serviceNanos);
        return (done - now) / 1000;
    }

    /** Ms until the current stall ends; 0 outside a stall. */
    public long stallRemainingMs(long nowMs) {
        if (config.stallMs() <= 0) {
            return 0;
        }
        long phase = Math.floorMod(nowMs - startMs, config.stallEveryMs());
        return phase < config.stallMs() ? config.stallMs() - phase : 0;
    }
}
