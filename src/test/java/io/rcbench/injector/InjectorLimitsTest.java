package io.rcbench.injector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pure check: what fits, and the one line that says what to change when it does not. */
class InjectorLimitsTest {
    /** This machine's figures: 20,000 files, 32768-60999 (28,232 ports), 150 open at start. */
    private static final HostLimits HERE = new HostLimits(20_000, 20_000, 150, 32768, 60999);

    @Test
    void fitsUnderTheLimit() {
        assertThat(InjectorLimits.refusal(new ConnectionDemand(19_000, 100, 64, 0), HERE, 0, false)).isEmpty();
    }

    @Test
    void refusesMoreFilesThanTheLimitAndSaysHowManyShards() {
        String why = InjectorLimits.refusal(new ConnectionDemand(30_000, 200, 64, 0), HERE, 0, false).orElseThrow();
        assertThat(why).contains("30,414 open files").contains("open-file limit is 20,000").contains("ulimit -n 34000")
            .contains("above the hard limit 20,000").contains("2 injector shards").doesNotContain("\n");
    }

    @Test
    void noHardLimitNoteWhenUlimitAloneCanRaiseIt() {
        HostLimits soft = new HostLimits(1024, 1_048_576, 40, 32768, 60999);
        String why = InjectorLimits.refusal(new ConnectionDemand(5_000, 0, 64, 0), soft, 0, false).orElseThrow();
        assertThat(why).contains("ulimit -n 6000)").doesNotContain("hard limit").contains("6 injector shards");
    }

    @Test
    void refusesMorePortsThanOneAddressHasAndCountsThemPerAddress() {
        HostLimits wide = new HostLimits(1_000_000, 1_000_000, 150, 32768, 60999);
        ConnectionDemand d = new ConnectionDemand(40_000, 0, 64, 1_000);
        assertThat(InjectorLimits.refusal(d, wide, 1, false).orElseThrow()).contains("41,000 source ports")
            .contains("gives 28,232 per address").contains("give 2 --local-addresses").contains("ip_local_port_range");
        assertThat(InjectorLimits.refusal(d, wide, 2, false)).as("20,500 per address").isEmpty();
    }

    @Test
    void theEmbeddedWorkspaceHoldsTheOtherEndUnderTheSameLimit() {
        ConnectionDemand d = new ConnectionDemand(19_700, 50, 64, 0);
        assertThat(InjectorLimits.refusal(d, new HostLimits(20_000, 20_000, 40, 32768, 60999), 0, false)).isEmpty();
        assertThat(InjectorLimits.refusal(d, new HostLimits(20_000, 20_000, 40, 32768, 60999), 0, true).orElseThrow())
            .contains("embedded workspace").contains("--target");
    }
}
