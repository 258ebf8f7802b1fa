package io.rcbench.workspace.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyDistributionTest {
    @Test
    void parsesEachFormWithUnits() {
        assertThat(LatencyDistribution.parse("fixed:20ms")).isEqualTo(new LatencyDistribution.Fixed(20_000));
        assertThat(LatencyDistribution.parse("uniform:500us:1.5s")).isEqualTo(new LatencyDistribution.Uniform(500, 1_500_000));
        assertThat(LatencyDistribution.parse("exp:5ms:10ms")).isEqualTo(new LatencyDistribution.Exponential(5_000, 10_000));
    }

    @Test
    void rejectsMissingUnitsAndUnknownShapesWithTheReason() {
        assertThatThrownBy(() -> LatencyDistribution.parse("fixed:20")).hasMessageContaining("needs a unit");
        assertThatThrownBy(() -> LatencyDistribution.parse("normal:1ms")).hasMessageContaining("unknown distribution");
        assertThatThrownBy(() -> LatencyDistribution.parse("uniform:1ms")).hasMessageContaining("missing a value");
        assertThatThrownBy(() -> FaultConfig.NONE.withStall("1s/500ms")).hasMessageContaining("shorter than its period");
    }

    @Test
    void sampledQuantilesMatchTheExactOnes() {
        LatencyDistribution d = LatencyDistribution.parse("exp:5ms:10ms");
        SplittableRandom r = new SplittableRandom(7);
        long[] samples = new long[200_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = d.sampleMicros(r);
        }
        java.util.Arrays.sort(samples);
        for (double q : new double[] {0.5, 0.99}) {
            double exact = d.quantileMicros(q);
            assertThat((double) samples[(int) (q * samples.length)]).isCloseTo(exact, org.assertj.core.data.Percentage.withPercentage(2));
        }
    }

    @Test
    void stallWindowsAreAlignedToTheStart() {
        Faults f = new Faults(FaultConfig.NONE.withStall(200, 1000), 10_000, 1);
        assertThat(f.stallRemainingMs(10_000)).isEqualTo(200);
        assertThat(f.stallRemainingMs(10_150)).isEqualTo(50);
        assertThat(f.stallRemainingMs(10_200)).isZero();
        assertThat(f.stallRemainingMs(11_050)).isEqualTo(150);
    }
}
