package io.rcbench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rcbench.job.ProfilePlans;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mix's client kinds: the levels' mobile share reaches the load plan; a share outside [0, 1] is refused. */
class ClientMixTest {
    private final ProfileLoader loader = new ProfileLoader(Path.of("profiles"));

    @Test
    void theLevelsMobileShareReachesThePlanAndCanBeOverridden() throws Exception {
        Profile p = loader.load("ci-smoke", List.of());
        assertThat(p.mix().clients().mobileShare()).isEqualTo(0.3);
        assertThat(ProfilePlans.plan(p, "r", URI.create("http://127.0.0.1:1"), "ddp", "pw", 1).rates().mobileShare())
            .isEqualTo(0.3);
        assertThat(loader.load("ci-smoke", List.of("mix.clients.mobileShare=0")).mix().clients().mobileShare()).isZero();
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> loader.load("ci-smoke", List.of("mix.clients.mobileShare=1.5")))
            .isInstanceOf(ProfileException.class).hasMessageContaining("mobileShare");
    }
}
