package io.rcbench.ddp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rocket.Chat's DDP rate limiter surfaces as typed errors carrying the reset time. */
class RateLimitTest {
    @TempDir
    Path dir;

    @Test
    void limitedCallsAndSubscriptionsCarryTimeToReset() throws Exception {
        Map<String, String> settings = new HashMap<>(TestWorkspaces.NO_LIMITS);
        settings.put("DDP_Rate_Limit_Connection_By_Method_Enabled", "true");
        try (Workspace ws = Workspace.start(TestWorkspaces.config(dir).withSettings(settings));
             DdpClients clients = DdpClients.create(1)) {
            ws.seeder().seed(new SeedPlan(1, 0, 0, "c", 0, 0, "pw", 4));
            DdpClient c = clients.newClient(DdpClientConfig.of(URI.create("ws://127.0.0.1:" + ws.port())));
            c.connect().get(5, TimeUnit.SECONDS);
            c.call("login", Logins.password("user.0", "pw")).get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 10; i++) {
                c.call("rooms/get").get(5, TimeUnit.SECONDS);
            }
            assertThatThrownBy(() -> c.call("rooms/get").get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.code()).isEqualTo("too-many-requests");
                    assertThat(e.timeToResetMs()).isBetween(1L, 10_000L);
                    assertThat(e.method()).isEqualTo("rooms/get");
                });
            // Streams get four times the allowance per connection.
            for (int i = 0; i < 40; i++) {
                c.subscribeStream("stream-notify-all", "public-settings-changed", null).ready().get(5, TimeUnit.SECONDS);
            }
            Subscription refused = c.subscribeStream("stream-notify-all", "public-settings-changed", null);
            assertThatThrownBy(() -> refused.ready().get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(SubscriptionException.class, e -> {
                    assertThat(e.isTooManyRequests()).isTrue();
                    assertThat(e.timeToResetMs()).isBetween(1L, 40_000L);
                });
            assertThat(c.isConnected()).isTrue();
            c.close().get(5, TimeUnit.SECONDS);
        }
    }
}
