package io.rcbench.bench;

import io.rcbench.job.Adapters;
import io.rcbench.job.MainJob;
import io.rcbench.job.ProfilePlans;
import io.rcbench.metrics.IntervalLog;
import io.rcbench.profile.Profile;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Are the simulated users the bottleneck? On an idle embedded workspace the only waiting is the target's, so each
 * action's corrected latency (from its intended start) should be its raw latency (on the wire) plus little: the
 * target is {@code corrected p99 <= 1.2 x raw p99 + 5 ms}. More means the users wait on themselves (an action held
 * behind the user's own earlier calls). Runs a profile with the main job against the embedded workspace in its own
 * JVM, as {@code rcbench run} does, and prints the comparison per action over the hold window.
 */
public final class UserLatenessBench {
    /** The target's slope and offset: corrected p99 may exceed raw p99 by 20% plus 5 ms. */
    public static final double SLOPE = 1.2;
    public static final double OFFSET_MS = 5;

    private UserLatenessBench() {
    }

    /**
     * One action's figures over the hold window (ms).
     *
     * @param count samples behind the percentiles (successful actions in the hold)
     */
    public record Row(String action, long count, double correctedP50, double rawP50, double correctedP99,
                      double rawP99) {
        /** The target's bound for this action's corrected p99. */
        public double boundP99() {
            return SLOPE * rawP99 + OFFSET_MS;
        }

        public boolean withinTarget() {
            return correctedP99 <= boundP99();
        }
    }

    /** Runs {@code profile} (its own population, mix and phases) on the embedded workspace; returns its run folder. */
    public static RunFolder run(Adapters adapters, Profile profile, Path reports, PrintStream console) throws Exception {
        String runId = MainJob.newRunId(profile.name() + "-users");
        MainJob.Outcome out = new MainJob(ProfilePlans.jobSpec(profile, runId,
            new ProfilePlans.Target(null, "ddp", 1, true, null), reports, List.of()), adapters, console).run();
        return out.folder();
    }

    /** Every action of {@code folder} recorded both corrected and raw, over the run's hold window, by name. */
    public static List<Row> rows(RunFolder folder) throws IOException {
        RunSummary s = folder.readSummary();
        IntervalLog log = IntervalLog.readTotals(folder.latencyLogs(), s.phases().holdStartMs(), s.phases().holdEndMs());
        Map<String, Histogram> totals = log.totals();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Histogram> e : totals.entrySet()) {
            Histogram raw = totals.get(e.getKey() + ".raw");
            if (raw == null || e.getValue().getTotalCount() == 0) {
                continue;
            }
            Histogram c = e.getValue();
            rows.add(new Row(e.getKey(), c.getTotalCount(), ms(c, 50), ms(raw, 50), ms(c, 99), ms(raw, 99)));
        }
        return rows;
    }

    private static double ms(Histogram h, double p) {
        return h.getValueAtPercentile(p) / 1000.0;
    }

    /** The comparison table; a row over the target is marked, with too few samples for a p99 (100) noted. */
    public static void print(String title, List<Row> rows, PrintStream out) {
        out.println(title);
        out.printf("  %-16s %7s %10s %10s %10s %10s %12s  %s%n", "action (ms)", "count", "corr p50", "raw p50",
            "corr p99", "raw p99", "1.2 raw+5", "");
        for (Row r : rows) {
            out.printf("  %-16s %7d %10.2f %10.2f %10.2f %10.2f %12.2f  %s%n", r.action(), r.count(), r.correctedP50(),
                r.rawP50(), r.correctedP99(), r.rawP99(), r.boundP99(), (r.withinTarget() ? "ok" : "OVER")
                    + (r.count() < 100 ? " (" + r.count() + " samples: p99 is near the maximum)" : ""));
        }
    }
}
