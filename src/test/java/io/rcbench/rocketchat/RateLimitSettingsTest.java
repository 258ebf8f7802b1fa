package io.rcbench.rocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.rocketchat.RateLimitSettings.DdpRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitSettingsTest {
    private static List<DdpRule> rules(boolean enabled) {
        return RateLimitSettings.DDP_RULES.stream().map(n -> new DdpRule(n, enabled, 10, 10_000)).toList();
    }

    @Test
    void everythingOffDistortsNothing() {
        RateLimitSettings s = new RateLimitSettings(false, 10, 60_000, 1, rules(false));
        assertThat(s.distortsLoadTest()).isFalse();
        assertThat(s.distortions()).isEmpty();
    }

    @Test
    void eachActiveLimiterIsNamedWithTheSettingThatSwitchesItOff() {
        RateLimitSettings s = new RateLimitSettings(true, 10, 60_000, 1, rules(true));
        assertThat(s.distortsLoadTest()).isTrue();
        assertThat(s.distortions()).hasSize(6);
        assertThat(s.distortions().get(0)).contains("10 calls per 60 s per route and IP").contains("API_Enable_Rate_Limiter=false");
        assertThat(s.distortions().get(5)).contains("per connection and method")
            .contains("DDP_Rate_Limit_Connection_By_Method_Enabled=false");
    }
}
