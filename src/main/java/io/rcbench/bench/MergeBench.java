package io.rcbench.bench;

import io.rcbench.job.Merge;
import io.rcbench.metrics.IntervalLog;
import io.rcbench.report.synthetic.SyntheticRun;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How long merging sharded runs takes: writes {@code shards} synthetic shard runs of {@code seconds} (one-second
 * intervals, the users split between them, one common start), then times {@link Merge#merge} plus reading the merged
 * interval logs into whole-run histograms (where the histograms are actually added).
 */
public final class MergeBench {
    private MergeBench() {
    }

    public static void run(Path dir, int shards, int seconds, int users, int repeat, PrintStream out) throws IOException {
        List<RunFolder> runs = new ArrayList<>();
        if (java.nio.file.Files.isDirectory(dir.resolve("shards"))) {
            runs.addAll(Merge.shardsIn(dir.resolve("shards")));
        }
        if (runs.size() == shards) {
            out.printf("reusing %d shard runs under %s%n", shards, dir.resolve("shards"));
        } else {
            runs.clear();
            write(dir, shards, seconds, users, runs, out);
        }
        measure(runs, dir, repeat, out);
    }

    private static void write(Path dir, int shards, int seconds, int users, List<RunFolder> runs, PrintStream out)
        throws IOException {
        long t0 = System.nanoTime();
        for (int i = 0; i < shards; i++) {
            Path d = dir.resolve("shards").resolve("shard-" + i);
            SyntheticRun.write(d, new SyntheticRun.Options("shard-" + i, 1 + i, seconds, 1, users / shards,
                SyntheticRun.START_EPOCH_MS));
            RunFolder f = new RunFolder(d);
            RunSummary s = f.readSummary();
            f.writeSummary(s.withShards(shards));
            runs.add(f);
        }
        out.printf("wrote %d shard runs of %d s (%d users in all) in %.1f s%n", shards, seconds, users,
            (System.nanoTime() - t0) / 1e9);
    }

    private static void measure(List<RunFolder> runs, Path dir, int repeat, PrintStream out) throws IOException {
        for (int r = 0; r < repeat; r++) {
            long start = System.nanoTime();
            RunFolder merged = new RunFolder(dir.resolve("merged-" + r));
            Merge.merge(runs, merged);
            long merge = System.nanoTime();
            var digest = io.rcbench.report.LatencyDigest.read(merged.latencyLogs(), 0, Long.MAX_VALUE);
            long read = System.nanoTime();
            long samples = digest.total().values().stream().mapToLong(h -> h.getTotalCount()).sum();
            out.printf("merge %d: %.2f s (copy logs, sum timelines and counts) + %.2f s (add every interval histogram"
                    + " of %d metrics: %,d samples) = %.2f s%n", r + 1, (merge - start) / 1e9, (read - merge) / 1e9,
                digest.total().size(), samples, (read - start) / 1e9);
            if (r == 0) {
                IntervalLog check = IntervalLog.readTotals(merged.latencyLogs(), 0, Long.MAX_VALUE);
                long exact = check.totals().values().stream().mapToLong(h -> h.getTotalCount()).sum();
                out.printf("  cross-check with HdrHistogram's own log reader: %,d samples (%s)%n", exact,
                    exact == samples ? "equal" : "DIFFERENT");
            }
        }
    }
}
