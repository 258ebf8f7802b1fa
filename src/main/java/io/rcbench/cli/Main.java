package io.rcbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rcbench <command>}: the entry point of the shaded jar. */
@Command(name = "rcbench", mixinStandardHelpOptions = true, version = "rcbench 0.1.0",
    description = "Load testing and capacity benchmarking for Rocket.Chat workspaces.",
    subcommands = {RunCommand.class, CapacityCommand.class, SizingCommand.class, MergeCommand.class, WorkspaceCommand.class, SeedCommand.class, ProfilesCommand.class,
        ReportCommand.class, CompareCommand.class, BenchCommand.class, ReportBenchCommand.class, MergeBenchCommand.class, AccuracyBenchCommand.class,
        SessionsBenchCommand.class, UsersBenchCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        // picocli's default usage code (2) would read as INCONCLUSIVE to a CI gate
        cli.getCommandSpec().exitCodeOnInvalidInput(io.rcbench.verdict.ExitCodes.USAGE);
        cli.getSubcommands().values().forEach(c -> c.getCommandSpec().exitCodeOnInvalidInput(
            io.rcbench.verdict.ExitCodes.USAGE));
        // picocli would print the stack trace and exit 1, which a CI gate reads as a FAIL verdict
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            System.err.println("rcbench: internal error, nothing judged: " + e);
            return io.rcbench.verdict.ExitCodes.RUN_ERROR;
        });
        return cli.execute(args);
    }
}
