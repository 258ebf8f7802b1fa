package io.rcbench.cli;

import io.rcbench.build.BuildInfo;
import io.rcbench.verdict.ExitCodes;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rcbench <command>}: the entry point of the shaded jar. Whatever goes wrong, the user reads one line
 * naming the command and the cause, and the exit code says which kind of wrong: {@link ExitCodes#USAGE} for a
 * bad command line, {@link ExitCodes#RUN_ERROR} for anything that stopped a command. Never a stack trace, and
 * never 1, which a CI gate reads as a failed verdict. {@code RCBENCH_STACK_TRACES=1} adds the stack trace.
 */
@Command(name = "rcbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Load testing and capacity benchmarking for Rocket.Chat workspaces.",
    subcommands = {RunCommand.class, CapacityCommand.class, SizingCommand.class, MergeCommand.class, WorkspaceCommand.class, SeedCommand.class, ProfilesCommand.class,
        ReportCommand.class, CompareCommand.class, BenchCommand.class, ReportBenchCommand.class, MergeBenchCommand.class, AccuracyBenchCommand.class,
        SessionsBenchCommand.class, UsersBenchCommand.class, StoreBenchCommand.class,
        InjectorCpuBenchCommand.class})
public final class Main {
    /** {@code --version}: rcbench's version from the build ({@link BuildInfo}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rcbench " + BuildInfo.version()};
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        // picocli's default usage code (2) would read as INCONCLUSIVE to a CI gate
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cli.getSubcommands().values().forEach(c -> c.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE));
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            PrintWriter err = command.getErr();
            err.println(command.getCommandName() + ": " + describe(e));
            if ("1".equals(System.getenv("RCBENCH_STACK_TRACES"))) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.RUN_ERROR;
        });
        return cli.execute(args);
    }

    /** One line for a bad command line, with a pointer to the help instead of the whole usage text. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage() + " (see: " + name + " --help)");
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.flush();
        return ExitCodes.USAGE;
    }

    /** The exception's message, or its kind when it has none, without the "java.lang." noise. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
