package io.rcbench.cli;

import io.rcbench.report.Reports;
import io.rcbench.verdict.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rcbench report <run-dir>}: regenerates a run's HTML report and the index of all runs from stored logs. */
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
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("report: " + e.getMessage());
            return ExitCodes.RUN_ERROR;
        }
    }
}
