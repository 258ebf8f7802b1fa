package io.rcbench.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileLoader;
import io.rcbench.run.ActionRates;
import io.rcbench.run.LoadPlan;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A profile's action rates reach the simulation's plan, and each user's activity rate includes them. */
class ActionRatesPlanTest {
    @Test
    void theMixsActionsAreThePlansActionRates() throws Exception {
        Profile p = new ProfileLoader(Path.of("profiles")).load("ci-smoke",
            List.of("mix.reactions.perActiveUserPerMinute=0.7"));
        LoadPlan plan = ProfilePlans.plan(p, "r", URI.create("http://127.0.0.1:1"), "ddp", "pw", 1);
        ActionRates a = plan.rates().actions();
        assertThat(a.reactionsPerMinute()).isEqualTo(0.7);
        assertThat(a.statusChangesPerMinute()).isEqualTo(0.2);
        assertThat(a.presenceUpdatesPerMinute()).isEqualTo(2);
        assertThat(a.watchedMembers()).isEqualTo(40);
        assertThat(a.threadRepliesPerMinute()).isEqualTo(0.2);
        assertThat(a.unreadCountsPerMinute()).isEqualTo(0.2);
        LoadPlan.Rates r = plan.rates();
        double older = (r.messagesPerMinute() + r.roomOpensPerMinute() + r.readsPerMinute() + r.reconnectsPerMinute()) / 60;
        assertThat(r.activitiesPerSecond()).isCloseTo(older + a.perMinute() / 60, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(LoadPlan.Rates.textOnly(1).actions()).isEqualTo(ActionRates.NONE);
    }
}
