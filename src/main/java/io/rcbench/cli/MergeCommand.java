package io.rcbench.cli;

import io.rcbench.job.Evaluation;
import io.rcbench.job.Merge;
import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileException;
import io.rcbench.report.RunIndexWriter;
import io.rcbench.report.RunReportWriter;
import io.rcbench.run.RunFolder;
import io.rcbench.run.RunSummary;
import io.rcbench.verdict.ExitCodes;
import io.rcbench.verdict.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rcbench merge <shards-dir> --out <run-dir>}: one run from the runs of N sharded injectors, judged by the
 * profile they ran (from {@code --profiles}, with the same {@code --set} overrides) and reported.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Merge the runs of sharded injectors (histograms added exactly) into one run, judge and report it.")
final class MergeCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Folder holding the shard runs (each with its summary.json).")
    Path shards;

    @Option(names = "--out", required = true, description = "The merged run's folder.")
    Path out;

    @Mixin
    ProfileOptions profileOptions;

    @Override
    public Integer call() throws Exception {
        List<RunFolder> runs = Merge.shardsIn(shards);
        RunFolder merged = new RunFolder(out);
        RunSummary s;
        try {
            s = Merge.merge(runs, merged);
        } catch (java.io.IOException e) {
            System.err.println("cannot merge: " + e.getMessage());
            return ExitCodes.RUN_ERROR;
        }
        System.out.printf("merged %d shards into %s: %d actions, deliveries %d/%d (%d lost)%n", runs.size(), out,
            s.actions().values().stream().mapToLong(RunSummary.ActionCounts::attempted).sum(), s.deliveries().received(),
            s.deliveries().expected(), s.deliveries().lost());
        int code = ExitCodes.PASS;
        if (s.profile() != null) {
            try {
                Profile p = profileOptions.load(s.profile());
                Verdict v = Evaluation.evaluate(merged, p);
                System.out.print(v.report());
                code = v.exitCode();
            } catch (ProfileException e) {
                System.err.println("merged without a verdict: profile " + s.profile() + " does not load: " + e.getMessage());
                code = ExitCodes.INVALID_PROFILE;
            }
        }
        System.out.println("report: " + RunReportWriter.write(out));
        if (out.toAbsolutePath().getParent() != null) {
            RunIndexWriter.write(out.toAbsolutePath().getParent());
        }
        return code;
    }
}
