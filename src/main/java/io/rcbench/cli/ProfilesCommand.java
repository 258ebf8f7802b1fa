package io.rcbench.cli;

import io.rcbench.profile.ProfileError;
import io.rcbench.profile.ProfileException;
import io.rcbench.profile.ProfileLoader;
import io.rcbench.profile.SampleForecast;
import io.rcbench.verdict.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rcbench profiles validate|show}: checks profile files and prints a resolved profile. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
    description = "Hardware profiles: validate files, show a resolved profile.",
    subcommands = {ProfilesCommand.Validate.class, ProfilesCommand.Show.class})
final class ProfilesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    /** {@code profiles validate [files...]}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validates profile files (default: every *.yaml in --dir, mixes.yaml included). "
            + "Prints file:line: field: problem for each error; exit 0 when all are valid, "
            + ExitCodes.INVALID_PROFILE + " otherwise.")
    static final class Validate implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--dir", defaultValue = "profiles", description = "Profiles folder (default: ${DEFAULT-VALUE}).")
        Path dir;
        @Parameters(arity = "0..*", paramLabel = "FILE") List<Path> files = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ProfileLoader loader = new ProfileLoader(dir);
            List<Path> todo = new ArrayList<>(files);
            if (todo.isEmpty()) {
                todo.addAll(loader.profileFiles());
                todo.add(dir.resolve(ProfileLoader.MIXES_FILE));
            }
            int bad = 0;
            for (Path f : todo) {
                List<ProfileError> errors = loader.validate(f);
                if (errors.isEmpty()) {
                    out.println("ok      " + f);
                    warnings(loader, f).forEach(w -> out.println("  warning: " + w));
                } else {
                    bad++;
                    out.println("INVALID " + f);
                    errors.forEach(e -> err.println("  " + e));
                }
            }
            out.println(todo.size() - bad + " valid, " + bad + " invalid");
            return bad == 0 ? ExitCodes.PASS : ExitCodes.INVALID_PROFILE;
        }
    }

    /** Sample-count warnings of a valid runnable profile; none for mixes and abstract profiles. */
    static List<String> warnings(ProfileLoader loader, Path f) {
        if (f.getFileName().toString().equals(ProfileLoader.MIXES_FILE)) {
            return List.of();
        }
        try {
            var r = loader.resolve(f.toString(), List.of());
            return r.profile() == null ? List.of() : SampleForecast.warnings(r.profile());
        } catch (ProfileException e) {
            return List.of();
        }
    }

    /** {@code profiles show <name>}: the resolved profile, each value with the file and line that set it. */
    @Command(name = "show", mixinStandardHelpOptions = true,
        description = "Prints a profile after extends, mix level and --set overrides, each value with its origin.")
    static final class Show implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--dir", defaultValue = "profiles", description = "Profiles folder (default: ${DEFAULT-VALUE}).")
        Path dir;
        @Option(names = "--set", paramLabel = "FIELD=VALUE",
            description = "Override a field, e.g. --set hold.seconds=60 --set population.activeUsers=120.")
        List<String> overrides = new ArrayList<>();
        @Parameters(index = "0", paramLabel = "NAME", description = "Profile name (minimal-vps) or file.") String name;

        @Override
        public Integer call() {
            try {
                var r = new ProfileLoader(dir).resolve(name, overrides);
                PrintWriter out = spec.commandLine().getOut();
                out.println("# profile " + name + (r.isAbstract() ? " (abstract)" : "")
                    + ", resolved; each value is followed by the file:line that set it");
                out.print(r.annotatedYaml());
                if (r.profile() != null) {
                    var p = r.profile();
                    out.printf("# connected users %d, ramp %d s, warmup %d s, hold %d s%n",
                        p.population().connectedUsers(), p.phases().ramp(p.population().connectedUsers()).toSeconds(),
                        p.phases().warmupSeconds(), p.phases().holdSeconds());
                    out.println("# expected samples in the hold: " + String.join(", ", SampleForecast.expected(p)
                        .entrySet().stream().map(e -> e.getKey() + " " + Math.round(e.getValue())).toList()));
                    SampleForecast.warnings(p).forEach(w -> out.println("# warning: " + w));
                }
                out.flush();
                return ExitCodes.PASS;
            } catch (ProfileException e) {
                e.errors().forEach(er -> spec.commandLine().getErr().println(er));
                return ExitCodes.INVALID_PROFILE;
            }
        }
    }
}
