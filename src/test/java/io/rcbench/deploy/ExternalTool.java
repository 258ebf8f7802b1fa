package io.rcbench.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool the deploy tests render manifests with (kubectl, docker-compose, bash). A missing tool
 * fails the test with what to install, never skips it: CI installs the tools in {@code .ci/run}.
 */
record ExternalTool(String command, String installHint) {
    static final ExternalTool KUBECTL = new ExternalTool("kubectl",
        "apt-get install kubectl (or Debian's kubernetes-client); .ci/run installs it when missing");
    static final ExternalTool DOCKER_COMPOSE = new ExternalTool("docker-compose",
        "apt-get install --no-install-recommends docker-compose (only `config` is used: no Docker daemon); .ci/run installs it when missing");
    static final ExternalTool BASH = new ExternalTool("bash", "apt-get install bash");

    /** What a finished command printed. */
    record Result(int exitCode, String stdout, String stderr) {
        /** The standard output, or a test failure showing the command's error output. */
        String stdoutOrFail(String what) {
            if (exitCode != 0) {
                fail(what + " exited with " + exitCode + ":\n" + stderr);
            }
            return stdout;
        }
    }

    /** Runs the tool in {@code dir} with {@code env} added to this process's environment; at most 60 s. */
    Result run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        requireInstalled();
        List<String> cmd = new ArrayList<>();
        cmd.add(command);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command + " " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Result(p.exitValue(), out, err.join());
    }

    private void requireInstalled() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
                return;
            }
        }
        fail(command + " is not installed, and the deploy tests need it: " + installHint);
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
