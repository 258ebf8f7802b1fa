package io.rcbench.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.cli.Main;
import io.rcbench.metrics.IntervalLog;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import io.rcbench.run.TimelinePoint;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four injector processes run one profile against one workspace as shards 0/4..3/4 from a common start; merging their
 * runs gives counts equal to the sum of the shards and percentiles equal to those of one histogram of all samples.
 */
class ShardMergeTest {
    static final List<String> SETS = List.of("population.users=40", "population.activeUsers=16",
        "population.idleConnectedUsers=8", "mix.rooms.channels.sizes=[{members: 5, share: 1}]",
        "mix.rooms.privateGroups.sizes=[{members: 5, share: 1}]", "mix.uploads.share=0", "ramp.loginsPerSecond=24",
        "warmup.seconds=2", "hold.seconds=8",
        // the mix this test was written for (ci-smoke's before it took the heavy mix's per-user rates): enough
        // messages in a short hold for every shard to have some, and the moderate room layout
        "mix.level=moderate", "mix.messagesPerActiveUserPerMinute=24", "mix.reconnects.perConnectedUserPerHour=240");

    @Test
    void fourShardsMergeIntoExactlyTheirSum(@TempDir Path dir) throws Exception {
        Path shards = dir.resolve("shards");
        try (Workspace ws = TestWorkspaces.start(dir.resolve("workspace"))) {
            // four JVMs start, preflight and provision the same accounts at once before the common start: 25 s
            // was seen short on a busy machine (16 s of provisioning alone), and a start that has passed refuses the run
            long startAt = System.currentTimeMillis() + 40_000;
            List<Process> injectors = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", "--target", ws.baseUri().toString(), "--shard", i + "/4",
                    "--start-at", Long.toString(startAt), "--reports", shards.toString()));
                SETS.forEach(s -> cmd.addAll(List.of("--set", s)));
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("injector-" + i + ".log").toFile());
                pb.environment().put("RCBENCH_ADMIN_USER", TestWorkspaces.ADMIN);
                pb.environment().put("RCBENCH_ADMIN_PASSWORD", TestWorkspaces.ADMIN_PASSWORD);
                injectors.add(pb.start());
            }
            for (int i = 0; i < injectors.size(); i++) {
                Process p = injectors.get(i);
                boolean ended = p.waitFor(240, TimeUnit.SECONDS);
                if (!ended) {
                    p.destroyForcibly();
                }
                assertThat(ended && p.exitValue() <= 2).as("injector %d ended with a verdict; its log:%n%s", i,
                    Files.readString(dir.resolve("injector-" + i + ".log"))).isTrue();
            }
        }
        List<RunFolder> runs = Merge.shardsIn(shards);
        assertThat(runs).hasSize(4);
        Path out = dir.resolve("merged");
        List<String> merge = new ArrayList<>(List.of("merge", shards.toString(), "--out", out.toString()));
        SETS.forEach(s -> merge.addAll(List.of("--set", s)));
        assertThat(Main.run(merge.toArray(String[]::new))).isBetween(0, 2);

        RunFolder merged = new RunFolder(out);
        RunSummary m = merged.readSummary();
        List<RunSummary> parts = new ArrayList<>();
        for (RunFolder r : runs) {
            parts.add(r.readSummary());
        }
        assertThat(m.shards()).isEqualTo(4);
        assertThat(parts).allSatisfy(p -> assertThat(p.actions().get("sendMessage").ok()).isPositive());
        for (String action : m.actions().keySet()) {
            assertThat(m.actions().get(action).attempted()).as(action)
                .isEqualTo(parts.stream().mapToLong(p -> p.actions().getOrDefault(action,
                    new RunSummary.ActionCounts(0, 0, 0, 0, 0)).attempted()).sum());
        }
        assertThat(m.deliveries().expected()).isEqualTo(parts.stream().mapToLong(p -> p.deliveries().expected()).sum());
        assertThat(m.deliveries().received()).isEqualTo(parts.stream().mapToLong(p -> p.deliveries().received()).sum());
        assertThat(m.deliveries().lost()).isZero();
        assertThat(m.phases().activeUsers()).isEqualTo(16);

        // percentiles of the merged run = those of one histogram built from every shard's samples
        Map<String, Histogram> all = new HashMap<>();
        for (RunFolder r : runs) {
            HistogramLogReader reader = new HistogramLogReader(r.latencyLog(-1).toFile());
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                all.computeIfAbsent(h.getTag(), k -> new Histogram(3)).add((Histogram) h);
            }
        }
        Map<String, Histogram> mergedTotals = IntervalLog.read(merged.latencyLogs()).totals();
        for (String metric : List.of("sendMessage", "sendMessage.raw", "delivery", "login")) {
            Histogram expected = all.get(metric);
            Histogram actual = mergedTotals.get(metric);
            assertThat(actual.getTotalCount()).as(metric + " count").isEqualTo(expected.getTotalCount()).isPositive();
            for (double p : new double[] {50, 90, 99, 99.9, 100}) {
                assertThat(actual.getValueAtPercentile(p)).as(metric + " p" + p).isEqualTo(expected.getValueAtPercentile(p));
            }
        }

        long shardActions = 0;
        for (RunFolder r : runs) {
            shardActions += r.readTimeline().stream().mapToLong(t -> t.actions().values().stream().mapToLong(Long::longValue).sum()).sum();
        }
        long mergedActions = merged.readTimeline().stream()
            .mapToLong((TimelinePoint t) -> t.actions().values().stream().mapToLong(Long::longValue).sum()).sum();
        assertThat(mergedActions).isEqualTo(shardActions);
        assertThat(m.injector().clockUncertaintyMs()).as("clock alignment bound").isNotNull();
        assertThat(out.resolve("index.html")).exists();
    }
}
