package io.rcbench.cli;

import io.rcbench.capacity.model.SizingAnalysis;
import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileException;
import io.rcbench.profile.ProfileLoader;
import io.rcbench.report.SizingPageWriter;
import io.rcbench.run.CapacityResult;
import io.rcbench.run.SizingResult;
import io.rcbench.verdict.ExitCodes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rcbench sizing RUN... [--envelope cores=N,memory=SIZE]...}: reads several capacity runs of one profile
 * (one per envelope or deployment), fits how the ceiling grows with cores and what memory it needs, and answers which
 * envelope holds the profile's documented user count and what each asked envelope holds, with intervals; writes
 * {@code sizing.json} and the sizing page. Exit 0 when a measured envelope holds the documented count, 1 otherwise,
 * 64 (usage) when the runs cannot be read or compared.
 */
@Command(name = "sizing", mixinStandardHelpOptions = true,
    description = "Fit how a profile's capacity ceiling grows with cores and memory across capacity runs, and answer "
        + "which envelope holds its documented user count and what a given envelope holds, with intervals.")
final class SizingCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Capacity run folders (each with capacity.json).")
    List<Path> runs;

    @Option(names = "--out", description = "Folder for sizing.json and index.html (default: the first run's "
        + "folder with -sizing appended).")
    Path out;

    @Option(names = "--profiles", defaultValue = "profiles",
        description = "Profiles folder whose documented envelopes fill the sizing table (default: ${DEFAULT-VALUE}).")
    Path profiles;

    @Option(names = "--envelope", paramLabel = "cores=N[,memory=SIZE]", description = "An envelope to predict for "
        + "(repeatable): the active users it is predicted to hold, with its interval and binding dimension, e.g. "
        + "cores=2,memory=4g (memory in MB unless suffixed g).")
    List<String> envelopes = new ArrayList<>();

    @Override
    public Integer call() {
        return run(runs, out, profiles, envelopes, System.out, System.err);
    }

    /** Reads, fits, writes, without envelopes asked about. */
    static int run(List<Path> runs, Path out, Path profiles, PrintStream console, PrintStream err) {
        return run(runs, out, profiles, List.of(), console, err);
    }

    /** Reads, fits, writes; messages instead of stack traces. */
    static int run(List<Path> runs, Path out, Path profiles, List<String> envelopes, PrintStream console,
                   PrintStream err) {
        List<SizingAnalysis.Query> queries = new ArrayList<>();
        for (String e : envelopes) {
            try {
                queries.add(SizingAnalysis.Query.parse(e));
            } catch (IllegalArgumentException ex) {
                err.println("--envelope: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
        }
        List<SizingAnalysis.Run> read = new ArrayList<>();
        for (Path dir : runs) {
            try {
                Optional<CapacityResult> r = CapacityResult.read(dir);
                if (r.isEmpty()) {
                    err.println(dir + ": no " + CapacityResult.FILE + " (not a capacity run)");
                    return ExitCodes.USAGE;
                }
                read.add(new SizingAnalysis.Run(dir.getFileName().toString(), r.get()));
            } catch (IOException e) {
                err.println(e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        SizingResult s;
        try {
            s = SizingAnalysis.of(read, documented(profiles, err), queries, SizingAnalysis.DEFAULT_SAMPLES);
        } catch (IllegalArgumentException e) {
            err.println("sizing: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Path dir = out != null ? out : runs.get(0).resolveSibling(runs.get(0).getFileName() + "-sizing");
        try {
            s.write(dir);
            Path page = SizingPageWriter.write(dir);
            s.answers().forEach(console::println);
            console.println("sizing page: " + page);
        } catch (IOException e) {
            err.println("sizing: cannot write " + dir + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        boolean held = s.documentedActiveUsers() != null && s.measured().stream()
            .anyMatch(m -> m.ceilingUsers() != null && m.ceilingUsers() >= s.documentedActiveUsers());
        return held ? ExitCodes.PASS : ExitCodes.FAIL;
    }

    /** Every profile in {@code dir} that documents active users, as a sizing-table row; unreadable ones skipped. */
    static List<SizingAnalysis.Documented> documented(Path dir, PrintStream err) {
        List<SizingAnalysis.Documented> out = new ArrayList<>();
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            return out;
        }
        ProfileLoader loader = new ProfileLoader(dir);
        try {
            for (Path f : loader.profileFiles()) {
                try {
                    Profile p = loader.load(f.toString());
                    p.limits().filter(l -> l.activeUsers().isPresent()).ifPresent(l -> out.add(
                        new SizingAnalysis.Documented(p.name(), p.envelope().cores(), p.envelope().memoryMb(),
                            l.activeUsers().getAsInt())));
                } catch (ProfileException | RuntimeException e) {
                    // abstract or broken profiles have no documented row; `rcbench profiles check` reports them
                }
            }
        } catch (IOException e) {
            err.println("sizing: cannot list " + dir + ": " + e.getMessage());
        }
        return out;
    }
}
