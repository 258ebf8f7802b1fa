package io.rcbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityResultTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsThroughCapacityJson() throws Exception {
        CapacityResult r = new CapacityResult("minimal-vps", List.of(new CapacityResult.Step(50,
            Map.of("sendMessage", new CapacityResult.Latency(20.0, 60, 90)), new CapacityResult.Latency(null, 40, 70), 12.5, 0, true)),
            List.of(new CapacityResult.Slo("sendMessage", 99, 1500)), null, 50);
        r.write(dir);
        assertThat(CapacityResult.read(dir)).contains(r);
        assertThat(r.steps().get(0).delivery().at(99)).isEqualTo(70.0);
        assertThat(r.steps().get(0).delivery().at(50)).isNull();
    }

    @Test
    void absentIsEmptyAndMalformedIsAClearError() throws Exception {
        assertThat(CapacityResult.read(dir)).isEmpty();
        Files.writeString(dir.resolve("capacity.json"), "{\"steps\": 3}");
        assertThatThrownBy(() -> CapacityResult.read(dir)).hasMessageContaining("capacity.json: not a capacity result");
    }
}
