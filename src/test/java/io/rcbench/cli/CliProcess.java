package io.rcbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code rcbench} as a user does: its own JVM, real exit code, stdout and stderr kept apart. */
final class CliProcess {
    /** What the user saw. */
    record Result(int exitCode, String out, String err) {
        /** stderr's non-blank lines. */
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private CliProcess() {
    }

    /** Runs {@code rcbench args} in the project folder (where profiles/ is), with a 120 s bound. */
    static Result run(Path scratch, String... args) throws IOException, InterruptedException {
        return run(scratch, List.of(), List.of(), args);
    }

    /**
     * Runs {@code rcbench args} as {@link #run(Path, String...)} does, started through {@code launcher} (e.g.
     * {@code prlimit --nofile=N:N}) with {@code jvmOptions}; the output files are removed once read.
     */
    static Result run(Path scratch, List<String> launcher, List<String> jvmOptions, String... args)
        throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("rcbench " + String.join(" ", args) + " did not end within 120 s");
            }
        } finally {
            p.destroyForcibly();
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
