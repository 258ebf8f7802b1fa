package io.rcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessStatusTest {
    @Test
    void readsRssAndThreadsFromStatusText() {
        ProcessStatus s = ProcessStatus.parse("Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  419340 kB\nThreads:\t20\n");
        assertThat(s.rssKb()).isEqualTo(419_340);
        assertThat(s.threads()).isEqualTo(20);
    }

    @Test
    void thisJvmHasAPlausibleFootprint() throws Exception {
        ProcessStatus s = ProcessStatus.self();
        assertThat(s.rssKb()).isGreaterThan(10_000);
        assertThat(s.threads()).isGreaterThan(1);
        assertThat(s.heapUsedBytes()).isPositive();
    }

    @Test
    void textWithoutTheFieldsIsRefused() {
        assertThatThrownBy(() -> ProcessStatus.parse("Name: x\n")).hasMessageContaining("VmRSS");
    }
}
