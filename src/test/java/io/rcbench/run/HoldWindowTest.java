package io.rcbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HoldWindowTest {
    @Test
    void keepsTheWholeIntervalsInsideTheHold() {
        HoldWindow w = HoldWindow.aligned(5_300, 65_300, 1000);
        assertThat(w).isEqualTo(new HoldWindow(6_000, 65_000));
        assertThat(w.contains(5_999)).isFalse();
        assertThat(w.contains(6_000)).isTrue();
        assertThat(w.contains(64_999)).isTrue();
        assertThat(w.contains(65_000)).isFalse();
    }

    @Test
    void boundariesOnIntervalsStayAndATooShortHoldIsEmpty() {
        assertThat(HoldWindow.aligned(6_000, 9_000, 1000)).isEqualTo(new HoldWindow(6_000, 9_000));
        HoldWindow empty = HoldWindow.aligned(6_200, 6_900, 1000);
        assertThat(empty.endMs()).isEqualTo(empty.startMs());
    }
}
