package io.rcbench.cli;

import io.rcbench.capacity.CapacitySearch;
import io.rcbench.capacity.NextStep;
import io.rcbench.job.CapacityJob;
import io.rcbench.job.Shard;
import io.rcbench.live.LiveExporter;
import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileException;
import io.rcbench.verdict.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rcbench capacity --profile X}: the highest number of concurrently active users the target sustains with the
 * profile's mix, population shape and SLOs. Exit 0 when a ceiling was found, 1 when even the lowest level failed.
 */
@Command(name = "capacity", mixinStandardHelpOptions = true,
    description = "Find the highest active-user level that holds a profile's SLOs: step up, bisect, confirm.")
final class CapacityCommand implements Callable<Integer> {
    @Option(names = "--profile", required = true, description = "Profile name in --profiles or a file.")
    String profile;

    @Mixin
    ProfileOptions profileOptions;

    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--start", description = "First level (default: a quarter of the profile's active users, at least 1).")
    Integer start;

    @Option(names = "--max", description = "Highest level tried (default: 8x the profile's active users).")
    Integer max;

    @Option(names = "--growth", defaultValue = "2", description = "Step-up factor (default: ${DEFAULT-VALUE}).")
    double growth;

    @Option(names = "--resolution-percent", defaultValue = "5",
        description = "Stop bisecting within this share of the level (default: ${DEFAULT-VALUE}%%).")
    double resolutionPercent;

    @Option(names = "--resolution-users", defaultValue = "10",
        description = "...or within this many users, whichever is larger (default: ${DEFAULT-VALUE}).")
    int resolutionUsers;

    @Option(names = "--max-steps", defaultValue = "16", description = "Step budget (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--workspace-arg", description = "Extra flag for the embedded workspace (repeatable), e.g. "
        + "--workspace-arg=--fault-service=sendMessage=20ms.")
    List<String> workspaceArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Profile p;
        try {
            p = profileOptions.load(profile);
        } catch (ProfileException e) {
            System.err.println(e.getMessage());
            return ExitCodes.INVALID_PROFILE;
        }
        int active = p.population().activeUsers();
        int first = start != null ? start : Math.max(1, active / 4);
        int highest = max != null ? max : Math.max(first, active * 8);
        NextStep decide = new NextStep(first, highest, growth, resolutionPercent / 100, resolutionUsers);
        LiveExporter live;
        try {
            live = targetOptions.startLive(p.name(), "0/1");
        } catch (java.net.BindException e) {
            System.err.println("cannot serve live metrics on " + targetOptions.metricsHost + ":"
                + targetOptions.metricsPort + ": " + e.getMessage());
            return ExitCodes.RUN_ERROR;
        }
        try {
            CapacitySearch.Outcome o = new CapacityJob(p, targetOptions.toTarget(Shard.WHOLE, 0), targetOptions.reports,
                workspaceArgs, System.out).run(decide, maxSteps);
            return o.result().ceilingUsers() == null ? ExitCodes.FAIL : ExitCodes.PASS;
        } finally {
            targetOptions.stopLive(live);
        }
    }
}
