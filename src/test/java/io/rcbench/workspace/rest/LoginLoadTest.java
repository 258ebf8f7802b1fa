package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.Rest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The initial load of a web and of a mobile client (protocol section 4.7), call by call as the clients send them,
 * each answered with Rocket.Chat's shapes.
 */
class LoginLoadTest extends SharedWorkspaceTest {
    private static JsonNode frame(String method, JsonNode... params) {
        ArrayNode p = Json.array();
        for (JsonNode n : params) {
            p.add(n);
        }
        return Json.object().put("message", Json.write(Json.object().put("msg", "method").put("id", "1").put("method", method)
            .set("params", p)));
    }

    /** The {@code result} of a method.call / method.callAnon; fails on a method error. */
    private static JsonNode result(HttpResponse<String> r) {
        JsonNode res = Json.parse(ok(r).path("message").asText());
        assertThat(res.has("error")).as(res.toString()).isFalse();
        return res.path("result");
    }

    private static HttpResponse<String> call(Rest who, String method, JsonNode... params) throws Exception {
        String seg = URLEncoder.encode(method, StandardCharsets.UTF_8);
        return who.post("/api/v1/" + (who.userId() == null ? "method.callAnon/" : "method.call/") + seg, frame(method, params));
    }

    @Test
    void webClientBeforeLogin() throws Exception {
        JsonNode settings = result(call(anonymous(), "public-settings/get"));
        assertThat(settings.isArray()).isTrue();
        assertThat(settings.findValuesAsText("_id")).contains("Message_MaxAllowedSize", "Message_AllowEditing")
            .doesNotContain("API_Enable_Rate_Limiter_Limit_Calls_Default", "DDP_Max_Buffered_Bytes");
        JsonNode delta = result(call(anonymous(), "public-settings/get", Json.object().put("$date", 0)));
        assertThat(delta.path("update").isArray()).isTrue();
        assertThat(delta.path("remove").isArray()).isTrue();
        HttpResponse<String> buttons = anonymous().get("/api/apps/actionButtons");
        assertThat(buttons.statusCode()).isEqualTo(200);
        assertThat(body(buttons)).isEqualTo(Json.array());
    }

    @Test
    void webClientAfterLogin() throws Exception {
        JsonNode roles = ok(alice.get("/api/v1/roles.list")).path("roles");
        assertThat(roles.findValuesAsText("_id")).contains("admin", "user", "bot", "owner", "moderator");
        for (JsonNode r : roles) {
            assertThat(r.path("scope").asText()).isIn("Users", "Subscriptions");
            assertThat(r.path("_updatedAt").asText()).endsWith("Z");
        }
        assertThat(result(call(alice, "license:getModules"))).isEqualTo(Json.array());
        assertThat(result(call(alice, "listCustomSounds"))).isEqualTo(Json.array());
        assertThat(result(call(alice, "listCustomUserStatus"))).isEqualTo(Json.array());
        assertThat(result(call(alice, "license:isEnterprise")).asBoolean(true)).isFalse();
        assertThat(result(call(alice, "rooms/get")).findValuesAsText("_id")).contains(channelId);
        JsonNode perms = result(call(alice, "permissions/get"));
        JsonNode deleteOwn = null;
        for (JsonNode p : perms) {
            if (p.path("_id").asText().equals("delete-own-message")) {
                deleteOwn = p;
            }
        }
        assertThat(deleteOwn).isNotNull();
        assertThat(deleteOwn.path("roles").toString()).contains("\"user\"");
        JsonNode laterPerms = result(call(alice, "permissions/get", Json.object().put("$date", System.currentTimeMillis() + 60_000)));
        assertThat(laterPerms.path("update")).isEmpty();
        JsonNode subs = result(call(alice, "subscriptions/get"));
        assertThat(subs.findValuesAsText("rid")).contains(channelId);
    }

    @Test
    void webClientOpensARoom() throws Exception {
        send(bob, channelId, "before alice opens the room");
        JsonNode history = result(call(alice, "loadHistory", Json.MAPPER.getNodeFactory().textNode(channelId),
            Json.MAPPER.getNodeFactory().nullNode(), Json.MAPPER.getNodeFactory().numberNode(50),
            Json.object().put("$date", System.currentTimeMillis())));
        assertThat(history.path("messages").findValuesAsText("msg")).contains("before alice opens the room");
        JsonNode roles = ok(alice.get("/api/v1/rooms.roles?rid=" + channelId)).path("roles");
        assertThat(roles).hasSize(1);
        assertThat(roles.get(0).path("u").path("username").asText()).isEqualTo("user.0");
        assertThat(roles.get(0).path("roles").toString()).isEqualTo("[\"owner\"]");
        assertThat(roles.get(0).path("rid").asText()).isEqualTo(channelId);
        ok(alice.post("/api/v1/subscriptions.read", Json.object().put("rid", channelId)));
        failure(alice.get("/api/v1/rooms.roles"), 400, "error-invalid-params");
        unauthenticated(anonymous().get("/api/v1/rooms.roles?rid=" + channelId));
    }

    @Test
    void mobileClientLoad() throws Exception {
        assertThat(ok(alice.get("/api/v1/me")).path("username").asText()).isEqualTo("user.0");
        JsonNode perms = ok(alice.get("/api/v1/permissions.listAll"));
        assertThat(perms.path("update").findValuesAsText("_id")).contains("edit-message", "delete-message", "pin-message");
        assertThat(perms.path("remove").isArray()).isTrue();
        String query = URLEncoder.encode("{\"_id\":{\"$in\":[\"Message_AllowEditing\",\"Site_Name\",\"DDP_Max_Buffered_Bytes\"]}}",
            StandardCharsets.UTF_8);
        JsonNode pub = ok(anonymous().get("/api/v1/settings.public?query=" + query));
        assertThat(pub.path("settings").findValuesAsText("_id")).containsExactlyInAnyOrder("Message_AllowEditing", "Site_Name");
        assertThat(pub.path("total").asInt()).isEqualTo(2);
        JsonNode subs = ok(alice.get("/api/v1/subscriptions.get"));
        assertThat(subs.path("update").findValuesAsText("rid")).contains(channelId);
        assertThat(subs.path("update").get(0).has("unread")).isTrue();
        assertThat(ok(alice.get("/api/v1/subscriptions.get?updatedSince=2999-01-01T00:00:00.000Z")).path("update")).isEmpty();
        failure(alice.get("/api/v1/subscriptions.get?updatedSince=yesterday"), 400, "error-updatedSince-param-invalid");
        JsonNode rooms = ok(alice.get("/api/v1/rooms.get"));
        assertThat(rooms.path("update").findValuesAsText("_id")).contains(channelId);
        JsonNode members = ok(alice.get("/api/v1/channels.members?roomId=" + channelId));
        assertThat(members.path("members").findValuesAsText("username")).contains("user.0", "user.1", "bot.0");
        assertThat(members.path("total").asInt()).isEqualTo(3);
        assertThat(members.path("members").get(0).has("status")).isTrue();
        assertThat(ok(alice.get("/api/v1/channels.roles?roomId=" + channelId)).path("roles").get(0).path("roles").get(0).asText())
            .isEqualTo("owner");
        ok(alice.get("/api/v1/channels.history?roomId=" + channelId));
        JsonNode commands = ok(alice.get("/api/v1/commands.list"));
        assertThat(commands.path("commands").findValuesAsText("command")).contains("me", "shrug", "join", "leave");
        assertThat(commands.path("total").asInt()).isEqualTo(commands.path("commands").size());
        try (DdpTestClient c = DdpTestClient.login(ws, "user.0", PW)) {
            assertThat(c.sub("userData").path("msg").asText()).isEqualTo("ready");
            assertThat(c.sub("activeUsers").path("msg").asText()).isEqualTo("ready");
        }
    }

    @Test
    void webClientMemberListAndOneMessage() throws Exception {
        try (DdpTestClient bobs = DdpTestClient.login(ws, "user.1", PW); DdpTestClient c = DdpTestClient.login(ws, "user.0", PW)) {
            JsonNode online = c.call("getUsersOfRoom", Json.MAPPER.getNodeFactory().textNode(channelId),
                Json.MAPPER.getNodeFactory().booleanNode(false)).path("result");
            assertThat(online.path("records").findValuesAsText("username")).contains("user.0", "user.1").doesNotContain("bot.0");
            JsonNode all = c.call("getUsersOfRoom", Json.MAPPER.getNodeFactory().textNode(channelId),
                Json.MAPPER.getNodeFactory().booleanNode(true), Json.object().put("limit", 2).put("skip", 1)).path("result");
            assertThat(all.path("total").asInt()).isEqualTo(3);
            assertThat(all.path("records").findValuesAsText("username")).containsExactly("user.0", "user.1");
            assertThat(all.path("records").get(0).path("status").asText()).isEqualTo("online");
            assertThat(c.call("getUsersOfRoom", Json.MAPPER.getNodeFactory().textNode("nope")).path("error").path("error").asText())
                .isEqualTo("error-invalid-room");
        }
        String id = send(bob, channelId, "fetch me by id").path("_id").asText();
        assertThat(ok(alice.get("/api/v1/chat.getMessage?msgId=" + id)).path("message").path("msg").asText()).isEqualTo("fetch me by id");
        failure(alice.get("/api/v1/chat.getMessage?msgId=nope"), 400, null);
        failure(alice.get("/api/v1/chat.getMessage"), 400, null);
    }

    @Test
    void loginLoadNeedsALogin() throws Exception {
        unauthenticated(anonymous().get("/api/v1/roles.list"));
        unauthenticated(anonymous().get("/api/v1/permissions.listAll"));
        unauthenticated(anonymous().get("/api/v1/subscriptions.get"));
        unauthenticated(anonymous().get("/api/v1/rooms.get"));
        unauthenticated(anonymous().get("/api/v1/commands.list"));
        JsonNode res = Json.parse(ok(anonymous().post("/api/v1/method.callAnon/listCustomUserStatus",
            frame("listCustomUserStatus"))).path("message").asText());
        assertThat(res.path("error").path("error").asText()).isEqualTo("error-invalid-user");
    }
}
