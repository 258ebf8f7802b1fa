package io.rcbench.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.health.InjectorHealth;
import io.rcbench.metrics.IntervalLog;
import io.rcbench.profile.InjectorBudget;
import io.rcbench.profile.Profile;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import io.rcbench.run.TimelinePoint;
import io.rcbench.verdict.Measurement;
import io.rcbench.verdict.SloResult;
import io.rcbench.verdict.Verdict;
import io.rcbench.verdict.VerdictEvaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges a run from its folder alone (so a merged or stored run is judged the same way): latency histograms over the
 * hold window from the interval logs, action and error counts over the hold from the timeline, deliveries of the
 * messages sent in the hold from the summary (lost ones are only known at the end), injector health from the
 * timeline; all over the same whole intervals ({@link io.rcbench.run.HoldWindow}); then writes {@code verdict.json}.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * Judges the run, with what was checked of the target against the profile's envelope ({@link TargetCheckFile},
     * when the folder has one): a target not held to the envelope makes the verdict INCONCLUSIVE.
     */
    public static Verdict evaluate(RunFolder folder, Profile profile) throws IOException {
        TargetCheckFile check = TargetCheckFile.read(folder.dir());
        Verdict v = VerdictEvaluator.evaluate(profile, measure(folder), check.inconclusiveReasons());
        write(folder, List.of(v), Map.of(v.profile(), profile.injector()), check.lines());
        return v;
    }

    /** What the run measured over its hold window. */
    public static Measurement measure(RunFolder folder) throws IOException {
        RunSummary s = folder.readSummary();
        long from = s.phases().holdStartMs();
        long to = s.phases().holdEndMs();
        IntervalLog log = IntervalLog.readTotals(folder.latencyLogs(), from, to);
        long attempted = 0;
        Map<String, Long> errors = new TreeMap<>();
        List<InjectorHealth.Interval> health = new ArrayList<>();
        long previous = from;
        for (TimelinePoint p : folder.readTimeline()) {
            // a point closes the interval before it: (from, to] are the hold's intervals, as the latency log's
            if (p.tMs() <= from || p.tMs() > to) {
                previous = p.tMs();
                continue;
            }
            attempted += p.actions().values().stream().mapToLong(Long::longValue).sum();
            p.errors().forEach((k, n) -> errors.merge(k, n, Long::sum));
            health.add(new InjectorHealth.Interval(s.startEpochMs() + previous, s.startEpochMs() + p.tMs(),
                p.cpuPercent(), p.gcPauseMs() > 0 ? 1 : 0, p.gcPauseMs(), p.gcPauseMs(), p.loopLagMs() * 1000));
            previous = p.tMs();
        }
        RunSummary.Deliveries d = s.judgedDeliveries();
        int cores = s.injector() == null ? Runtime.getRuntime().availableProcessors() : s.injector().cores();
        return new Measurement(log.totals(), new Measurement.Counts(attempted, errors, d.expected(), d.received(),
            d.lost()), new InjectorHealth(cores, health));
    }

    /** {@code verdict.json}: one entry per profile judged. */
    public static void write(RunFolder folder, List<Verdict> verdicts, List<String> targetCheck) throws IOException {
        write(folder, verdicts, Map.of(), targetCheck);
    }

    /**
     * As above, with each profile's injector budget ({@code injectorBudget}), so the report marks the injector's
     * health by the limits the verdict used.
     */
    public static void write(RunFolder folder, List<Verdict> verdicts, Map<String, InjectorBudget> budgets,
                             List<String> targetCheck) throws IOException {
        ObjectNode root = RunFolder.json().createObjectNode();
        ArrayNode checked = root.putArray("targetCheck");
        targetCheck.forEach(checked::add);
        ArrayNode list = root.putArray("profiles");
        for (Verdict v : verdicts) {
            ObjectNode o = list.addObject().put("profile", v.profile()).put("status", v.status().name());
            InjectorBudget b = budgets.get(v.profile());
            if (b != null) {
                o.putObject("injectorBudget").put("maxCpuPercent", b.maxCpuPercent())
                    .put("maxGcPauseMs", b.maxGcPauseMs()).put("maxEventLoopLagMs", b.maxEventLoopLagMs());
            }
            ArrayNode reasons = o.putArray("reasons");
            v.inconclusiveReasons().forEach(reasons::add);
            ArrayNode slos = o.putArray("slos");
            for (SloResult r : v.slos()) {
                ObjectNode so = slos.addObject().put("name", r.name()).put("status", r.outcome().name())
                    .put("unit", r.unit()).put("samples", r.samples()).put("text", r.text());
                number(so, "measured", r.measured());
                number(so, "threshold", r.threshold());
                number(so, "marginPercent", r.marginPercent());
            }
        }
        Files.createDirectories(folder.dir());
        RunFolder.json().writeValue(folder.dir().resolve(RunFolder.VERDICT).toFile(), root);
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
