package io.rcbench.workspace.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rocket.Chat's default DDP rules, on by default, and switchable by their setting ids. */
class DdpRateLimitTest {
    @TempDir
    Path dir;

    @Test
    void eleventhCallOfAMethodOnAConnectionWithinTenSecondsIsRefused() throws Exception {
        try (Workspace ws = Workspace.start(TestWorkspaces.config(dir))) {
            ws.seeder().seed(new SeedPlan(1, 0, 0, "c", 0, 0, "pw", 4));
            try (DdpTestClient c = DdpTestClient.login(ws, "user.0", "pw")) {
                for (int i = 0; i < 10; i++) {
                    assertThat(c.call("rooms/get").has("result")).isTrue();
                }
                JsonNode refused = c.call("rooms/get").path("error");
                assertThat(refused.path("error").asText()).isEqualTo("too-many-requests");
                assertThat(refused.path("reason").asText()).startsWith("Error, too many requests. Please slow down. You must wait ");
                assertThat(refused.path("details").path("timeToReset").asLong()).isBetween(1L, 10_000L);
                // Streams get four times the allowance: 40 subscriptions of one stream name pass.
                for (int i = 0; i < 40; i++) {
                    assertThat(c.stream("stream-notify-all", "public-settings-changed").path("msg").asText()).isEqualTo("ready");
                }
                assertThat(c.stream("stream-notify-all", "public-settings-changed").path("error").path("error").asText())
                    .isEqualTo("too-many-requests");
            }
        }
    }

    @Test
    void settingsSwitchTheRuleOff() throws Exception {
        try (Workspace ws = Workspace.start(TestWorkspaces.config(dir)
            .withSettings(java.util.Map.of("DDP_Rate_Limit_Connection_By_Method_Enabled", "false",
                "DDP_Rate_Limit_User_By_Method_Enabled", "false")))) {
            ws.seeder().seed(new SeedPlan(1, 0, 0, "c", 0, 0, "pw", 4));
            try (DdpTestClient c = DdpTestClient.login(ws, "user.0", "pw")) {
                for (int i = 0; i < 25; i++) {
                    assertThat(c.call("rooms/get").has("result")).isTrue();
                }
            }
        }
    }
}
