package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AxisScaleTest {
    @Test
    void percentileAxisSpacesNinesEvenlyUpTo9999() {
        AxisScale s = AxisScale.of(Chart.Axis.percentile(), 0, 100, 0, 400, false);
        assertThat(s.pixel(0)).isCloseTo(0, within(1e-9));
        assertThat(s.pixel(90)).isCloseTo(100, within(1e-6));
        assertThat(s.pixel(99)).isCloseTo(200, within(1e-6));
        assertThat(s.pixel(99.9)).isCloseTo(300, within(1e-6));
        assertThat(s.pixel(99.99)).isCloseTo(400, within(1e-6));
        assertThat(s.ticks()).containsExactly(0.0, 90.0, 99.0, 99.9, 99.99);
    }

    @Test
    void linearAxisRoundsOutToNiceSteps() {
        AxisScale s = AxisScale.of(Chart.Axis.linear("ms", Chart.Format.NUMBER), 0, 873, 200, 0, true);
        assertThat(s.ticks()).containsExactly(0.0, 200.0, 400.0, 600.0, 800.0, 1000.0);
        assertThat(s.pixel(0)).isEqualTo(200);
        assertThat(s.pixel(1000)).isEqualTo(0);
        assertThat(AxisScale.niceStep(0.3)).isEqualTo(0.5);
        assertThat(AxisScale.niceStep(7)).isEqualTo(10);
    }

    @Test
    void logAxisCoversWholeDecadesAndDropsNonPositiveValues() {
        AxisScale s = AxisScale.of(Chart.Axis.log("ms"), 3, 4200, 0, 400, true);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isCloseTo(10_000, within(1e-6));
        assertThat(s.pixel(100)).isCloseTo(200, within(1e-6));
        assertThat(s.pixel(0)).isNaN();
        assertThat(s.ticks()).contains(1.0, 10.0, 100.0, 1000.0, 10_000.0);
    }

    @Test
    void fixedRangesAreKept() {
        AxisScale s = AxisScale.of(new Chart.Axis("t", Chart.Scale.LINEAR, Chart.Format.CLOCK, 0.0, 3600.0), 10, 3590, 0, 360, false);
        assertThat(s.min()).isEqualTo(0);
        assertThat(s.max()).isEqualTo(3600);
        assertThat(s.pixel(1800)).isEqualTo(180);
    }
}
