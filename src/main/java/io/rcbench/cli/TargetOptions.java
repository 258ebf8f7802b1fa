package io.rcbench.cli;

import io.rcbench.job.ProfilePlans;
import io.rcbench.job.Shard;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where and how a run goes, shared by run and capacity. */
final class TargetOptions {
    @Option(names = "--target", converter = OptionConverters.HttpUrl.class,
        description = "Rocket.Chat base URL (http(s)://host:port). Default: the embedded workspace.")
    URI target;

    @Option(names = "--transport", defaultValue = "ddp", converter = OptionConverters.Transport.class,
        description = "Actions over ddp or rest (Rocket.Chat 9) (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of schedules, choices and room layout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--relax-rate-limits", description = "Switch the target's rate limiters off for the run (admin needed).")
    boolean relaxLimits;

    @Option(names = "--provisioned", description = "The --target's accounts and rooms exist already: run without "
        + "admin credentials (RCBENCH_ADMIN_USER / RCBENCH_ADMIN_PASSWORD), provisioning nothing. Without it, a "
        + "--target without admin credentials is refused.")
    boolean provisioned;
    @Option(names = "--allow-smaller-envelope", description = "Judge the run even when this machine cannot give the "
        + "profile's envelope (fewer CPUs, a smaller heap); without it such a run is INCONCLUSIVE.")
    boolean allowSmallerEnvelope;

    @Option(names = "--prometheus", converter = OptionConverters.HttpUrl.class,
        description = "The target's Prometheus endpoint, scraped during the run.")
    URI prometheus;

    @Option(names = "--reports", defaultValue = "reports", description = "Where runs are written (default: ${DEFAULT-VALUE}).")
    Path reports;

    ProfilePlans.Target toTarget(Shard shard, long startAtEpochMs) {
        return new ProfilePlans.Target(target, transport, seed, relaxLimits, prometheus, shard, startAtEpochMs,
            provisioned, allowSmallerEnvelope);
    }
}
