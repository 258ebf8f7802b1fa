package io.rcbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A workspace in its own JVM held to an {@link Envelope}, so the injector and the target do not share a heap
 * or a CPU budget. Started with this JVM's classpath; its output goes to {@code <dataDir>/workspace.log}.
 * The admin password is passed through the environment, never on the command line.
 */
public final class WorkspaceProcess implements AutoCloseable {
    private final Process process;
    private final Thread onExit;
    private final int port;
    private final int metricsPort;
    private final Envelope envelope;

    private WorkspaceProcess(Process process, int port, int metricsPort, Envelope envelope) {
        this.process = process;
        this.port = port;
        this.metricsPort = metricsPort;
        this.envelope = envelope;
        // a stopped harness (Ctrl-C, SIGTERM) must not leave its workspace running
        this.onExit = new Thread(process::destroy, "workspace-stop");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Starts the workspace and waits until it listens. {@code extraArgs} go to the {@code workspace} command
     * (e.g. seeding options). Fails with the tail of the log when the process dies or is not ready in time.
     */
    public static WorkspaceProcess start(Envelope env, Path dataDir, String adminPassword, List<String> extraArgs)
        throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path ready = dataDir.resolve("ready.json");
        Files.deleteIfExists(ready);
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/taskset"))) {
            cmd.addAll(List.of("/usr/bin/taskset", "-c", env.cpuList()));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-XX:ActiveProcessorCount=" + env.cores(), "-Xmx" + env.memoryMb() + "m",
            "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "io.rcbench.cli.Main", "workspace",
            "--port", "0", "--metrics-port", "0", "--data-dir", dataDir.toString(), "--ready-file", ready.toString(),
            "--exit-with-parent")); // stdin stays a pipe from this JVM: the child ends when this JVM dies, even by kill -9
        cmd.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("workspace.log").toFile()));
        pb.environment().put("RCBENCH_ADMIN_PASSWORD", adminPassword);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(ready)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("the workspace did not start; last lines of " + dataDir.resolve("workspace.log") + ":\n"
                    + tail(dataDir.resolve("workspace.log")));
            }
            Thread.sleep(50);
        }
        JsonNode r = Json.parse(Files.readString(ready));
        return new WorkspaceProcess(p, r.get("port").asInt(), r.get("metricsPort").asInt(), env);
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int metricsPort() {
        return metricsPort;
    }

    public Envelope envelope() {
        return envelope;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the workspace (SIGTERM: it flushes its database), forcibly after 15 s. */
    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the process too
        }
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
