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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rcbench merge <shards-dir> --out <run-dir>}: one run from the runs of N sharded injectors, judged by the
 * profile they ran (from {@code --profiles}, with the same {@code --set} overrides) and reported. A missing folder
 * is a usage error (64); shard runs that cannot be read or merged (a corrupt log included) are a run error (4),
 * found before any verdict is printed.
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
    public Integer call() {
        if (!Files.isDirectory(shards)) {
            System.err.println("merge: " + shards + " is not a folder (give the folder holding the shard runs)");
            return ExitCodes.USAGE;
        }
        RunFolder merged = new RunFolder(out);
        List<RunFolder> runs = List.of();
        try {
            runs = Merge.shardsIn(shards);
            RunSummary s = Merge.merge(runs, merged);
            System.out.printf("merged %d shards into %s: %d actions, deliveries %d/%d (%d lost)%n", runs.size(), out,
                s.actions().values().stream().mapToLong(RunSummary.ActionCounts::attempted).sum(), s.deliveries().received(),
                s.deliveries().expected(), s.deliveries().lost());
            Verdict verdict = null;
            int code = ExitCodes.PASS;
            if (s.profile() != null) {
                try {
                    Profile p = profileOptions.load(s.profile());
                    verdict = Evaluation.evaluate(merged, p);
                    code = verdict.exitCode();
                } catch (ProfileException e) {
                    System.err.println("merged without a verdict: profile " + s.profile() + " does not load: " + e.getMessage());
                    code = ExitCodes.INVALID_PROFILE;
                }
            }
            // the report reads every log again: a verdict is printed only once the whole run has been read
            Path report = RunReportWriter.write(out);
            if (out.toAbsolutePath().getParent() != null) {
                RunIndexWriter.write(out.toAbsolutePath().getParent());
            }
            if (verdict != null) {
                System.out.print(verdict.report());
            }
            System.out.println("report: " + report);
            return code;
        } catch (IOException | RuntimeException e) {
            System.err.println("merge: " + sourceNamed(Main.describe(e), runs, merged));
            return ExitCodes.RUN_ERROR;
        }
    }

    /** A problem found in the merged copy of shard i's log is the shard's own file's: name that one (same bytes). */
    private static String sourceNamed(String message, List<RunFolder> runs, RunFolder merged) {
        String named = message;
        for (int i = 0; i < runs.size(); i++) {
            try {
                List<Path> logs = runs.get(i).latencyLogs();
                if (!logs.isEmpty()) {
                    named = named.replace(merged.latencyLog(i).toString(), logs.get(logs.size() - 1).toString());
                }
            } catch (IOException unreadable) {
                // keep the merged copy's name
            }
        }
        return named;
    }
}
