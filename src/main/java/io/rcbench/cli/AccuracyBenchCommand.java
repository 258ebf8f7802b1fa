package io.rcbench.cli;

import io.rcbench.bench.AccuracyBench;
import io.rcbench.workspace.fault.FaultConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rcbench bench-accuracy}: sendMessage against an in-process workspace with an injected latency (or stalls),
 * printing the injected truth, the server's own timings, rcbench's corrected and raw percentiles and Gatling's own.
 */
@Command(name = "bench-accuracy", mixinStandardHelpOptions = true,
    description = "Benchmark: rcbench's and Gatling's percentiles against an injected latency distribution.")
final class AccuracyBenchCommand implements Callable<Integer> {
    @Option(names = "--latency", defaultValue = "uniform:40ms:120ms", description = "Injected into sendMessage (default: ${DEFAULT-VALUE}).")
    String latency;

    @Option(names = "--stall", description = "Periodic stall instead, e.g. 500ms/10s.")
    String stall;

    @Option(names = "--senders", defaultValue = "40") int senders;

    @Option(names = "--per-second", defaultValue = "1", description = "Messages per second per sender (default: ${DEFAULT-VALUE}).")
    double perSecond;

    @Option(names = "--seconds", defaultValue = "30") int seconds;

    @Override
    public Integer call() throws Exception {
        FaultConfig faults = stall != null ? FaultConfig.NONE.withStall(stall) : FaultConfig.NONE.withLatency("sendMessage=" + latency);
        AccuracyBench.Result r;
        try (ScratchFolder dir = new ScratchFolder("rcbench-accuracy-")) {
            r = AccuracyBench.run(Wiring.adapters(), dir.path(), faults, senders, perSecond, Duration.ofSeconds(seconds), System.out);
        }
        AccuracyBench.print(r, faults, System.out);
        return 0;
    }
}
