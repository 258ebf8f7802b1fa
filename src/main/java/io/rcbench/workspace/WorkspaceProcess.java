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
 *
 * <p>CPUs are split by {@link CpuSplit} from the ones this JVM may use: when there are more than the envelope's
 * cores, the workspace is pinned to the last of them and this JVM (the injector) to the others until
 * {@link #close()}, which gives the injector its CPUs back; otherwise both share and {@link #observe()} says so.
 * A machine with fewer CPUs than the envelope gives the workspace fewer: nothing is cut silently, the observation
 * shows what it got.
 */
public final class WorkspaceProcess implements AutoCloseable {
    private static final Path TASKSET = Path.of("/usr/bin/taskset");
    /**
     * System property: {@code false} leaves the injector on all its CPUs (the check then says SHARED). For tests
     * whose subject is not isolation, on a machine too small to give the injector a CPU of its own without making it
     * the bottleneck (docs/decisions.md, envelope); the default pins apart.
     */
    public static final String PIN_INJECTOR_PROPERTY = "rcbench.pinInjector";
    private final Process process;
    private final Thread onExit;
    private final int port;
    private final int metricsPort;
    private final Envelope envelope;
    private final Path dataDir;
    private final CpuSet injectorBefore;

    private WorkspaceProcess(Process process, int port, int metricsPort, Envelope envelope, Path dataDir,
                             CpuSet injectorBefore) {
        this.process = process;
        this.port = port;
        this.metricsPort = metricsPort;
        this.envelope = envelope;
        this.dataDir = dataDir;
        this.injectorBefore = injectorBefore;
        // a stopped harness (Ctrl-C, SIGTERM) must not leave its workspace running
        this.onExit = new Thread(process::destroy, "workspace-stop");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Starts the workspace and waits until it listens. {@code entry} is the main class and the arguments that run the
     * workspace in a JVM (the CLI's {@code workspace} command: the caller names it, so this package does not depend on
     * the CLI); the child also gets {@code --port}, {@code --metrics-port}, {@code --data-dir}, {@code --ready-file},
     * {@code --exit-with-parent} and {@code extraArgs} (e.g. seeding options). Fails with the tail of the log when
     * the process dies or is not ready in time.
     */
    public static WorkspaceProcess start(List<String> entry, Envelope env, Path dataDir, String adminPassword,
                                         List<String> extraArgs) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path ready = dataDir.resolve("ready.json");
        Files.deleteIfExists(ready);
        List<String> cmd = new ArrayList<>();
        CpuSet mine = ProcStatus.cpus("self");
        boolean pin = Files.isExecutable(TASKSET);
        CpuSplit split = CpuSplit.of(mine, env.cores());
        if ("false".equals(System.getProperty(PIN_INJECTOR_PROPERTY))) {
            split = new CpuSplit(split.workspace(), mine, true);
        }
        if (pin) {
            cmd.addAll(List.of(TASKSET.toString(), "-c", split.workspace().toString()));
        }
        int cpus = pin ? split.workspace().size() : mine.size();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-XX:ActiveProcessorCount=" + cpus, "-Xmx" + env.memoryMb() + "m",
            "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(entry);
        cmd.addAll(List.of("--port", "0", "--metrics-port", "0", "--data-dir", dataDir.toString(), "--ready-file", ready.toString(),
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
        WorkspaceProcess ws = new WorkspaceProcess(p, r.get("port").asInt(), r.get("metricsPort").asInt(), env, dataDir,
            pin && !split.shared() ? mine : null);
        if (pin && !split.shared()) {
            try {
                taskset(split.injector(), ProcessHandle.current().pid());
            } catch (IOException e) {
                ws.close();
                throw e;
            }
        }
        return ws;
    }

    /** Pins every thread of process {@code pid} (new threads inherit it from their creator) to {@code cpus}. */
    private static void taskset(CpuSet cpus, long pid) throws IOException, InterruptedException {
        Process t = new ProcessBuilder(TASKSET.toString(), "-a", "-p", "-c", cpus.toString(), Long.toString(pid))
            .redirectErrorStream(true).start();
        // its output is a line or two: it fits the pipe, so waiting first cannot block on it
        if (!t.waitFor(10, TimeUnit.SECONDS)) {
            t.destroyForcibly();
            throw new IOException("cannot pin the injector to CPUs " + cpus + ": taskset did not answer in 10 s");
        }
        if (t.exitValue() != 0) {
            throw new IOException("cannot pin the injector to CPUs " + cpus + ": " + new String(
                t.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim());
        }
    }

    /**
     * What the workspace JVM was really given, now: its CPUs and the injector's, the heap limit its JVM reports, its
     * resident memory and peak, its disk. Call it before the run for the limits and after for the peak memory.
     */
    public Observation observe() throws IOException {
        ProcStatus status = ProcStatus.of(Long.toString(process.pid()));
        return new Observation(status.cpus(), ProcStatus.cpus("self"), heapMaxMb(), status.kb("VmRSS") >> 10,
            status.kb("VmHWM") >> 10, DiskProbe.describe(dataDir));
    }

    /** {@code jvm_memory_max_bytes{area="heap"}} from the workspace's metrics endpoint, in MB. */
    private java.util.OptionalLong heapMaxMb() {
        try {
            var http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
            var r = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort
                + "/metrics")).timeout(java.time.Duration.ofSeconds(5)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                if (line.startsWith("jvm_memory_max_bytes{") && line.contains("area=\"heap\"")) {
                    return java.util.OptionalLong.of((long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))
                        >> 20);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not readable: reported as not checked
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return java.util.OptionalLong.empty();
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

    /**
     * Stops the workspace (SIGTERM: it flushes its database), forcibly after 15 s, and gives the injector back the
     * CPUs it had before {@link #start}.
     */
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
        if (injectorBefore != null) {
            try {
                taskset(injectorBefore, ProcessHandle.current().pid());
            } catch (IOException e) {
                System.err.println("could not give the injector back CPUs " + injectorBefore + ": " + e.getMessage());
            }
        }
    }
}
