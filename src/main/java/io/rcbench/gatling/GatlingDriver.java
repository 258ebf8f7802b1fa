package io.rcbench.gatling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs a simulation class in this JVM with Gatling's own launcher (not the Maven plugin), so rcbench's recorders
 * and Gatling's stats see the same virtual users. Gatling writes its report under {@code resultsDir}. The JVM needs
 * {@code --add-opens java.base/java.lang} and {@code java.base/jdk.internal.misc} (the jar manifest carries them).
 */
public final class GatlingDriver {
    private GatlingDriver() {
    }

    /**
     * Publishes {@code context}, runs {@code simulationClass} to its end and returns Gatling's exit code (0 when the
     * simulation ran and Gatling's own assertions, if any, held).
     */
    public static int run(RunContext context, String simulationClass, Path resultsDir) throws java.io.IOException {
        Files.createDirectories(resultsDir);
        RunContext.publish(context);
        try {
            return io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"--simulation", simulationClass,
                "--results-folder", resultsDir.toString(), "--run-description", context.plan().runId()});
        } finally {
            RunContext.clear(context);
        }
    }

    /** The folder Gatling wrote its report into ({@code <simulation>-<timestamp>/index.html}), if any. */
    public static Optional<Path> reportOf(Path resultsDir) throws java.io.IOException {
        if (!Files.isDirectory(resultsDir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(resultsDir)) {
            return s.filter(p -> Files.exists(p.resolve("index.html"))).max(Path::compareTo);
        }
    }
}
