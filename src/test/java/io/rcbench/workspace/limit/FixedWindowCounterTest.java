package io.rcbench.workspace.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixedWindowCounterTest {
    @Test
    void windowStartsAtTheFirstHitAndResetsAfterTheInterval() {
        FixedWindowCounter c = new FixedWindowCounter();
        assertThat(c.hit("k", 1000, 5_000)).isEqualTo(new FixedWindowCounter.Hit(1, 6_000));
        assertThat(c.hit("k", 1000, 5_999).count()).isEqualTo(2);
        assertThat(c.hit("k", 1000, 5_999).timeToResetMs(5_999)).isEqualTo(1);
        assertThat(c.hit("k", 1000, 6_000)).isEqualTo(new FixedWindowCounter.Hit(1, 7_000));
        assertThat(c.hit("other", 1000, 6_000).count()).isEqualTo(1);
    }

    @Test
    void sweepDropsOnlyStaleKeys() {
        FixedWindowCounter c = new FixedWindowCounter();
        c.hit("old", 1000, 0);
        c.hit("new", 1000, 100_000);
        c.sweep(100_000, 50_000);
        assertThat(c.size()).isEqualTo(1);
    }
}
