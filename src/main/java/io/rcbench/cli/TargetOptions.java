package io.rcbench.cli;

import io.rcbench.job.ProfilePlans;
import io.rcbench.job.Shard;
import io.rcbench.live.LiveExporter;
import java.io.IOException;
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

    @Option(names = "--local-addresses", split = ",", converter = OptionConverters.LocalAddress.class,
        description = "Bind the DDP connections to these local addresses in turn, e.g. 10.0.0.5,10.0.0.6: each reaches"
        + " the target through its own ephemeral ports (about 28,000 by default). Default: the OS chooses.")
    java.util.List<java.net.InetAddress> localAddresses = new java.util.ArrayList<>();

    @Option(names = "--reports", defaultValue = "reports", description = "Where runs are written (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--metrics-port", defaultValue = "${env:RCBENCH_METRICS_PORT}", description = "Serve this "
        + "injector's live figures for Prometheus on http://<--metrics-host>:PORT/metrics during the run (0: a free "
        + "port, printed). Default: $RCBENCH_METRICS_PORT (set in the injector image), else off.")
    Integer metricsPort;

    @Option(names = "--metrics-host", defaultValue = "${env:RCBENCH_METRICS_HOST:-127.0.0.1}",
        description = "Address /metrics binds to; 0.0.0.0 for a Prometheus on another machine (default: ${DEFAULT-VALUE}).")
    String metricsHost;

    @Option(names = "--metrics-linger", defaultValue = "${env:RCBENCH_METRICS_LINGER:-0s}", description = "Keep /metrics up this long after the run "
        + "so Prometheus scrapes its final figures, e.g. 30s (two scrape intervals) (default: ${DEFAULT-VALUE}).")
    String metricsLinger;

    /** Starts the live /metrics endpoint when {@code --metrics-port} is given; null otherwise. */
    LiveExporter startLive(String profile, String shard) throws IOException {
        if (metricsPort == null) {
            return null;
        }
        Durations.parse(metricsLinger); // refuse a bad duration before the run, not after it
        LiveExporter live = LiveExporter.start(metricsHost, metricsPort, profile, shard);
        System.out.printf("live metrics: http://%s:%d/metrics%n", metricsHost, live.port());
        return live;
    }

    /** Keeps {@code live} up for {@code --metrics-linger}, then stops it; nothing for null. */
    void stopLive(LiveExporter live) throws InterruptedException {
        if (live == null) {
            return;
        }
        try {
            Thread.sleep(Durations.parse(metricsLinger).toMillis());
        } finally {
            live.close();
        }
    }

    ProfilePlans.Target toTarget(Shard shard, long startAtEpochMs) {
        return new ProfilePlans.Target(target, transport, seed, relaxLimits, prometheus, shard, startAtEpochMs,
            provisioned, allowSmallerEnvelope);
    }
}
