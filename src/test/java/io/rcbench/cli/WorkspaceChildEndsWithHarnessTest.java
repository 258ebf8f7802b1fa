package io.rcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harness killed with SIGKILL runs no shutdown hook, so nothing it does can stop its embedded workspace: the
 * workspace JVM must notice on its own (its standard input closes) and end, instead of running on under PID 1.
 */
class WorkspaceChildEndsWithHarnessTest {
    @TempDir
    Path reports;

    @Test
    void theEmbeddedWorkspaceEndsWhenTheHarnessIsKilledNine() throws Exception {
        Process harness = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--set", "hold.seconds=120",
            "--reports", reports.toString()).redirectErrorStream(true).redirectOutput(reports.resolve("run.log").toFile())
            .start();
        Optional<ProcessHandle> workspace = Optional.empty();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (workspace.isEmpty() && harness.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                workspace = harness.descendants().filter(WorkspaceChildEndsWithHarnessTest::isWorkspace).findFirst();
            }
            assertThat(workspace).as("the harness started its workspace; its log:%n%s", Files.readString(reports.resolve("run.log")))
                .isPresent();
            harness.destroyForcibly();
            assertThat(harness.waitFor(10, TimeUnit.SECONDS)).isTrue();
            boolean ended = workspace.get().onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).get() != null;
            assertThat(ended).as("the orphaned workspace (pid %d) ended within 30 s", workspace.get().pid()).isTrue();
        } finally {
            harness.destroyForcibly();
            workspace.ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Reads /proc: ProcessHandle.Info leaves out the arguments of a long command line like this one. */
    private static boolean isWorkspace(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ')
                .contains(Main.class.getName() + " workspace ");
        } catch (java.io.IOException gone) {
            return false;
        }
    }
}
