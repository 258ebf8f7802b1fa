package io.rcbench.workspace.fault;

import java.util.Map;

/**
 * What faults to inject; {@link #NONE} by default. {@code methodLatency} maps a DDP method name (or "*" for
 * every method) to a distribution. A stall stops all DDP and REST processing for {@code stallMs} at the start
 * of every {@code stallEveryMs} period. Dropping closes {@code dropFraction} of the open DDP connections,
 * without a close frame, every {@code dropEveryMs}. {@code serviceMicros} makes a method a single server-wide
 * FIFO queue with a fixed service time: a capacity ceiling that depends on offered load only, not on the machine,
 * so a capacity search can be tested repeatably on a shared machine.
 */
public record FaultConfig(Map<String, LatencyDistribution> methodLatency, long stallMs, long stallEveryMs,
                          double dropFraction, long dropEveryMs, Map<String, Long> serviceMicros) {
    public static final FaultConfig NONE = new FaultConfig(Map.of(), 0, 0, 0, 0, Map.of());

    public FaultConfig(Map<String, LatencyDistribution> methodLatency, long stallMs, long stallEveryMs,
                       double dropFraction, long dropEveryMs) {
        this(methodLatency, stallMs, stallEveryMs, dropFraction, dropEveryMs, Map.of());
    }

    public FaultConfig {
        methodLatency = Map.copyOf(methodLatency);
        serviceMicros = Map.copyOf(serviceMicros);
        if (stallMs < 0 || stallEveryMs < 0 || (stallMs > 0 && stallMs >= stallEveryMs)) {
            throw new IllegalArgumentException("a stall must be shorter than its period");
        }
        if (dropFraction < 0 || dropFraction > 1 || (dropFraction > 0 && dropEveryMs <= 0)) {
            throw new IllegalArgumentException("drop fraction must be in [0, 1] with a positive period");
        }
    }

    public FaultConfig withLatency(String method, LatencyDistribution d) {
        var m = new java.util.HashMap<>(methodLatency);
        m.put(method, d);
        return new FaultConfig(m, stallMs, stallEveryMs, dropFraction, dropEveryMs, serviceMicros);
    }

    public FaultConfig withStall(long ms, long everyMs) {
        return new FaultConfig(methodLatency, ms, everyMs, dropFraction, dropEveryMs, serviceMicros);
    }

    public FaultConfig withDrops(double fraction, long everyMs) {
        return new FaultConfig(methodLatency, stallMs, stallEveryMs, fraction, everyMs, serviceMicros);
    }

    /** Parses {@code method=distribution}, e.g. {@code sendMessage=uniform:10ms:30ms}. */
    public FaultConfig withLatency(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("latency fault '" + spec + "': expected METHOD=DISTRIBUTION");
        }
        return withLatency(spec.substring(0, eq), LatencyDistribution.parse(spec.substring(eq + 1)));
    }

    /** Parses {@code 200ms/5s}: stall 200 ms every 5 s. */
    public FaultConfig withStall(String spec) {
        String[] p = spec.split("/");
        if (p.length != 2) {
            throw new IllegalArgumentException("stall fault '" + spec + "': expected DURATION/PERIOD, e.g. 200ms/5s");
        }
        return withStall(LatencyDistribution.micros(p[0]) / 1000, LatencyDistribution.micros(p[1]) / 1000);
    }

    /** Parses {@code 0.1/30s}: drop 10% of connections every 30 s. */
    public FaultConfig withDrops(String spec) {
        String[] p = spec.split("/");
        if (p.length != 2) {
            throw new IllegalArgumentException("drop fault '" + spec + "': expected FRACTION/PERIOD, e.g. 0.1/30s");
        }
        return withDrops(Double.parseDouble(p[0]), LatencyDistribution.micros(p[1]) / 1000);
    }

    /** Parses {@code METHOD=DURATION}, e.g. {@code sendMessage=20ms}: one server-wide queue, fixed service time. */
    public FaultConfig withService(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("service fault '" + spec + "': expected METHOD=DURATION, e.g. sendMessage=20ms");
        }
        var m = new java.util.HashMap<>(serviceMicros);
        m.put(spec.substring(0, eq), LatencyDistribution.micros(spec.substring(eq + 1)));
        return new FaultConfig(methodLatency, stallMs, stallEveryMs, dropFraction, dropEveryMs, m);
    }

    public boolean isNone() {
        return methodLatency.isEmpty() && stallMs == 0 && dropFraction == 0 && serviceMicros.isEmpty();
    }
}
