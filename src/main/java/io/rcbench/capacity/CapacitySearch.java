package io.rcbench.capacity;

import io.rcbench.capacity.model.ScalabilityAnalysis;
import io.rcbench.metrics.IntervalLog;
import io.rcbench.profile.Profile;
import io.rcbench.profile.Slos;
import io.rcbench.run.CapacityResult;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import io.rcbench.run.TimelinePoint;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Runs a capacity search: asks {@link NextStep} for the next level, runs it, until the decision is to stop or the
 * step budget is spent; then builds the curve (per level: p50/p95/p99 per action, delivery, throughput, errors),
 * the knee and the ceiling, and fits the scalability model to it. Steps are independent runs with the same seed, so two searches on one target agree.
 */
public final class CapacitySearch {
    /** The latency metric the knee is read from. */
    static final String KNEE_METRIC = "sendMessage";
    private final NextStep decide;
    private final int maxSteps;
    private final int probes;

    /** A search without probes past the ceiling. */
    public CapacitySearch(NextStep decide, int maxSteps) {
        this(decide, maxSteps, 0);
    }

    /**
     * @param probes at most this many levels run past the lowest failure once the search has converged, only while
     *               the measured throughput has not bent yet: an SLO ceiling is usually met before the target's
     *               throughput saturates, and a scalability model fitted to a straight line cannot say where it will
     */
    public CapacitySearch(NextStep decide, int maxSteps, int probes) {
        if (probes < 0) {
            throw new IllegalArgumentException("probes must be >= 0: " + probes);
        }
        this.decide = decide;
        this.maxSteps = maxSteps;
        this.probes = probes;
    }

    /** The search's result: the curve as written to capacity.json, and the folder of the last step that passed. */
    public record Outcome(CapacityResult result, List<StepOutcome> steps, RunFolder ceilingRun, boolean reachedMax,
                          boolean stepBudgetSpent) {
    }

    public Outcome run(Profile profile, StepRunner runner, PrintStream console) throws Exception {
        List<StepOutcome> done = new ArrayList<>();
        List<CapacityResult.Step> curve = new ArrayList<>();
        RunFolder ceilingRun = null;
        for (int i = 0; i < maxSteps; i++) {
            NextStep.Decision d = decide.next(done);
            if (d instanceof NextStep.Decision.Done stop) {
                probe(profile, runner, console, curve);
                return finish(profile, done, curve, stop.ceiling(), ceilingRun, stop.reachedMax(), false);
            }
            NextStep.Decision.Run step = (NextStep.Decision.Run) d;
            console.printf("capacity step %d: %d active users%s%n", i + 1, step.activeUsers(),
                step.confirmation() ? " (confirmation)" : "");
            StepRunner.Result r = runner.run(step.activeUsers(), step.confirmation());
            StepOutcome o = new StepOutcome(step.activeUsers(), r.status(), step.confirmation());
            done.add(o);
            curve.add(point(r.folder(), o, false));
            if (o.passed() && (ceilingRun == null || step.activeUsers() >= ceilingLevel(done))) {
                ceilingRun = r.folder();
            }
            console.printf("capacity step %d: %d active users -> %s%n", i + 1, step.activeUsers(), r.status());
        }
        return finish(profile, done, curve, OptionalInt.empty(), ceilingRun, false, true);
    }

    /** Runs the probes {@link Probes} asks for, after the search has converged. */
    private void probe(Profile profile, StepRunner runner, PrintStream console, List<CapacityResult.Step> curve)
        throws Exception {
        Probes plan = new Probes(probes, decide.growth(), decide.max(), KNEE_METRIC);
        for (int k = 0; ; k++) {
            OptionalInt next = plan.next(profile.name(), curve, k);
            if (next.isEmpty()) {
                return;
            }
            int level = next.getAsInt();
            console.printf("capacity probe %d: %d active users (past the ceiling, to measure where throughput bends)%n",
                k + 1, level);
            StepRunner.Result r = runner.run(level, false);
            curve.add(point(r.folder(), new StepOutcome(level, r.status(), false), true));
            console.printf("capacity probe %d: %d active users -> %s%n", k + 1, level, r.status());
        }
    }

    private static int ceilingLevel(List<StepOutcome> done) {
        return done.stream().filter(StepOutcome::passed).mapToInt(StepOutcome::activeUsers).max().orElse(0);
    }

    private Outcome finish(Profile profile, List<StepOutcome> done, List<CapacityResult.Step> curve,
                           OptionalInt ceiling, RunFolder ceilingRun, boolean reachedMax, boolean budgetSpent) {
        List<CapacityResult.Step> sorted = new ArrayList<>(curve);
        sorted.sort(Comparator.comparingInt(CapacityResult.Step::activeUsers));
        Integer documented = profile.limits().map(l -> l.activeUsers().isPresent() ? l.activeUsers().getAsInt() : null)
            .orElse(null);
        CapacityResult result = new CapacityResult(profile.name(), curve, slos(profile.slos()), knee(sorted),
            ceiling.isPresent() ? ceiling.getAsInt() : null, documented, new CapacityResult.Envelope(
            label(profile.envelope().cores(), profile.envelope().memoryMb()), profile.envelope().cores(),
            profile.envelope().memoryMb(), null), null);
        result = ScalabilityAnalysis.of(result, KNEE_METRIC, ScalabilityAnalysis.DEFAULT_BOOTSTRAP)
            .map(result::withModel).orElse(result);
        return new Outcome(result, List.copyOf(done), ceilingRun, reachedMax, budgetSpent);
    }

    /** {@code 2 cores, 512 MB}. */
    public static String label(double cores, long memoryMb) {
        String c = cores == Math.rint(cores) ? String.valueOf((long) cores) : String.valueOf(cores);
        return c + (cores == 1 ? " core, " : " cores, ") + memoryMb + " MB";
    }

    /**
     * The knee: the highest level (of those measured, by users) before the first one whose sendMessage p95 is more
     * than twice the lowest level's: where latency starts to grow faster than load. Null without such a level.
     */
    static Integer knee(List<CapacityResult.Step> byUsers) {
        Double base = null;
        Integer previous = null;
        for (CapacityResult.Step s : byUsers) {
            CapacityResult.Latency l = s.actions().get(KNEE_METRIC);
            if (l == null) {
                continue;
            }
            if (base == null) {
                base = Math.max(l.p95Ms(), 1.0);
            } else if (l.p95Ms() > 2 * base) {
                return previous;
            }
            previous = s.activeUsers();
        }
        return null;
    }

    private static List<CapacityResult.Slo> slos(Slos slos) {
        List<CapacityResult.Slo> out = new ArrayList<>();
        slos.latency().forEach((metric, slo) -> slo.limits().forEach(l -> {
            int p = (int) Math.round(l.percentile());
            if (p == 50 || p == 95 || p == 99) {
                out.add(new CapacityResult.Slo(metric, p, l.threshold().toNanos() / 1e6));
            }
        }));
        return out;
    }

    /** One level's figures over its hold window, from its run folder. */
    static CapacityResult.Step point(RunFolder folder, StepOutcome o, boolean probe) throws IOException {
        RunSummary s = folder.readSummary();
        long from = s.phases().holdStartMs();
        long to = s.phases().holdEndMs();
        IntervalLog log = IntervalLog.readTotals(folder.latencyLogs(), from, to);
        Map<String, CapacityResult.Latency> actions = new TreeMap<>();
        CapacityResult.Latency delivery = null;
        for (Map.Entry<String, Histogram> e : log.totals().entrySet()) {
            if (e.getKey().endsWith(".raw") || e.getValue().getTotalCount() == 0) {
                continue;
            }
            Histogram h = e.getValue();
            CapacityResult.Latency l = new CapacityResult.Latency(h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0);
            if (e.getKey().equals("delivery")) {
                delivery = l;
            } else {
                actions.put(e.getKey(), l);
            }
        }
        long completed = 0;
        long errors = 0;
        for (TimelinePoint p : folder.readTimeline()) {
            if (p.tMs() > from && p.tMs() <= to + 1000) {
                completed += p.actions().values().stream().mapToLong(Long::longValue).sum();
                errors += p.errors().values().stream().mapToLong(Long::longValue).sum();
            }
        }
        double seconds = Math.max(1, (to - from) / 1000.0);
        // per action from the latency log: one sample per completion, over exactly the intervals the percentiles
        // above come from (the timeline's window may take one interval more)
        Map<String, Double> perSec = new TreeMap<>();
        actions.keySet().forEach(name -> perSec.put(name, log.totals().get(name).getTotalCount() / seconds));
        return new CapacityResult.Step(o.activeUsers(), actions, delivery, completed / seconds, errors, o.passed(),
            perSec, probe, StepMemory.read(folder.dir()));
    }
}
