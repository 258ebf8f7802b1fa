package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.ddp.Json;
import org.junit.jupiter.api.Test;

/** {@code GET/POST /api/v1/settings/<id>}: admins read and switch the workspace's settings. */
class SettingsRoutesTest extends SharedWorkspaceTest {
    @Test
    void adminReadsASetting() throws Exception {
        var b = ok(admin.get("/api/v1/settings/Message_MaxAllowedSize"));
        assertThat(b.path("_id").asText()).isEqualTo("Message_MaxAllowedSize");
        assertThat(b.path("value").asInt()).isEqualTo(5000);
        assertThat(ok(admin.get("/api/v1/settings/API_Enable_Rate_Limiter")).path("value").asBoolean(true)).isFalse();
    }

    @Test
    void adminChangesASettingAndItAppliesAtOnce() throws Exception {
        ok(admin.post("/api/v1/settings/Message_MaxAllowedSize", Json.object().put("value", 10)));
        try {
            assertThat(ok(admin.get("/api/v1/settings/Message_MaxAllowedSize")).path("value").asInt()).isEqualTo(10);
            failure(alice.post("/api/v1/chat.sendMessage",
                Json.object().set("message", Json.object().put("rid", channelId).put("msg", "eleven char"))), 400,
                "error-message-size-exceeded");
        } finally {
            ok(admin.post("/api/v1/settings/Message_MaxAllowedSize", Json.object().put("value", 5000)));
        }
        send(alice, channelId, "eleven char");
    }

    @Test
    void nonAdminsAre403AndAnonymousIs401() throws Exception {
        forbidden(alice.get("/api/v1/settings/Message_MaxAllowedSize"));
        forbidden(bot.post("/api/v1/settings/API_Enable_Rate_Limiter", Json.object().put("value", true)));
        unauthenticated(anonymous().get("/api/v1/settings/Message_MaxAllowedSize"));
        unauthenticated(anonymous().post("/api/v1/settings/Message_MaxAllowedSize", Json.object().put("value", 1)));
        assertThat(ws.settings().number("Message_MaxAllowedSize")).isEqualTo(5000);
    }

    @Test
    void unknownSettingsWrongTypesAndMissingValuesAre400() throws Exception {
        failure(admin.get("/api/v1/settings/No_Such_Setting"), 400, "error-setting-not-found");
        failure(admin.post("/api/v1/settings/No_Such_Setting", Json.object().put("value", 1)), 400, "error-invalid-setting");
        failure(admin.post("/api/v1/settings/Message_MaxAllowedSize", Json.object().put("value", "big")), 400, "error-invalid-setting");
        failure(admin.post("/api/v1/settings/API_Enable_Rate_Limiter", Json.object().put("value", "yes")), 400, "error-invalid-setting");
        failure(admin.post("/api/v1/settings/Message_MaxAllowedSize", Json.object()), 400, "error-invalid-params");
        failure(admin.post("/api/v1/settings/Message_MaxAllowedSize", Json.object().putNull("value")), 400, null);
        assertThat(ws.settings().number("Message_MaxAllowedSize")).isEqualTo(5000);
    }
}
