package io.rcbench.job;

import io.rcbench.capacity.CapacitySearch;
import io.rcbench.capacity.NextStep;
import io.rcbench.capacity.StepRunner;
import io.rcbench.capacity.model.ModelSummary;
import io.rcbench.profile.Limits;
import io.rcbench.profile.Profile;
import io.rcbench.report.RunIndexWriter;
import io.rcbench.report.RunReportWriter;
import io.rcbench.run.RunFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A capacity search with the main job as its step runner: each level is a full run of the profile scaled to that
 * many active users (same seed every time; on the embedded workspace a fresh workspace per step), judged by the
 * profile's SLOs. Steps are written under {@code reports/<id>-steps/}; the capacity run {@code reports/<id>/} holds
 * the ceiling's run (or the last step's) with {@code capacity.json} beside it, and its report shows the curve.
 */
public final class CapacityJob {
    private final Profile profile;
    private final ProfilePlans.Target target;
    private final Path reports;
    private final List<String> workspaceArgs;
    private final Adapters adapters;
    private final PrintStream console;
    private Path written;

    public CapacityJob(Profile profile, ProfilePlans.Target target, Path reports, List<String> workspaceArgs,
                       Adapters adapters, PrintStream console) {
        this.adapters = adapters;
        this.profile = profile;
        this.target = target;
        this.reports = reports;
        this.workspaceArgs = List.copyOf(workspaceArgs);
        this.console = console;
    }

    /** The capacity run folder the last {@link #run} wrote, or empty when no step produced one. */
    public java.util.Optional<Path> written() {
        return java.util.Optional.ofNullable(written);
    }

    /** A search without probes past the ceiling. */
    public CapacitySearch.Outcome run(NextStep decide, int maxSteps) throws Exception {
        return run(decide, maxSteps, 0);
    }

    /** A search with up to {@code probes} levels past the ceiling for the scalability model. */
    public CapacitySearch.Outcome run(NextStep decide, int maxSteps, int probes) throws Exception {
        String id = MainJob.newRunId(profile.name() + "-capacity");
        Path steps = reports.resolve(id + "-steps");
        RunFolder[] last = new RunFolder[1];
        StepRunner runner = (users, confirmation) -> {
            Profile scaled = withEnoughSamples(profile.scaledTo(users));
            String runId = id + "-" + users + "u" + (confirmation ? "-confirm" : "");
            MainJob.Outcome out = new MainJob(ProfilePlans.jobSpec(scaled, runId, target, steps, workspaceArgs)
                .withEarlyStop(), adapters, console).run();
            last[0] = out.folder();
            return new StepRunner.Result(out.verdict() == null ? "INCONCLUSIVE" : out.verdict().status().name(),
                out.folder());
        };
        CapacitySearch.Outcome searched = new CapacitySearch(decide, maxSteps, probes).run(profile, runner, console);
        CapacitySearch.Outcome o = target.url() != null ? searched : withHeldCores(searched);
        RunFolder shown = o.ceilingRun() != null ? o.ceilingRun() : last[0];
        if (shown != null) {
            RunFolder folder = new RunFolder(reports.resolve(id));
            written = folder.dir();
            copyRun(shown, folder);
            var summary = folder.readSummary();
            if (summary.gatlingReport() != null) {
                // the step's Gatling report stays in the step's folder
                String link = folder.dir().relativize(shown.dir().resolve(summary.gatlingReport())).toString();
                folder.writeSummary(summary.withGatlingReport(link));
            }
            o.result().write(folder.dir());
            RunReportWriter.write(folder.dir());
            RunIndexWriter.write(reports);
            console.println("capacity report: " + folder.dir().resolve(RunFolder.REPORT));
        }
        console.print(summary(o));
        return o;
    }

    /** On the embedded workspace: the cores taskset actually gave it, never more than this machine has. */
    private CapacitySearch.Outcome withHeldCores(CapacitySearch.Outcome o) {
        var e = o.result().envelope();
        if (e == null) {
            return o;
        }
        int held = Math.min(ProfilePlans.envelope(profile).cores(), Runtime.getRuntime().availableProcessors());
        return new CapacitySearch.Outcome(o.result().withEnvelope(new io.rcbench.run.CapacityResult.Envelope(e.name(),
            e.cores(), e.memoryMb(), held)), o.steps(), o.ceilingRun(), o.reachedMax(), o.stepBudgetSpent());
    }

    /**
     * A small level sends few messages: its hold is lengthened until every required percentile is likely to rest on
     * enough samples, so a level is not left INCONCLUSIVE (and the search blind) for lack of data.
     */
    static Profile withEnoughSamples(Profile p) {
        long needed = io.rcbench.profile.SampleForecast.holdSecondsNeeded(p).orElse(p.phases().holdSeconds());
        if (needed <= p.phases().holdSeconds()) {
            return p;
        }
        var ph = new io.rcbench.profile.Phases(p.phases().loginsPerSecond(), p.phases().warmupSeconds(),
            (int) Math.min(needed, 4L * p.phases().holdSeconds() + 60));
        return new Profile(p.name(), p.description(), p.parent(), p.limits(), p.envelope(), p.population(), p.mix(),
            p.slos(), p.injector(), ph, p.assumptions());
    }

    /** The lines printed at the end: the curve, the knee, the ceiling, and documented vs measured. */
    String summary(CapacitySearch.Outcome o) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%n%-8s %-13s %10s %10s %10s %12s %10s %8s %8s%n", "active", "verdict", "send p50",
            "send p95", "send p99", "delivery p95", "actions/s", "sends/s", "errors"));
        o.result().steps().stream().sorted(java.util.Comparator.comparingInt(s -> s.activeUsers())).forEach(s -> {
            var send = s.actions().get("sendMessage");
            b.append(String.format("%-8d %-13s %10s %10s %10s %12s %10.1f %8.2f %8d%n", s.activeUsers(),
                s.pass() ? "PASS" : s.probe() ? "probe" : "not held", ms(send == null ? null : send.p50Ms()),
                ms(send == null ? null : send.p95Ms()), ms(send == null ? null : send.p99Ms()),
                ms(s.delivery() == null ? null : s.delivery().p95Ms()), s.throughputPerSec(),
                s.completedPerSec().getOrDefault("sendMessage", 0.0), s.errors()));
        });
        Integer ceiling = o.result().ceilingUsers();
        b.append("knee: ").append(o.result().kneeUsers() == null ? "not found" : o.result().kneeUsers() + " active users")
            .append('\n');
        b.append("ceiling: ").append(ceiling == null ? "none (even the lowest level missed its SLOs)"
            : ceiling + " active users" + (o.reachedMax() ? " (the search's maximum: the real ceiling is higher)" : ""))
            .append(o.stepBudgetSpent() ? " (step budget spent before the search converged)" : "").append('\n');
        profile.limits().map(Limits::activeUsers).filter(java.util.OptionalInt::isPresent)
            .map(java.util.OptionalInt::getAsInt).ifPresent(documented -> {
                if (ceiling != null) {
                    b.append(String.format("documented %d active users vs measured ceiling %d: %.2fx%n", documented,
                        ceiling, ceiling / (double) documented));
                }
            });
        if (o.result().model() != null) {
            b.append(ModelSummary.lines(o.result()));
        } else {
            b.append("model: not fitted (fewer than 3 distinct loads completed any action)\n");
        }
        return b.toString();
    }

    private static String ms(Double v) {
        return v == null ? "-" : String.format("%.1f ms", v);
    }

    private static void copyRun(RunFolder from, RunFolder to) throws IOException {
        Files.createDirectories(to.dir());
        try (var files = Files.list(from.dir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.equals(RunFolder.REPORT)) {
                    Files.copy(f, to.dir().resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
