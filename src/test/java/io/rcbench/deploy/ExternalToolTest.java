package io.rcbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A missing tool fails the test with what to install; a present one returns its exit code and output. */
class ExternalToolTest {
    @Test
    void aMissingToolFailsWithWhatToInstall() {
        ExternalTool missing = new ExternalTool("rcbench-no-such-tool", "apt-get install rcbench-no-such-tool");
        assertThatThrownBy(() -> missing.run(Path.of("."), Map.of(), "--version"))
            .isInstanceOf(AssertionError.class)
            .hasMessage("rcbench-no-such-tool is not installed, and the deploy tests need it: apt-get install rcbench-no-such-tool");
    }

    @Test
    void returnsExitCodeOutputAndTheAddedEnvironment() throws Exception {
        ExternalTool.Result r = ExternalTool.BASH.run(Path.of("."), Map.of("RCBENCH_PROBE", "x1"),
            "-c", "echo out-$RCBENCH_PROBE; echo err >&2; exit 3");
        assertThat(r).isEqualTo(new ExternalTool.Result(3, "out-x1\n", "err\n"));
    }
}
