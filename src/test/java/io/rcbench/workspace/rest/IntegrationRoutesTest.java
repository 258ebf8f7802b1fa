package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code integrations.create} (incoming webhooks) and posting through {@code /hooks/<id>/<token>}. */
class IntegrationRoutesTest extends SharedWorkspaceTest {
    private static ObjectNode incoming(String name, String username, String channel) {
        return Json.object().put("type", "webhook-incoming").put("name", name).put("enabled", true).put("username", username)
            .put("channel", channel).put("scriptEnabled", false);
    }

    /** Creates a hook as admin and returns its path {@code /hooks/<id>/<token>}. */
    private String hook(String name, boolean enabled) throws Exception {
        JsonNode i = ok(admin.post("/api/v1/integrations.create", incoming(name, "bot.0", "#loadtest-0").put("enabled", enabled)))
            .path("integration");
        return "/hooks/" + i.path("_id").asText() + "/" + i.path("token").asText();
    }

    private HttpResponse<String> postRaw(String path, String contentType, String body) throws Exception {
        return anonymous().send(anonymous().request(path).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void createAnswersTheIntegrationWithItsToken() throws Exception {
        JsonNode i = ok(admin.post("/api/v1/integrations.create", incoming("ci", "bot.0", "#loadtest-0"))).path("integration");
        assertThat(i.path("_id").asText()).isNotEmpty();
        assertThat(i.path("token").asText()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(i.path("type").asText()).isEqualTo("webhook-incoming");
        assertThat(i.path("username").asText()).isEqualTo("bot.0");
        assertThat(i.path("channel")).containsExactly(Json.MAPPER.getNodeFactory().textNode("#loadtest-0"));
        assertThat(i.path("enabled").asBoolean()).isTrue();
        assertThat(i.path("_createdAt").asText()).endsWith("Z");
    }

    @Test
    void createIsForAdminsOnly() throws Exception {
        forbidden(alice.post("/api/v1/integrations.create", incoming("mine", "user.0", "#loadtest-0")));
        unauthenticated(anonymous().post("/api/v1/integrations.create", incoming("anon", "user.0", "#loadtest-0")));
    }

    @Test
    void createRefusesBadTypeUserAndChannel() throws Exception {
        failure(admin.post("/api/v1/integrations.create", incoming("out", "bot.0", "#loadtest-0").put("type", "webhook-outgoing")),
            400, "error-invalid-type");
        failure(admin.post("/api/v1/integrations.create", incoming("ghost", "ghost", "#loadtest-0")), 400, "error-invalid-user");
        failure(admin.post("/api/v1/integrations.create", incoming("nowhere", "bot.0", "#no-such-room")), 400, "error-invalid-channel");
        ObjectNode noChannel = incoming("nochan", "bot.0", "x");
        noChannel.remove("channel");
        failure(admin.post("/api/v1/integrations.create", noChannel), 400, "error-invalid-params");
        ObjectNode noUser = incoming("nouser", "bot.0", "#loadtest-0");
        noUser.remove("username");
        failure(admin.post("/api/v1/integrations.create", noUser), 400, "error-invalid-params");
    }

    @Test
    void hookPostsAsTheBotWithTheIntegrationMarker() throws Exception {
        String path = hook("poster", true);
        String id = path.split("/")[2];
        HttpResponse<String> r = anonymous().post(path, Json.object().put("text", "build green").put("alias", "CI")
            .put("emoji", ":white_check_mark:"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(body(r)).isEqualTo(Json.parse("{\"success\":true}"));
        JsonNode m = ok(alice.get("/api/v1/channels.history?roomId=" + channelId + "&count=50")).path("messages").get(0);
        assertThat(m.path("msg").asText()).isEqualTo("build green");
        assertThat(m.path("alias").asText()).isEqualTo("CI");
        assertThat(m.path("bot").path("i").asText()).isEqualTo(id);
        assertThat(m.path("u").path("username").asText()).isEqualTo("bot.0");
    }

    @Test
    void hookTakesAFormPayloadAndGetQuery() throws Exception {
        String path = hook("forms", true);
        String form = "payload=" + URLEncoder.encode("{\"text\":\"from a form\"}", StandardCharsets.UTF_8);
        assertThat(postRaw(path, "application/x-www-form-urlencoded", form).statusCode()).isEqualTo(200);
        assertThat(anonymous().get(path + "?text=from%20a%20get").statusCode()).isEqualTo(200);
        assertThat(history(alice, channelId, 50)).contains("from a form", "from a get");
    }

    @Test
    void hookUrlWithTheUserIdSegmentWorksToo() throws Exception {
        String path = hook("with-user", true);
        String[] parts = path.split("/");
        String withUser = "/hooks/" + parts[2] + "/" + bot.userId() + "/" + parts[3];
        assertThat(anonymous().post(withUser, Json.object().put("text", "three segments")).statusCode()).isEqualTo(200);
        assertThat(anonymous().post("/hooks/" + parts[2] + "/" + bot.userId() + "/wrong", Json.object().put("text", "x")).statusCode())
            .isEqualTo(404);
        assertThat(history(alice, channelId, 50)).contains("three segments");
    }

    @Test
    void seededHookWorks() throws Exception {
        assertThat(anonymous().post(seed.webhookPaths().get(0), Json.object().put("text", "seeded hook")).statusCode()).isEqualTo(200);
        assertThat(history(alice, channelId, 50)).contains("seeded hook");
    }

    @Test
    void badTokenOrUnknownIdIs404AndPostsNothing() throws Exception {
        String path = hook("guarded", true);
        String id = path.split("/")[2];
        String token = path.split("/")[3];
        for (String bad : new String[] {"/hooks/" + id + "/wrong-token", "/hooks/" + id + "/" + token + "x",
            "/hooks/" + id + "/" + token.substring(1), "/hooks/NoSuchHook/" + token, "/hooks/" + id + "/" + token.toUpperCase()}) {
            HttpResponse<String> r = anonymous().post(bad, Json.object().put("text", "forged"));
            assertThat(r.statusCode()).as(bad).isEqualTo(404);
            assertThat(body(r)).isEqualTo(Json.parse("{\"success\":false,\"error\":\"Invalid integration id or token provided.\"}"));
        }
        assertThat(history(alice, channelId, 100)).doesNotContain("forged");
    }

    @Test
    void disabledHookIs503() throws Exception {
        String path = hook("off", false);
        HttpResponse<String> r = anonymous().post(path, Json.object().put("text", "while disabled"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(body(r)).isEqualTo(Json.parse("{\"success\":false,\"error\":\"Service Unavailable\"}"));
        assertThat(history(alice, channelId, 100)).doesNotContain("while disabled");
    }

    @Test
    void malformedHookBodiesAre400() throws Exception {
        String path = hook("strict", true);
        failure(postRaw(path, "application/json", "{\"text\":"), 400, "error-invalid-body");
        failure(postRaw(path, "application/x-www-form-urlencoded", "text=no-payload"), 400, "error-invalid-body");
        failure(postRaw(path, "application/x-www-form-urlencoded", "payload=%7Bbroken"), 400, "error-invalid-body");
        failure(anonymous().post(path, Json.object().put("text", "z".repeat(5001))), 400, "error-message-size-exceeded");
        assertThat(anonymous().post(path, Json.object().put("text", "still works")).statusCode()).isEqualTo(200);
    }
}
