package io.rcbench.ddp.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.bench.AccuracyBench;
import io.rcbench.workspace.fault.FaultConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rcbench's raw times against an observer on the wire: the accuracy benchmark's senders (Gatling, the DDP client,
 * the recorders: the whole path of a run) reach an in-process workspace through {@link RecordingProxy}, which notes
 * when each sendMessage frame and its result passed. rcbench times a call from its frame being handed to the socket
 * to its result being read from it, so its raw median may exceed the wire's only by the proxy's own two loopback
 * hops; before, it was timed from the start of the Gatling action to its completion, 1.4-2.4 ms more.
 */
class WireTimeTest {
    /**
     * How far rcbench's raw median may lie above the wire's. The target is 0.3 ms on a quiet core; the proxy's hops
     * (two thread wake-ups per call) and a loaded 2-core CI machine add to what is compared, so the bound is 1 ms:
     * still below the 1.4 ms the old timing added at its best.
     */
    private static final double BOUND_MS = 1.0;

    @Test
    void rawMedianIsWithinABoundOfTheWire(@TempDir Path dir) throws Exception {
        AtomicReference<RecordingProxy> proxy = new AtomicReference<>();
        try {
            AccuracyBench.Result r = AccuracyBench.run(io.rcbench.cli.Wiring.adapters(), dir, FaultConfig.NONE, 4, 5, Duration.ofSeconds(15), System.out,
                ws -> {
                    try {
                        proxy.set(new RecordingProxy(new InetSocketAddress(ws.getHost(), ws.getPort())));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return URI.create("http://127.0.0.1:" + proxy.get().port());
                });
            List<RecordingProxy.Call> sends = proxy.get().calls().stream()
                .filter(c -> "sendMessage".equals(c.method())).toList();
            Histogram wire = new Histogram(3);
            sends.forEach(c -> wire.recordValue(Math.max(0, c.micros())));
            double rawP50 = r.raw().getValueAtPercentile(50) / 1000.0;
            double wireP50 = wire.getValueAtPercentile(50) / 1000.0;
            double correctedP50 = r.corrected().getValueAtPercentile(50) / 1000.0;
            System.out.printf("sendMessage p50: wire %.3f ms (%d calls), rcbench raw %.3f ms (%d), corrected %.3f ms,"
                + " raw - wire %.3f ms%n", wireP50, wire.getTotalCount(), rawP50, r.raw().getTotalCount(), correctedP50,
                rawP50 - wireP50);
            for (double q : new double[] {10, 25, 50, 75}) {
                System.out.printf("  p%.0f: wire %.3f ms, raw %.3f ms, raw - wire %.3f ms%n", q,
                    wire.getValueAtPercentile(q) / 1000.0, r.raw().getValueAtPercentile(q) / 1000.0,
                    (r.raw().getValueAtPercentile(q) - wire.getValueAtPercentile(q)) / 1000.0);
            }

            assertThat(r.errors()).isZero();
            assertThat(wire.getTotalCount()).as("calls the wire saw").isGreaterThan(100)
                .isGreaterThanOrEqualTo(r.raw().getTotalCount());
            // the client's stamps sit just outside the observer's (its send before the write, its receipt after the
            // read); the observer's own stamps may lag its reads on a loaded machine, so a little slack below. A stamp
            // in the wrong place (the action's start instead of the write) moves the median by milliseconds
            assertThat(rawP50).as("raw p50 (ms) vs the wire's").isGreaterThanOrEqualTo(wireP50 - 0.25)
                .isLessThanOrEqualTo(wireP50 + BOUND_MS);
        } finally {
            if (proxy.get() != null) {
                proxy.get().close();
            }
        }
    }
}
