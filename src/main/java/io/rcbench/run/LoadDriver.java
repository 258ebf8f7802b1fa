package io.rcbench.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The port through which the orchestration (job/) drives load without knowing the load generator: the Gatling
 * adapter ({@code gatling.GatlingLoadDriver}) implements it and cli/ wires it in.
 */
public interface LoadDriver {
    /**
     * A run of {@code plan} recording into {@code metrics}, not started yet.
     *
     * @param drain        how long users stay connected after the hold so in-flight deliveries can arrive
     * @param startAtNanos when the ramp must start ({@link System#nanoTime()}), or 0 for as soon as it can
     */
    LoadRun prepare(LoadPlan plan, RunMetrics metrics, Duration drain, long startAtNanos);

    /**
     * Drives {@code run} (made by {@link #prepare}) with {@code simulation} to its end, writing the load generator's
     * own report under {@code resultsDir}; returns its exit code (0: it ran and its own assertions held).
     */
    int drive(LoadRun run, String simulation, Path resultsDir) throws IOException;

    /** The folder the load generator's own report is in (it holds {@code index.html}), if it wrote one. */
    Optional<Path> reportOf(Path resultsDir) throws IOException;
}
