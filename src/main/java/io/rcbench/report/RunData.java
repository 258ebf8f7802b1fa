package io.rcbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.run.CapacityResult;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import io.rcbench.run.ServerSample;
import io.rcbench.run.TimelinePoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything a report shows about one run, read from its folder alone. Optional files (verdict, capacity,
 * timeline, server metrics, latency logs) may be missing; {@code summary.json} may not.
 *
 * @param folder   the run folder
 * @param summary  {@code summary.json}
 * @param verdicts the profiles' verdicts from {@code verdict.json}, empty when none was evaluated
 * @param targetCheck the envelope check's lines from {@code verdict.json} (observed vs the profile), empty when none
 * @param timeline {@code timeline.jsonl}
 * @param server   {@code server-metrics.jsonl}
 * @param latency  the latency logs, digested
 * @param capacity {@code capacity.json}, for capacity runs
 */
public record RunData(RunFolder folder, RunSummary summary, List<VerdictView> verdicts, List<String> targetCheck,
                      List<TimelinePoint> timeline, List<ServerSample> server, LatencyDigest latency,
                      Optional<CapacityResult> capacity) {

    /** Reads a run folder; a missing or malformed {@code summary.json} is an error naming the file. */
    public static RunData read(Path dir) throws IOException {
        RunFolder folder = new RunFolder(dir);
        if (!Files.isRegularFile(folder.summaryFile())) {
            throw new IOException(dir + " is not a run folder: " + RunFolder.SUMMARY + " is missing");
        }
        RunSummary summary;
        try {
            summary = folder.readSummary();
        } catch (IOException e) {
            throw new IOException(folder.summaryFile() + ": " + e.getMessage(), e);
        }
        List<VerdictView> verdicts = List.of();
        List<String> targetCheck = List.of();
        Path verdictFile = dir.resolve(RunFolder.VERDICT);
        if (Files.isRegularFile(verdictFile)) {
            try {
                JsonNode v = VerdictView.MAPPER.readTree(verdictFile.toFile());
                verdicts = VerdictView.parse(v);
                targetCheck = VerdictView.targetCheck(v);
            } catch (IOException e) {
                throw new IOException(verdictFile + ": " + e.getMessage(), e);
            }
        }
        RunSummary.Phases p = summary.phases();
        boolean hold = p != null && p.holdEndMs() > p.holdStartMs();
        LatencyDigest latency = LatencyDigest.read(folder.latencyLogs(), hold ? p.holdStartMs() : 0,
            hold ? p.holdEndMs() : Long.MAX_VALUE);
        return new RunData(folder, summary, verdicts, targetCheck, folder.readTimeline(), folder.readServerMetrics(), latency,
            CapacityResult.read(dir));
    }

    /**
     * What a complete run folder holds that {@code dir} lacks, one line per file saying what a report cannot show
     * without it. A run killed before its end, or a partial copy, leaves such a folder; its report is still written.
     */
    public static List<String> missingFiles(Path dir) {
        RunFolder folder = new RunFolder(dir);
        List<String> out = new java.util.ArrayList<>();
        if (!Files.isRegularFile(dir.resolve(RunFolder.VERDICT))) {
            out.add(RunFolder.VERDICT + " is missing: no verdict");
        }
        boolean noLatency;
        try {
            noLatency = folder.latencyLogs().isEmpty();
        } catch (IOException e) {
            noLatency = true;
        }
        if (noLatency) {
            out.add(folder.latencyLog(-1).getFileName() + " is missing: no latency percentiles or charts");
        }
        if (!Files.isRegularFile(dir.resolve(RunFolder.TIMELINE))) {
            out.add(RunFolder.TIMELINE + " is missing: no timelines");
        }
        return out;
    }

    public String runId() {
        return summary.runId() != null ? summary.runId() : folder.dir().getFileName().toString();
    }

    /** True when the summary names a hold window; percentile tables then cover only it. */
    public boolean hasHold() {
        RunSummary.Phases p = summary.phases();
        return p != null && p.holdEndMs() > p.holdStartMs();
    }

    /** Run length in ms. */
    public long durationMs() {
        return Math.max(0, summary.endEpochMs() - summary.startEpochMs());
    }

    /** Length of the window the percentile table covers: the hold window, else the whole run. */
    public long windowMs() {
        return hasHold() ? summary.phases().holdEndMs() - summary.phases().holdStartMs() : durationMs();
    }
}
