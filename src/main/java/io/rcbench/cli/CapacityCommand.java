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

    @Option(names = "--probes", defaultValue = "2", description = "Levels run past the lowest failure, while "
        + "throughput has not bent yet, so the scalability model sees where it saturates (default: ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--workspace-arg", description = "Extra flag for the embedded workspace (repeatable), e.g. "
        + "--workspace-arg=--fault-service=sendMessage=20ms.")
    List<String> workspaceArgs = new ArrayList<>();

    @Option(names = "--envelopes", paramLabel = "FIELD=V1,V2,...", description = "One search per envelope, e.g. "
        + "cores=1,2,4 or memoryMb=512,1024 (a profile envelope field), then the sizing page over them.")
    String envelopes;

    @Override
    public Integer call() throws Exception {
        LiveExporter live;
        try {
            live = targetOptions.startLive(java.nio.file.Path.of(profile).getFileName().toString()
                .replaceFirst("\\.ya?ml$", ""), "0/1");
        } catch (java.net.BindException e) {
            System.err.println("cannot serve live metrics on " + targetOptions.metricsHost + ":"
                + targetOptions.metricsPort + ": " + e.getMessage());
            return ExitCodes.RUN_ERROR;
        }
        try {
            return envelopes != null ? acrossEnvelopes() : single();
        } finally {
            targetOptions.stopLive(live);
        }
    }

    private int single() throws Exception {
        Profile p;
        try {
            p = profileOptions.load(profile);
        } catch (ProfileException e) {
            System.err.println(e.getMessage());
            return ExitCodes.INVALID_PROFILE;
        }
        return search(p).result().ceilingUsers() == null ? ExitCodes.FAIL : ExitCodes.PASS;
    }

    /** One search per envelope value, each a capacity run of its own, then {@code sizing} over them. */
    private int acrossEnvelopes() throws Exception {
        String[] kv = envelopes.split("=", 2);
        if (kv.length != 2 || kv[1].isBlank() || !kv[0].matches("cores|memoryMb|clockGhz")) {
            System.err.println("--envelopes: expected cores=1,2,4 (or memoryMb=..., clockGhz=...), got " + envelopes);
            return ExitCodes.USAGE;
        }
        List<Profile> profiles = new ArrayList<>();
        for (String v : kv[1].split(",")) {
            List<String> sets = new ArrayList<>(profileOptions.sets);
            sets.add("envelope." + kv[0] + "=" + v.trim());
            try {
                profiles.add(new io.rcbench.profile.ProfileLoader(profileOptions.profiles).load(profile, sets));
            } catch (ProfileException e) {
                System.err.println(kv[0] + "=" + v.trim() + ": " + e.getMessage());
                return ExitCodes.INVALID_PROFILE;
            }
        }
        if (kv[0].equals("cores") && targetOptions.target == null) {
            int machine = Runtime.getRuntime().availableProcessors();
            profiles.stream().filter(p -> p.envelope().wholeCores() > machine).findFirst().ifPresent(p -> System.out.println(
                "note: this machine has " + machine + " cores; the embedded workspace is held to at most " + machine
                    + ", and the sizing page says so for each envelope above it"));
        }
        List<java.nio.file.Path> runs = new ArrayList<>();
        for (Profile p : profiles) {
            System.out.println("envelope: " + io.rcbench.capacity.CapacitySearch.label(p.envelope().cores(),
                p.envelope().memoryMb()));
            CapacityJob job = job(p);
            job.run(decision(p), maxSteps, probes);
            job.written().ifPresent(runs::add);
        }
        if (runs.isEmpty()) {
            System.err.println("no envelope produced a capacity run");
            return ExitCodes.FAIL;
        }
        return SizingCommand.run(runs, targetOptions.reports.resolve(io.rcbench.job.MainJob.newRunId(profiles.get(0).name() + "-sizing")),
            profileOptions.profiles, System.out, System.err);
    }

    private CapacitySearch.Outcome search(Profile p) throws Exception {
        return job(p).run(decision(p), maxSteps, probes);
    }

    private CapacityJob job(Profile p) {
        return new CapacityJob(p, targetOptions.toTarget(Shard.WHOLE, 0), targetOptions.reports, workspaceArgs,
            Wiring.adapters(targetOptions.localAddresses), System.out);
    }

    private NextStep decision(Profile p) {
        int active = p.population().activeUsers();
        int first = start != null ? start : Math.max(1, active / 4);
        int highest = max != null ? max : Math.max(first, active * 8);
        return new NextStep(first, highest, growth, resolutionPercent / 100, resolutionUsers);
    }
}
