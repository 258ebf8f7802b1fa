package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.Rest;
import io.rcbench.workspace.service.Accounts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code login}, {@code logout} and {@code me} (protocol section 5): the normal path and refusals. */
class AuthRoutesTest extends SharedWorkspaceTest {
    private static final JsonNode UNAUTHORIZED =
        Json.parse("{\"status\":\"error\",\"error\":\"Unauthorized\",\"message\":\"Unauthorized\"}");

    @Test
    void passwordLoginAnswersTokenAndMe() throws Exception {
        HttpResponse<String> r = anonymous().post("/api/v1/login", Json.object().put("user", "user.3").put("password", PW));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = body(r);
        assertThat(b.path("status").asText()).isEqualTo("success");
        JsonNode data = b.path("data");
        assertThat(data.path("userId").asText()).isNotEmpty();
        assertThat(data.path("authToken").asText()).hasSizeGreaterThan(20);
        assertThat(data.path("me").path("username").asText()).isEqualTo("user.3");
        assertThat(data.path("me").path("_id").asText()).isEqualTo(data.path("userId").asText());
        assertThat(r.body()).doesNotContain("\"password\"").doesNotContain("$2a$");
    }

    @Test
    void loginAcceptsUsernameEmailAndDigestForms() throws Exception {
        assertThat(anonymous().post("/api/v1/login", Json.object().put("username", "user.3").put("password", PW)).statusCode())
            .isEqualTo(200);
        assertThat(anonymous().post("/api/v1/login", Json.object().put("email", "user.3@loadtest.invalid").put("password", PW))
            .statusCode()).isEqualTo(200);
        JsonNode digest = Json.object().put("digest", Accounts.sha256Hex(PW)).put("algorithm", "sha-256");
        HttpResponse<String> r = anonymous().post("/api/v1/login", Json.object().put("user", "user.3").set("password", digest));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void resumeLoginReturnsTheSameToken() throws Exception {
        HttpResponse<String> r = anonymous().post("/api/v1/login", Json.object().put("resume", alice.token()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(body(r).path("data").path("authToken").asText()).isEqualTo(alice.token());
        assertThat(body(r).path("data").path("userId").asText()).isEqualTo(alice.userId());
    }

    @Test
    void wrongPasswordIs401WithRocketChatsBody() throws Exception {
        HttpResponse<String> r = anonymous().post("/api/v1/login", Json.object().put("user", "user.0").put("password", "nope"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(body(r)).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void unknownUserAndUnknownResumeTokenAre401() throws Exception {
        HttpResponse<String> r = anonymous().post("/api/v1/login", Json.object().put("user", "nobody").put("password", PW));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(body(r)).isEqualTo(UNAUTHORIZED);
        r = anonymous().post("/api/v1/login", Json.object().put("resume", "no-such-token"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(body(r)).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void missingFieldsAre401() throws Exception {
        assertThat(anonymous().post("/api/v1/login", Json.object().put("user", "user.0")).statusCode()).isEqualTo(401);
        assertThat(anonymous().post("/api/v1/login", Json.object().put("password", PW)).statusCode()).isEqualTo(401);
        assertThat(anonymous().post("/api/v1/login", Json.object()).statusCode()).isEqualTo(401);
    }

    @Test
    void oddlyTypedFieldsAreRefusedNotCrashed() throws Exception {
        for (String bad : new String[] {"{\"user\":[1,2],\"password\":\"pw\"}", "{\"user\":\"user.0\",\"password\":42}",
            "{\"user\":\"user.0\",\"password\":{\"digest\":7}}", "{\"user\":{},\"password\":\"pw\"}", "{\"resume\":{}}", "[]", "\"x\""}) {
            HttpResponse<String> r = anonymous().send(anonymous().request("/api/v1/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bad)).build());
            assertThat(r.statusCode()).as(bad + " -> " + r.body()).isIn(400, 401);
        }
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse<String> r = anonymous().send(anonymous().request("/api/v1/login").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"user.0\",")).build());
        failure(r, 400, "error-invalid-body");
    }

    @Test
    void meDescribesTheCaller() throws Exception {
        JsonNode me = ok(alice.get("/api/v1/me"));
        assertThat(me.path("_id").asText()).isEqualTo(alice.userId());
        assertThat(me.path("username").asText()).isEqualTo("user.0");
        assertThat(me.path("emails").get(0).path("address").asText()).isEqualTo("user.0@loadtest.invalid");
        assertThat(me.path("roles")).containsExactly(Json.MAPPER.getNodeFactory().textNode("user"));
        for (String field : new String[] {"name", "status", "statusConnection", "utcOffset", "active", "settings", "avatarUrl"}) {
            assertThat(me.has(field)).as(field).isTrue();
        }
        assertThat(me.toString()).doesNotContain("$2a$").doesNotContain("services");
    }

    @Test
    void meWithoutOrWithForgedCredentialsIs401() throws Exception {
        unauthenticated(anonymous().get("/api/v1/me"));
        unauthenticated(forged(alice).get("/api/v1/me"));
        unauthenticated(new Rest(ws.baseUri(), bob.userId(), alice.token()).get("/api/v1/me"));
    }

    @Test
    void credentialsInQueryOrCookieAuthenticateToo() throws Exception {
        JsonNode me = ok(anonymous().get("/api/v1/me?rc_uid=" + alice.userId() + "&rc_token=" + alice.token()));
        assertThat(me.path("_id").asText()).isEqualTo(alice.userId());
        HttpResponse<String> r = anonymous().send(anonymous().request("/api/v1/me")
            .header("Cookie", "rc_uid=" + alice.userId() + "; rc_token=" + alice.token()).GET().build());
        assertThat(ok(r).path("username").asText()).isEqualTo("user.0");
    }

    @Test
    void logoutRevokesTheTokenOnly() throws Exception {
        Rest first = Rest.login(ws, "user.3", PW);
        Rest second = Rest.login(ws, "user.3", PW);
        HttpResponse<String> r = first.post("/api/v1/logout", Json.object());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(body(r)).isEqualTo(Json.parse("{\"status\":\"success\",\"data\":{\"message\":\"You've been logged out!\"}}"));
        unauthenticated(first.get("/api/v1/me"));
        unauthenticated(first.post("/api/v1/logout", Json.object()));
        assertThat(ok(second.get("/api/v1/me")).path("username").asText()).isEqualTo("user.3");
        assertThat(anonymous().post("/api/v1/login", Json.object().put("resume", first.token())).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutWithoutCredentialsIs401() throws Exception {
        unauthenticated(anonymous().post("/api/v1/logout", Json.object()));
    }

    @Test
    void wrongHttpMethodIs404() throws Exception {
        failure(anonymous().get("/api/v1/login"), 404, null);
        failure(alice.post("/api/v1/me", Json.object()), 404, null);
    }
}
