package io.rcbench.cli;

import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileException;
import io.rcbench.profile.ProfileLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The profile options shared by run and capacity: overrides and the profiles folder (the name is each command's). */
final class ProfileOptions {
    @Option(names = "--set", description = "Override a profile field, e.g. --set hold.seconds=60 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--profiles", defaultValue = "profiles", description = "Profiles folder (default: ${DEFAULT-VALUE}).")
    Path profiles;

    Profile load(String name) throws ProfileException {
        return new ProfileLoader(profiles).load(name, sets);
    }
}
