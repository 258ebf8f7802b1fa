package io.rcbench.cli;

import io.rcbench.bench.StoreWriteBench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rcbench bench-store}: durable message inserts per second into the workspace's store. */
@Command(name = "bench-store", mixinStandardHelpOptions = true,
    description = "Benchmark: durable message inserts per second into the embedded workspace's store (run under taskset -c 1).")
final class StoreBenchCommand implements Callable<Integer> {
    @Option(names = "--writers", defaultValue = "4", description = "Writer threads (default: ${DEFAULT-VALUE}, the workspace's "
        + "worker count on one core).") int writers;
    @Option(names = "--seconds", defaultValue = "5") int seconds;
    @Option(names = "--dir", defaultValue = "target/bench-store") Path dir;

    @Override
    public Integer call() throws Exception {
        StoreWriteBench.run(dir, writers, seconds, System.out);
        return 0;
    }
}
