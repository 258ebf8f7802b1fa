package io.rcbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder for a bench command's workspace data, removed when the command ends: on {@link #close()}, and on
 * Ctrl-C or any other JVM exit through a shutdown hook, so benches never leave {@code /tmp/rcbench-*} folders behind.
 */
final class ScratchFolder implements AutoCloseable {
    private final Path path;
    private final Thread hook;

    ScratchFolder(String prefix) throws IOException {
        path = Files.createTempDirectory(prefix);
        hook = new Thread(this::delete, "rcbench-scratch-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it deletes the folder itself
        }
    }

    /** Deletes the folder and everything in it; files still held open elsewhere are left, never a failure. */
    private synchronized void delete() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file another process still writes (the workspace child on its way out): nothing to do
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // the folder vanished while walking: the goal is reached
        }
    }
}
