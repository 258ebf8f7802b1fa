package io.rcbench.cli;

import io.rcbench.report.CompareReportWriter;
import io.rcbench.verdict.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rcbench compare <run-a> <run-b>}: a side-by-side report of two runs, B's changes against A highlighted. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Render a side-by-side report of two runs: percentiles, throughput, errors and verdicts, "
        + "differences highlighted (B against A).")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<run-a>", description = "The baseline run folder.")
    Path runA;

    @Parameters(index = "1", paramLabel = "<run-b>", description = "The run compared with it.")
    Path runB;

    @Option(names = "--out", description = "Output file (default: compare-<a>-vs-<b>.html beside run A).")
    Path out;

    @Override
    public Integer call() {
        for (Path p : new Path[] {runA, runB}) {
            if (!Files.isDirectory(p)) {
                System.err.println("compare: " + p + " is not a directory");
                return ExitCodes.USAGE;
            }
        }
        Path a = runA.toAbsolutePath().normalize();
        Path b = runB.toAbsolutePath().normalize();
        Path target = out != null ? out : a.resolveSibling("compare-" + a.getFileName() + "-vs-" + b.getFileName() + ".html");
        try {
            System.out.println("comparison written to " + CompareReportWriter.write(a, b, target));
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("compare: " + e.getMessage());
            return ExitCodes.RUN_ERROR;
        }
    }
}
