package io.rcbench.gatling;

import io.rcbench.ddp.ws.LocalAddresses;
import io.rcbench.run.LoadDriver;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.LoadRun;
import io.rcbench.run.RunMetrics;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Gatling as the {@link LoadDriver}: runs are {@link RunContext}s driven by {@link GatlingDriver}. */
public final class GatlingLoadDriver implements LoadDriver {
    private final LocalAddresses local;

    /** A driver whose DDP sockets the OS binds. */
    public GatlingLoadDriver() {
        this(List.of());
    }

    /** A driver whose DDP sockets bind to {@code localAddresses} in turn (empty: the OS chooses). */
    public GatlingLoadDriver(List<InetAddress> localAddresses) {
        this.local = LocalAddresses.of(localAddresses);
    }

    @Override
    public LoadRun prepare(LoadPlan plan, RunMetrics metrics, Duration drain, long startAtNanos) {
        return new RunContext(plan, metrics, drain, startAtNanos).bindingTo(local);
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
