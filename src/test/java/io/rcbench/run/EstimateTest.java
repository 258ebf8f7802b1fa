package io.rcbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.run.ScalabilityModel.Estimate;
import org.junit.jupiter.api.Test;

/** An estimate's interval against a point and a range; a null bound is unbounded on that side. */
class EstimateTest {
    @Test
    void boundedIntervalContainsAndOverlaps() {
        Estimate e = new Estimate(13.0, 11.0, 15.0);
        assertThat(e.contains(11)).isTrue();
        assertThat(e.contains(15.5)).isFalse();
        assertThat(e.overlaps(14, 16)).isTrue();
        assertThat(e.overlaps(15, 20)).as("touching at 15").isTrue();
        assertThat(e.overlaps(16, 20)).isFalse();
        assertThat(e.overlaps(8, 10)).isFalse();
        assertThat(e.overlaps(8, 20)).as("holding the whole interval").isTrue();
    }

    @Test
    void unboundedSidesReachAnything() {
        Estimate upward = new Estimate(13.0, 12.0, null);
        assertThat(upward.overlaps(100, 200)).isTrue();
        assertThat(upward.overlaps(8, 11)).isFalse();
        Estimate downward = new Estimate(13.0, null, 14.0);
        assertThat(downward.overlaps(0, 1)).isTrue();
        assertThat(downward.overlaps(15, 16)).isFalse();
        assertThat(new Estimate(null, null, null).overlaps(1, 2)).isTrue();
    }
}
