package io.rcbench.cli;

import io.rcbench.report.Reports;
import io.rcbench.report.RunData;
import io.rcbench.verdict.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rcbench report <run-dir>}: regenerates a run's HTML report and the index of all runs from stored logs. A
 * missing folder is a usage error (64), an unreadable or corrupt one a run error (4) with one line naming the file;
 * a folder without its verdict, latency log or timeline still gets its page, and the console and the page say
 * what is missing.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Regenerate reports/<run-id>/index.html and reports/index.html from the run's stored logs.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<run-dir>", description = "A run folder (reports/<run-id>).")
    Path runDir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(runDir)) {
            System.err.println("report: " + runDir + " is not a directory");
            return ExitCodes.USAGE;
        }
        try {
            long t0 = System.nanoTime();
            Path out = Reports.writeRun(runDir);
            System.out.printf("report written to %s (%.1f s)%n", out, (System.nanoTime() - t0) / 1e9);
            // the page says it too, at its top
            RunData.missingFiles(runDir).forEach(m -> System.err.println("report: incomplete run folder " + runDir + ": " + m));
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("report: " + Main.describe(e));
            return ExitCodes.RUN_ERROR;
        }
    }
}
