package io.rcbench.gatling;

import io.rcbench.run.LoadDriver;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.LoadRun;
import io.rcbench.run.RunMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Gatling as the {@link LoadDriver}: runs are {@link RunContext}s driven by {@link GatlingDriver}. */
public final class GatlingLoadDriver implements LoadDriver {
    @Override
    public LoadRun prepare(LoadPlan plan, RunMetrics metrics, Duration drain, long startAtNanos) {
        return new RunContext(plan, metrics, drain, startAtNanos);
    }

    @Override
    public int drive(LoadRun run, String simulation, Path resultsDir) throws IOException {
        if (!(run instanceof RunContext context)) {
            throw new IllegalArgumentException("not a run prepared by this driver: " + run);
        }
        return GatlingDriver.run(context, simulation, resultsDir);
    }

    @Override
    public Optional<Path> reportOf(Path resultsDir) throws IOException {
        return GatlingDriver.reportOf(resultsDir);
    }
}
