package io.rcbench.cli;

import io.rcbench.bench.MergeBench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rcbench bench-merge}: prints how long merging N one-hour shard runs takes. */
@Command(name = "bench-merge", mixinStandardHelpOptions = true,
    description = "Benchmark: merge N synthetic one-hour shard runs and add their histograms.")
final class MergeBenchCommand implements Callable<Integer> {
    @Option(names = "--shards", defaultValue = "16") int shards;
    @Option(names = "--seconds", defaultValue = "3600") int seconds;
    @Option(names = "--users", defaultValue = "10000") int users;
    @Option(names = "--repeat", defaultValue = "3") int repeat;
    @Option(names = "--dir", defaultValue = "target/bench-merge") Path dir;

    @Override
    public Integer call() throws Exception {
        MergeBench.run(dir, shards, seconds, users, repeat, System.out);
        return 0;
    }
}
