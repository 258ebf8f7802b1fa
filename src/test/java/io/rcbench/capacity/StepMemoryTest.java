package io.rcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.job.TargetCheckFile;
import io.rcbench.profile.Envelope;
import io.rcbench.run.CapacityResult;
import io.rcbench.verdict.ObservedTarget;
import io.rcbench.verdict.TargetCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capacity level's memory comes from the target check its run kept, as the job writes it. */
class StepMemoryTest {
    @Test
    void readsTheEmbeddedWorkspacesPeakAndARealTargetsResidentMemory(@TempDir Path dir) throws Exception {
        Envelope oneCore = new io.rcbench.profile.ProfileLoader(Path.of("profiles")).load("minimal-vps").envelope();
        Path embedded = dir.resolve("embedded");
        new TargetCheckFile(TargetCheck.check(oneCore, ObservedTarget.embedded("8.8.0", "1", 1, OptionalLong.of(494),
            217, new ObservedTarget.CpuSharing("0-1", true), "/dev/vda")), false).write(embedded);
        assertThat(StepMemory.read(embedded)).isEqualTo(new CapacityResult.Memory(null, 217L));

        Path remote = dir.resolve("remote");
        new TargetCheckFile(TargetCheck.check(oneCore, new ObservedTarget("prometheus", Optional.empty(),
            Optional.empty(), OptionalInt.empty(), OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.of(730))),
            false).write(remote);
        assertThat(StepMemory.read(remote)).isEqualTo(new CapacityResult.Memory(730L, null));
        assertThat(StepMemory.read(remote).highestMb()).isEqualTo(730L);
    }

    @Test
    void nothingObservedIsNull(@TempDir Path dir) throws Exception {
        assertThat(StepMemory.read(dir)).isNull();
        new TargetCheckFile(List.of(), false).write(dir);
        assertThat(StepMemory.read(dir)).isNull();
    }
}
