package io.rcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.verdict.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --metrics-port}, {@code --metrics-host}, {@code --metrics-linger} on run and capacity. */
class MetricsOptionsTest {
    @TempDir
    Path reports;

    @Test
    void offByDefaultOnLoopbackWhenOn() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs();
        // the injector image sets RCBENCH_METRICS_PORT; a test JVM does not
        assertThat(System.getenv("RCBENCH_METRICS_PORT")).isNull();
        assertThat(run.targetOptions.metricsPort).isNull();
        assertThat(run.targetOptions.metricsHost).isEqualTo("127.0.0.1");
        assertThat(run.targetOptions.metricsLinger).isEqualTo("0s");
        CapacityCommand capacity = new CapacityCommand();
        new CommandLine(capacity).parseArgs("--profile", "ci-smoke", "--metrics-port", "9464");
        assertThat(capacity.targetOptions.metricsPort).isEqualTo(9464);
    }

    @Test
    void aPortInUseIsRefusedBeforeAnyLoad() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.setErr(new PrintStream(captured, true));
            int code = Main.run("run", "--metrics-port", Integer.toString(taken.getLocalPort()), "--reports",
                reports.toString());
            assertThat(code).isEqualTo(ExitCodes.RUN_ERROR);
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString()).contains("cannot serve live metrics on 127.0.0.1:").doesNotContain("\tat ");
        try (Stream<Path> runs = Files.list(reports)) {
            assertThat(runs).as("no run folder").isEmpty();
        }
    }
}
