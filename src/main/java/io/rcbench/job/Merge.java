package io.rcbench.job;

import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import io.rcbench.run.ServerSample;
import io.rcbench.run.TimelinePoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Merges the run folders of N sharded injectors into one run: the interval logs side by side (readers add their
 * histograms, which is exact), the timelines summed interval by interval, counts and errors summed, the hold window
 * the part all shards held, the injectors' health at its worst. Shards must share the common start and the profile,
 * and all N must be there.
 */
public final class Merge {
    private Merge() {
    }

    /** The shard run folders under {@code dir} (folders holding a summary.json), sorted by name. */
    public static List<RunFolder> shardsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder of shard runs");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(RunFolder.SUMMARY))).sorted().map(RunFolder::new).toList();
        }
    }

    public static RunSummary merge(List<RunFolder> shards, RunFolder out) throws IOException {
        if (shards.isEmpty()) {
            throw new IOException("no shard runs to merge");
        }
        List<RunSummary> s = new ArrayList<>();
        for (RunFolder f : shards) {
            s.add(f.readSummary());
        }
        RunSummary first = s.get(0);
        for (int i = 1; i < s.size(); i++) {
            RunSummary o = s.get(i);
            if (o.startEpochMs() != first.startEpochMs()) {
                throw new IOException(shards.get(i).dir() + " started at " + o.startEpochMs() + ", not at the common start "
                    + first.startEpochMs() + " of " + shards.get(0).dir() + ": not a shard of the same run");
            }
            if (!java.util.Objects.equals(o.profile(), first.profile())) {
                throw new IOException(shards.get(i).dir() + " ran profile " + o.profile() + ", not " + first.profile());
            }
        }
        if (first.shards() != s.size()) {
            throw new IOException("found " + s.size() + " shard runs but they were " + first.shards()
                + " shards: merge all of them");
        }
        Files.createDirectories(out.dir());
        for (int i = 0; i < shards.size(); i++) {
            for (Path log : shards.get(i).latencyLogs()) {
                Files.copy(log, out.latencyLog(i), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        mergeTimelines(shards, out);
        copyServerMetrics(shards, out);
        RunSummary merged = summary(s, out);
        out.writeSummary(merged);
        return merged;
    }

    private static RunSummary summary(List<RunSummary> s, RunFolder out) {
        RunSummary first = s.get(0);
        Map<String, RunSummary.ActionCounts> actions = new TreeMap<>();
        Map<String, Long> errors = new TreeMap<>();
        RunSummary.Deliveries deliveries = new RunSummary.Deliveries(0, 0, 0);
        RunSummary.ClientFailures client = null;
        RunSummary.Deliveries holdDeliveries = new RunSummary.Deliveries(0, 0, 0);
        long rampStart = Long.MAX_VALUE;
        long holdStart = 0;
        long holdEnd = Long.MAX_VALUE;
        int active = 0;
        int connected = 0;
        double cpuMax = 0;
        double cpuMean = 0;
        long gcMax = 0;
        long gcTotal = 0;
        long lagMax = 0;
        double minOffset = Double.POSITIVE_INFINITY;
        double maxOffset = Double.NEGATIVE_INFINITY;
        double maxUncertainty = 0;
        boolean interrupted = false;
        long end = 0;
        for (RunSummary r : s) {
            r.actions().forEach((k, v) -> actions.merge(k, v, RunSummary.ActionCounts::plus));
            r.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
            deliveries = deliveries.plus(r.deliveries());
            if (r.client() != null) {
                client = r.client().plus(client);
            }
            holdDeliveries = holdDeliveries.plus(r.judgedDeliveries());
            rampStart = Math.min(rampStart, r.phases().rampStartMs());
            holdStart = Math.max(holdStart, r.phases().holdStartMs());
            holdEnd = Math.min(holdEnd, r.phases().holdEndMs());
            active += r.phases().activeUsers();
            connected += r.phases().connectedUsers();
            RunSummary.InjectorSummary h = r.injector();
            cpuMax = Math.max(cpuMax, h.cpuMaxPercent());
            cpuMean += h.cpuMeanPercent() / s.size();
            gcMax = Math.max(gcMax, h.gcMaxPauseMs());
            gcTotal += h.gcTotalPauseMs();
            lagMax = Math.max(lagMax, h.loopLagMaxMs());
            if (h.clockOffsetMs() != null) {
                minOffset = Math.min(minOffset, h.clockOffsetMs());
                maxOffset = Math.max(maxOffset, h.clockOffsetMs());
                maxUncertainty = Math.max(maxUncertainty, h.clockUncertaintyMs());
            }
            interrupted |= r.interrupted();
            end = Math.max(end, r.endEpochMs());
        }
        // merged: no single offset; how far apart the injectors' clocks may be, which bounds the timeline alignment
        Double spread = Double.isInfinite(minOffset) ? null : (maxOffset - minOffset) / 2 + maxUncertainty;
        RunSummary.InjectorSummary health = new RunSummary.InjectorSummary(cpuMax, cpuMean, gcMax, gcTotal, lagMax,
            first.injector().cores(), first.injector().heapMaxMb(), null, spread);
        String runId = out.dir().getFileName().toString();
        return new RunSummary(runId, first.rcbench(), first.profile(), first.startEpochMs(), end, first.target(),
            new RunSummary.Phases(rampStart, holdStart, Math.max(holdStart, holdEnd), active, connected,
                first.phases().totalUsers()),
            actions, errors, deliveries, health, s.size(), interrupted, null, client, null, holdDeliveries);
    }

    /** Timelines summed by interval (each shard's interval ending in the same second of the common clock). */
    private static void mergeTimelines(List<RunFolder> shards, RunFolder out) throws IOException {
        TreeMap<Long, TimelinePoint> byInterval = new TreeMap<>();
        for (RunFolder f : shards) {
            for (TimelinePoint p : f.readTimeline()) {
                long key = Math.round(p.tMs() / 1000.0);
                byInterval.merge(key, p, Merge::add);
            }
        }
        Files.deleteIfExists(out.dir().resolve(RunFolder.TIMELINE));
        try (RunFolder.JsonLinesWriter w = out.appendLines(RunFolder.TIMELINE)) {
            for (TimelinePoint p : byInterval.values()) {
                w.write(p);
            }
        }
    }

    static TimelinePoint add(TimelinePoint a, TimelinePoint b) {
        Map<String, Long> actions = new TreeMap<>(a.actions());
        b.actions().forEach((k, v) -> actions.merge(k, v, Long::sum));
        Map<String, Long> errors = new TreeMap<>(a.errors());
        b.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
        return new TimelinePoint(Math.max(a.tMs(), b.tMs()), a.activeUsers() + b.activeUsers(),
            a.connectedUsers() + b.connectedUsers(), actions, errors, Math.max(a.cpuPercent(), b.cpuPercent()),
            Math.max(a.gcPauseMs(), b.gcPauseMs()), Math.max(a.loopLagMs(), b.loopLagMs()));
    }

    /** Every shard scraped the same target: keep the first shard's scrapes that has any. */
    private static void copyServerMetrics(List<RunFolder> shards, RunFolder out) throws IOException {
        for (RunFolder f : shards) {
            List<ServerSample> samples = f.readServerMetrics();
            if (!samples.isEmpty()) {
                Files.copy(f.dir().resolve(RunFolder.SERVER_METRICS), out.dir().resolve(RunFolder.SERVER_METRICS),
                    StandardCopyOption.REPLACE_EXISTING);
                return;
            }
        }
    }
}
