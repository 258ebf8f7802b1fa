package io.rcbench.cli;

import io.rcbench.bench.InjectorCpuBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rcbench bench-injector-cpu}: injector CPU per DDP call (rcbench vs stock Gatling) and per delivery. */
@Command(name = "bench-injector-cpu", mixinStandardHelpOptions = true,
    description = "Benchmark: injector CPU per DDP call, rcbench's DSL against a stock Gatling WebSocket simulation, "
        + "and per received delivery; the workspace pinned to one CPU, the injector to the others.")
final class InjectorCpuBenchCommand implements Callable<Integer> {
    @Option(names = "--users", defaultValue = "200", description = "Users (default: ${DEFAULT-VALUE}).") int users;
    @Option(names = "--calls-per-second", defaultValue = "1000", description = "All users' DDP calls per second "
        + "(default: ${DEFAULT-VALUE}).") double callsPerSecond;
    @Option(names = "--room-size", defaultValue = "200", description = "Members per room in the fan-out case "
        + "(default: ${DEFAULT-VALUE}).") int roomSize;
    @Option(names = "--messages-per-second", defaultValue = "20", description = "Messages per second in the fan-out "
        + "case, each delivered to every member of its room; 0 skips it (default: ${DEFAULT-VALUE}).") double messages;
    @Option(names = "--senders", defaultValue = "4", description = "Bots sending in the fan-out case (default: ${DEFAULT-VALUE}).") int senders;
    @Option(names = "--warmup-seconds", defaultValue = "15", description = "Per phase, before the steady window "
        + "(default: ${DEFAULT-VALUE}).") int warmup;
    @Option(names = "--steady-seconds", defaultValue = "60", description = "Per phase, the measured window (default: ${DEFAULT-VALUE}).") int steady;
    @Option(names = "--pairs", defaultValue = "1", description = "Stock/rcbench call phases run in turn (default: ${DEFAULT-VALUE}).") int pairs;

    @Option(names = "--phases", split = ",", defaultValue = "stock,rcbench,fanout", description = "Which phases to run, "
        + "e.g. rcbench alone under a profiler (default: ${DEFAULT-VALUE}).") java.util.Set<String> phases;

    @Override
    public Integer call() throws Exception {
        var o = new InjectorCpuBench.Options(users, callsPerSecond, roomSize, messages, senders,
            Duration.ofSeconds(warmup), Duration.ofSeconds(steady), pairs, phases);
        Path data = Files.createTempDirectory("rcbench-cpu-");
        try {
            InjectorCpuBench.print(new InjectorCpuBench(Wiring.workspaceEntry()).run(o, data, System.out), System.out);
        } finally {
            try (var files = Files.walk(data)) {
                // children first; a file that will not go stays, the run's figures are already printed
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return 0;
    }
}
