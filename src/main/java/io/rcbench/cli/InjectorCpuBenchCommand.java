package io.rcbench.cli;

import io.rcbench.bench.InjectorCpuBench;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rcbench bench-injector-cpu}: injector CPU per DDP call (rcbench's DSL and a stock Gatling WebSocket
 * simulation, measured at the same time) and per received delivery. With {@code --side} (hidden) it is one side's
 * JVM, started by the benchmark itself.
 */
@Command(name = "bench-injector-cpu", mixinStandardHelpOptions = true,
    description = "Benchmark: injector CPU per DDP call, rcbench's DSL against a stock Gatling WebSocket simulation "
        + "running at the same time, and per received delivery; the workspace pinned to one CPU, the injectors to the others.")
final class InjectorCpuBenchCommand implements Callable<Integer> {
    @Option(names = "--users", defaultValue = "200", description = "Users per side (default: ${DEFAULT-VALUE}).") int users;
    @Option(names = "--calls-per-second", defaultValue = "1000", description = "One side's DDP calls per second "
        + "(default: ${DEFAULT-VALUE}).") double callsPerSecond;
    @Option(names = "--room-size", defaultValue = "200", description = "Members per room in the fan-out case "
        + "(default: ${DEFAULT-VALUE}).") int roomSize;
    @Option(names = "--messages-per-second", defaultValue = "20", description = "Messages per second in the fan-out "
        + "case, each delivered to every member of its room; 0 skips it (default: ${DEFAULT-VALUE}).") double messages;
    @Option(names = "--senders", defaultValue = "4", description = "Bots sending in the fan-out case (default: ${DEFAULT-VALUE}).") int senders;
    @Option(names = "--warmup-seconds", defaultValue = "20", description = "Before the steady window (default: ${DEFAULT-VALUE}).") int warmup;
    @Option(names = "--steady-seconds", defaultValue = "60", description = "The measured window (default: ${DEFAULT-VALUE}).") int steady;
    @Option(names = "--pairs", defaultValue = "1", description = "Simultaneous stock/rcbench pairs run in turn (default: ${DEFAULT-VALUE}).") int pairs;
    @Option(names = "--phases", split = ",", defaultValue = "calls,fanout", description = "calls, fanout or both "
        + "(default: ${DEFAULT-VALUE}).") java.util.Set<String> phases;
    @Option(names = "--side-jvm-arg", description = "An option for the injector JVMs, e.g. "
        + "-XX:StartFlightRecording=filename=side.jfr (repeatable).") List<String> sideJvmArgs = new ArrayList<>();

    @Option(names = "--side", hidden = true) String side;
    @Option(names = "--target", hidden = true) URI target;
    @Option(names = "--first-user", hidden = true) int firstUser;
    @Option(names = "--per-user-per-minute", hidden = true) double perUserPerMinute;
    @Option(names = "--start-at-nanos", hidden = true) long startAtNanos;

    @Override
    public Integer call() throws Exception {
        if (side != null) {
            Path results = Files.createTempDirectory("rcbench-cpu-side-");
            try {
                InjectorCpuBench.runSide(new InjectorCpuBench.Side(side, target, users, firstUser, senders, roomSize,
                    perUserPerMinute, Duration.ofSeconds(warmup), Duration.ofSeconds(steady), startAtNanos), results,
                    System.out);
            } finally {
                deleteTree(results);
            }
            return 0;
        }
        var o = new InjectorCpuBench.Options(users, callsPerSecond, roomSize, messages, senders,
            Duration.ofSeconds(warmup), Duration.ofSeconds(steady), pairs, phases, sideJvmArgs);
        Path data = Files.createTempDirectory("rcbench-cpu-");
        try {
            var r = new InjectorCpuBench(Wiring.workspaceEntry(), List.of(Main.class.getName(), "bench-injector-cpu"))
                .run(o, data, System.out);
            InjectorCpuBench.print(r, System.out);
        } finally {
            deleteTree(data);
        }
        return 0;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            // children first; a file that will not go stays, the figures are already printed
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
