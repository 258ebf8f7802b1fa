package io.rcbench.cli;

import io.rcbench.job.MainJob;
import io.rcbench.job.ProfilePlans;
import io.rcbench.job.Shard;
import io.rcbench.live.LiveExporter;
import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileException;
import io.rcbench.sut.PreflightException;
import io.rcbench.verdict.ExitCodes;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rcbench run}: the main job. Runs a profile: without {@code --target} against the embedded workspace started
 * in its own JVM held to the profile's envelope, otherwise against the given workspace (preflight, provisioning with
 * the admin credentials from the environment). Writes {@code reports/<run-id>/}; exits with the verdict's code.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a profile against the embedded workspace (default) or --target; judge it and write reports/<run-id>/.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--profile", defaultValue = "ci-smoke", description = "Profile name in --profiles or a file (default: ${DEFAULT-VALUE}).")
    String profile;

    @Mixin
    ProfileOptions profileOptions;

    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--shard", defaultValue = "0/1", converter = OptionConverters.ShardOf.class,
        description = "This injector's part of the run, i/N "
        + "(rooms and their users dealt round-robin); run N injectors with a common --start-at, then merge.")
    Shard shard;

    @Option(names = "--start-at", defaultValue = "0", description = "Common start of sharded injectors, epoch ms.")
    long startAt;

    @Override
    public Integer call() throws Exception {
        Profile p;
        try {
            p = profileOptions.load(profile);
        } catch (ProfileException e) {
            System.err.println(e.getMessage());
            return ExitCodes.INVALID_PROFILE;
        }
        LiveExporter live;
        try {
            live = targetOptions.startLive(p.name(), shard.index() + "/" + shard.count());
        } catch (java.net.BindException e) {
            System.err.println("cannot serve live metrics on " + targetOptions.metricsHost + ":"
                + targetOptions.metricsPort + ": " + e.getMessage());
            return ExitCodes.RUN_ERROR;
        }
        try {
            String runId = (startAt > 0 ? MainJob.runId(startAt, p.name()) : MainJob.newRunId(p.name())) + shard.suffix();
            MainJob.Outcome out = new MainJob(ProfilePlans.jobSpec(p, runId, targetOptions.toTarget(shard, startAt),
                targetOptions.reports, List.of()), Wiring.adapters(targetOptions.localAddresses), System.out).run();
            System.out.printf("run %s written to %s%n", out.summary().runId(), out.folder().dir());
            return out.exitCode();
        } catch (PreflightException e) {
            System.err.println("preflight failed, nothing was run: " + e.getMessage());
            return ExitCodes.RUN_ERROR;
        } finally {
            targetOptions.stopLive(live);
        }
    }

}
