package io.rcbench.injector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the limits as Linux prints them. */
class HostLimitsTest {
    @Test
    void readsTheOpenFileLineOfALimitsFile() {
        String limits = "Limit                     Soft Limit           Hard Limit           Units     \n"
            + "Max processes             32768                32768                processes \n"
            + "Max open files            20000                40000                files     \n";
        assertThat(HostLimits.openFileLimits(limits)).containsExactly(20_000, 40_000);
        assertThat(HostLimits.openFileLimits("Max open files            unlimited            unlimited            files"))
            .containsExactly(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    @Test
    void readsThePortRangeWithItsTab() {
        assertThat(HostLimits.portRange("32768\t60999\n")).containsExactly(32768, 60999);
    }

    @Test
    void readsThisProcess() throws Exception {
        HostLimits self = HostLimits.self();
        assertThat(self.openFiles()).isPositive();
        assertThat(self.openNow()).isPositive().isLessThan(self.openFiles());
        assertThat(self.ephemeralPorts()).isGreaterThan(1000);
    }
}
