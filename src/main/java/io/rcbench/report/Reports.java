package io.rcbench.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The report stage's entry point: after a run (or on demand) write the run's report and regenerate the index
 * of all runs beside it. Stateless.
 */
public final class Reports {
    private Reports() {
    }

    /** Writes {@code runDir/index.html} and {@code runDir/../index.html}; returns the run's report. */
    public static Path writeRun(Path runDir) throws IOException {
        Path dir = runDir.toAbsolutePath().normalize();
        Path report = RunReportWriter.write(dir);
        if (dir.getParent() != null) {
            RunIndexWriter.write(dir.getParent());
        }
        return report;
    }
}
