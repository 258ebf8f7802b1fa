package io.rcbench.cli;

import io.rcbench.job.JobSpec;
import io.rcbench.job.MainJob;
import io.rcbench.job.Population;
import io.rcbench.job.PreflightException;
import io.rcbench.run.HealthProbe;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.RunSummary;
import io.rcbench.workspace.Envelope;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rcbench run}: the main job. Without {@code --target} it starts the embedded workspace in its own JVM held
 * to the envelope, seeds it, and runs the chat simulation; with {@code --target} it preflights and provisions the
 * given workspace (admin credentials from the environment) and runs the same simulation against it.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the chat simulation against the embedded workspace (default) or --target; write reports/<run-id>/.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--target", description = "Rocket.Chat base URL (http(s)://host:port). Default: the embedded workspace.")
    URI target;

    @Option(names = "--users", defaultValue = "40", description = "Accounts provisioned (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--active", defaultValue = "10", description = "Concurrently active users (default: ${DEFAULT-VALUE}).")
    int active;

    @Option(names = "--idle", defaultValue = "10", description = "Connected idle users (default: ${DEFAULT-VALUE}).")
    int idle;

    @Option(names = "--room-size", defaultValue = "10", description = "Members per room (default: ${DEFAULT-VALUE}).")
    int roomSize;

    @Option(names = "--bots", defaultValue = "2", description = "Reactive bots (default: ${DEFAULT-VALUE}).")
    int bots;

    @Option(names = "--webhooks", defaultValue = "2", description = "Incoming webhooks (default: ${DEFAULT-VALUE}).")
    int webhooks;

    @Option(names = "--logins-per-second", defaultValue = "10", description = "Login arrival rate (default: ${DEFAULT-VALUE}).")
    double loginsPerSecond;

    @Option(names = "--hold", defaultValue = "30s", description = "Hold duration, e.g. 30s, 10m (default: ${DEFAULT-VALUE}).")
    String hold;

    @Option(names = "--transport", defaultValue = "ddp", description = "ddp or rest (Rocket.Chat 9) (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--cores", defaultValue = "1", description = "Embedded workspace envelope: CPUs (default: ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--memory-mb", defaultValue = "1024", description = "Embedded workspace envelope: heap MB (default: ${DEFAULT-VALUE}).")
    long memoryMb;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of schedules and choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--relax-rate-limits", description = "Switch the target's rate limiters off for the run (admin needed).")
    boolean relaxLimits;

    @Option(names = "--prometheus", description = "The target's Prometheus endpoint, scraped during the run.")
    URI prometheus;

    @Option(names = "--reports", defaultValue = "reports", description = "Where runs are written (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Override
    public Integer call() throws Exception {
        String runId = MainJob.newRunId(null);
        LoadPlan.Rates rates = new LoadPlan.Rates(2, 0.5, 1, 0.5, 1500, 0.05, 0.7, 100 * 1024, 2 * 1024 * 1024,
            10 * 1024 * 1024, 0.3, 0.05, 2, 1);
        LoadPlan plan = new LoadPlan(runId, target == null ? URI.create("http://127.0.0.1") : target, transport,
            "user.", "bot.", System.getenv().getOrDefault("RCBENCH_USER_PASSWORD", "performance"), active, idle,
            loginsPerSecond, Durations.parse(hold), rates, bots, List.of(), seed, Duration.ofSeconds(30),
            Duration.ofMillis(100), Duration.ofSeconds(30));
        JobSpec spec = new JobSpec(target, new Envelope(cores, memoryMb),
            new Population(Math.max(users, active + idle), roomSize, "c", bots, webhooks), plan, null, prometheus,
            relaxLimits, System.getenv("RCBENCH_ADMIN_USER"), System.getenv("RCBENCH_ADMIN_PASSWORD"), reports,
            "io.rcbench.simulations.ChatSimulation", Duration.ofSeconds(5));
        try {
            MainJob.Outcome out = new MainJob(spec, System.out, HealthProbe.NONE).run();
            RunSummary s = out.summary();
            System.out.printf("run %s done: %s%n", s.runId(), out.folder().dir());
            return 0;
        } catch (PreflightException e) {
            System.err.println("preflight failed: " + e.getMessage());
            return 3;
        }
    }
}
