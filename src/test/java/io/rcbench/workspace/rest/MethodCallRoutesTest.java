package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.service.Accounts;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code method.call/<m>} and {@code method.callAnon/<m>}: DDP frames in, result frames out, errors inside. */
class MethodCallRoutesTest extends SharedWorkspaceTest {
    private static JsonNode frame(String method, String id, JsonNode... params) {
        ArrayNode p = Json.array();
        for (JsonNode n : params) {
            p.add(n);
        }
        return Json.object().put("message", Json.write(Json.object().put("msg", "method").put("id", id).put("method", method)
            .set("params", p)));
    }

    /** The parsed result frame carried in {@code message}. */
    private static JsonNode result(HttpResponse<String> r) {
        JsonNode b = ok(r);
        return Json.parse(b.path("message").asText());
    }

    @Test
    void callRunsTheMethodAsTheCaller() throws Exception {
        JsonNode res = result(alice.post("/api/v1/method.call/sendMessage",
            frame("sendMessage", "7", Json.object().put("rid", channelId).put("msg", "via method.call"))));
        assertThat(res.path("msg").asText()).isEqualTo("result");
        assertThat(res.path("id").asText()).isEqualTo("7");
        assertThat(res.path("result").path("msg").asText()).isEqualTo("via method.call");
        assertThat(res.path("result").path("u").path("_id").asText()).isEqualTo(alice.userId());
        assertThat(history(alice, channelId, 100)).contains("via method.call");
    }

    @Test
    void methodErrorsStayInsideA200() throws Exception {
        JsonNode res = result(alice.post("/api/v1/method.call/sendMessage",
            frame("sendMessage", "8", Json.object().put("rid", "nope").put("msg", "x"))));
        assertThat(res.path("error").path("error").asText()).isEqualTo("error-invalid-room");
        JsonNode unknown = result(alice.post("/api/v1/method.call/noSuchMethod", frame("noSuchMethod", "9")));
        assertThat(unknown.path("error").path("error").asInt()).isEqualTo(404);
    }

    @Test
    void theFrameNamesTheMethodNotTheUrl() throws Exception {
        JsonNode res = result(alice.post("/api/v1/method.call/whatever",
            frame("sendMessage", "11", Json.object().put("rid", channelId).put("msg", "frame decides"))));
        assertThat(res.path("result").path("msg").asText()).isEqualTo("frame decides");
    }

    @Test
    void callNeedsAuthentication() throws Exception {
        unauthenticated(anonymous().post("/api/v1/method.call/rooms%2Fget", frame("rooms/get", "1")));
    }

    @Test
    void callAnonLogsInWithADigest() throws Exception {
        JsonNode login = Json.object().set("user", Json.object().put("username", "user.3"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) login).set("password",
            Json.object().put("digest", Accounts.sha256Hex(PW)).put("algorithm", "sha-256"));
        JsonNode res = result(anonymous().post("/api/v1/method.callAnon/login", frame("login", "1", login)));
        assertThat(res.path("result").path("token").asText()).isNotEmpty();
        JsonNode bad = Json.object().set("user", Json.object().put("username", "user.3"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad).set("password",
            Json.object().put("digest", Accounts.sha256Hex("wrong")).put("algorithm", "sha-256"));
        JsonNode refused = result(anonymous().post("/api/v1/method.callAnon/login", frame("login", "2", bad)));
        assertThat(refused.path("error").path("error").asInt()).isEqualTo(403);
    }

    @Test
    void methodsThatNeedAUserRefuseAnonymousCallers() throws Exception {
        JsonNode res = result(anonymous().post("/api/v1/method.callAnon/sendMessage",
            frame("sendMessage", "3", Json.object().put("rid", channelId).put("msg", "anon via callAnon"))));
        assertThat(res.has("error")).isTrue();
        assertThat(history(alice, channelId, 100)).doesNotContain("anon via callAnon");
    }

    @Test
    void badFramesAre400() throws Exception {
        failure(alice.post("/api/v1/method.call/sendMessage", Json.object()), 400, "error-invalid-params");
        failure(alice.post("/api/v1/method.call/sendMessage", Json.object().put("message", "{not json")), 400, "error-invalid-params");
        failure(alice.post("/api/v1/method.call/sendMessage", Json.object().put("message", 42)), 400, "error-invalid-params");
        for (String frame : new String[] {"[1,2]", "42", "{\"msg\":\"method\",\"method\":\"sendMessage\",\"id\":\"1\",\"params\":\"x\"}",
            "{\"msg\":\"method\",\"method\":\"sendMessage\",\"params\":[]}", "{\"msg\":\"sub\",\"method\":\"x\",\"id\":\"1\",\"params\":[]}",
            "{\"msg\":\"method\",\"method\":7,\"id\":\"1\",\"params\":[]}"}) {
            HttpResponse<String> r = alice.post("/api/v1/method.call/sendMessage", Json.object().put("message", frame));
            failure(r, 400, "error-invalid-params");
        }
        assertThat(ok(alice.get("/api/v1/me")).path("_id").asText()).isEqualTo(alice.userId());
    }
}
