package io.rcbench.cli;

import io.rcbench.bench.UserLatenessBench;
import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileLoader;
import io.rcbench.profile.SampleForecast;
import io.rcbench.run.RunFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rcbench bench-users}: are the simulated users the bottleneck? Runs a profile (default ci-smoke) on the
 * embedded workspace, then the same at each mix level given, and prints per action corrected vs raw latency against
 * the target {@code corrected p99 <= 1.2 x raw p99 + 5 ms}. {@code --run-dir} prints the figures of a finished run.
 */
@Command(name = "bench-users", mixinStandardHelpOptions = true,
    description = "Benchmark: per action, corrected vs raw latency on an idle embedded workspace (are the users the bottleneck?).")
final class UsersBenchCommand implements Callable<Integer> {
    @Option(names = "--profile", defaultValue = "ci-smoke", description = "Profile to run (default: ${DEFAULT-VALUE}).")
    String profile;

    @Mixin
    ProfileOptions profileOptions;

    @Option(names = "--levels", split = ",", description = "Also run the profile at these mix levels, e.g. limited,moderate,heavy.")
    List<String> levels = new ArrayList<>();

    @Option(names = "--max-hold-seconds", defaultValue = "300", description = "A level's hold is the one its "
        + "percentiles need for enough samples, at most this (default: ${DEFAULT-VALUE}).")
    long maxHoldSeconds;

    @Option(names = "--skip-profile", description = "Run only the --levels, not the profile as it is.")
    boolean skipProfile;

    @Option(names = "--run-dir", description = "Only print the figures of this finished run folder.")
    Path runDir;

    @Option(names = "--reports", defaultValue = "target/bench-users", description = "Where the runs go (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Override
    public Integer call() throws Exception {
        if (runDir != null) {
            UserLatenessBench.print(runDir.toString(), UserLatenessBench.rows(new RunFolder(runDir)), System.out);
            return 0;
        }
        ProfileLoader loader = new ProfileLoader(profileOptions.profiles);
        List<String> titles = new ArrayList<>();
        List<List<UserLatenessBench.Row>> tables = new ArrayList<>();
        if (!skipProfile) {
            Profile p = loader.load(profile, profileOptions.sets);
            RunFolder f = UserLatenessBench.run(Wiring.adapters(), p, reports, System.out);
            titles.add(profile + " as it is (" + f.dir() + ")");
            tables.add(UserLatenessBench.rows(f));
        }
        for (String level : levels) {
            List<String> sets = new ArrayList<>(profileOptions.sets);
            sets.add("mix.level=" + level);
            long hold = SampleForecast.holdSecondsNeeded(loader.load(profile, sets)).orElse(maxHoldSeconds);
            sets.add("hold.seconds=" + Math.min(maxHoldSeconds, Math.max(hold, 45)));
            Profile p = loader.load(profile, sets);
            RunFolder f = UserLatenessBench.run(Wiring.adapters(), p, reports, System.out);
            titles.add(profile + " at mix level " + level + ", hold " + p.phases().holdSeconds() + " s (" + f.dir() + ")");
            tables.add(UserLatenessBench.rows(f));
        }
        for (int i = 0; i < titles.size(); i++) {
            UserLatenessBench.print(titles.get(i), tables.get(i), System.out);
        }
        return 0;
    }
}
