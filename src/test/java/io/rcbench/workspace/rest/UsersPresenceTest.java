package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.Rest;
import org.junit.jupiter.api.Test;

/**
 * Users and presence: {@code users.info/list/getStatus/setStatus/presence/update/resetAvatar/delete},
 * {@code UserPresence:*} methods, the presence and user-status streams, the {@code stream-notify-logged} events of user
 * changes, {@code roles.*}, {@code public-settings-changed}, {@code commands.run} and {@code integrations.remove}.
 */
class UsersPresenceTest extends SharedWorkspaceTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void statusChangesReachWatchersAndTheRestViews() throws Exception {
        try (DdpTestClient alices = DdpTestClient.login(ws, "user.0", PW);
             DdpTestClient watcher = DdpTestClient.login(ws, "user.1", PW)) {
            assertThat(watcher.sub("stream-user-presence", F.textNode(""),
                Json.object().set("added", Json.array().add(alice.userId()))).path("msg").asText()).isEqualTo("ready");
            watcher.stream("stream-notify-logged", "user-status");
            assertThat(ok(bob.get("/api/v1/users.getStatus?userId=" + alice.userId())).path("status").asText()).isEqualTo("online");
            ok(alice.post("/api/v1/users.setStatus", Json.object().put("status", "busy").put("message", "in a meeting")));
            JsonNode presence = watcher.await(f -> DdpTestClient.streamEvent("stream-user-presence", alice.userId()).test(f)
                && f.path("fields").path("args").get(0).path(1).asInt() == 3);
            assertThat(presence.path("fields").path("args").get(0).get(2).asText()).isEqualTo("in a meeting");
            JsonNode status = watcher.await(f -> DdpTestClient.streamEvent("stream-notify-logged", "user-status").test(f)
                && f.path("fields").path("args").get(0).get(0).asText().equals(alice.userId())
                && f.path("fields").path("args").get(0).get(2).asInt() == 3);
            assertThat(status.path("fields").path("args").get(0).get(1).asText()).isEqualTo("user.0");
            JsonNode got = ok(bob.get("/api/v1/users.getStatus?userId=" + alice.userId()));
            assertThat(got.path("status").asText()).isEqualTo("busy");
            assertThat(got.has("connectionStatus")).as("only the user sees their connection status").isFalse();
            assertThat(got.path("message").asText()).isEqualTo("in a meeting");
            assertThat(ok(alice.get("/api/v1/users.getStatus")).path("connectionStatus").asText()).isEqualTo("online");
            JsonNode me = ok(alice.get("/api/v1/me"));
            assertThat(me.path("status").asText()).isEqualTo("busy");
            assertThat(me.path("statusText").asText()).isEqualTo("in a meeting");
            JsonNode users = ok(bob.get("/api/v1/users.presence?ids=" + alice.userId() + "," + carol.userId())).path("users");
            assertThat(users.findValuesAsText("status")).containsExactly("busy", "offline");
            assertThat(ok(bob.get("/api/v1/users.info?userId=" + alice.userId())).path("user").path("status").asText()).isEqualTo("busy");
            // The DDP side: the status menu and the idle timer.
            assertThat(alices.call("UserPresence:setDefaultStatus", F.textNode("online")).path("result").asBoolean()).isTrue();
            assertThat(alices.call("UserPresence:away").path("result").asBoolean()).isTrue();
            watcher.await(f -> DdpTestClient.streamEvent("stream-user-presence", alice.userId()).test(f)
                && f.path("fields").path("args").get(0).path(1).asInt() == 2);
            assertThat(ok(alice.get("/api/v1/users.getStatus?username=user.0")).path("connectionStatus").asText()).isEqualTo("away");
            alices.call("UserPresence:online");
            assertThat(alices.call("UserPresence:setDefaultStatus", F.textNode("dancing")).has("error")).isTrue();
        }
        // Every session gone: offline whatever was chosen.
        assertThat(ok(bob.get("/api/v1/users.getStatus?userId=" + alice.userId())).path("status").asText()).isEqualTo("offline");
        failure(alice.post("/api/v1/users.setStatus", Json.object().put("status", "dancing")), 400, "error-invalid-status");
        failure(alice.post("/api/v1/users.setStatus", Json.object().put("message", "x".repeat(121))), 400, "error-status-text-too-long");
        forbidden(alice.post("/api/v1/users.setStatus", Json.object().put("status", "away").put("userId", bob.userId())));
        failure(bob.get("/api/v1/users.getStatus?userId=nope"), 400, "error-invalid-user");
    }

    @Test
    void infoAndList() throws Exception {
        JsonNode other = ok(bob.get("/api/v1/users.info?username=user.0")).path("user");
        assertThat(other.path("_id").asText()).isEqualTo(alice.userId());
        assertThat(other.has("emails")).as("another user's email is private").isFalse();
        assertThat(ok(admin.get("/api/v1/users.info?username=user.0")).path("user").has("emails")).isTrue();
        assertThat(ok(alice.get("/api/v1/users.info?userId=" + alice.userId())).path("user").has("emails")).isTrue();
        failure(bob.get("/api/v1/users.info"), 400, "error-user-param-not-provided");
        failure(bob.get("/api/v1/users.info?username=nobody"), 400, "error-invalid-user");
        JsonNode list = ok(bob.get("/api/v1/users.list?count=2"));
        assertThat(list.path("users")).hasSize(2);
        assertThat(list.path("total").asInt()).isGreaterThanOrEqualTo(5);
        unauthenticated(anonymous().get("/api/v1/users.list"));
    }

    @Test
    void userChangesAreAnnouncedToLoggedInClients() throws Exception {
        try (DdpTestClient watcher = DdpTestClient.login(ws, "user.1", PW)) {
            for (String e : new String[] {"Users:NameChanged", "Users:Deleted", "updateAvatar", "roles-change"}) {
                assertThat(watcher.stream("stream-notify-logged", e).path("msg").asText()).isEqualTo("ready");
            }
            Rest dave = Rest.login(ws, "user.3", PW);
            JsonNode renamed = ok(dave.post("/api/v1/users.updateOwnBasicInfo",
                Json.object().set("data", Json.object().put("name", "Dave Renamed")))).path("user");
            assertThat(renamed.path("name").asText()).isEqualTo("Dave Renamed");
            JsonNode ev = watcher.await(DdpTestClient.streamEvent("stream-notify-logged", "Users:NameChanged"));
            assertThat(ev.path("fields").path("args").get(0)).isEqualTo(Json.object().put("_id", dave.userId())
                .put("name", "Dave Renamed").put("username", "user.3"));
            forbidden(dave.post("/api/v1/users.update", Json.object().put("userId", bob.userId())
                .set("data", Json.object().put("name", "x"))));

            ok(dave.post("/api/v1/users.resetAvatar", Json.object()));
            JsonNode avatar = watcher.await(DdpTestClient.streamEvent("stream-notify-logged", "updateAvatar"));
            assertThat(avatar.path("fields").path("args").get(0).path("username").asText()).isEqualTo("user.3");
            assertThat(avatar.path("fields").path("args").get(0).path("etag").asText()).isNotEmpty();

            failure(dave.post("/api/v1/roles.addUserToRole", Json.object().put("roleName", "livechat-agent").put("username", "user.3")),
                400, "error-not-allowed");
            JsonNode role = ok(admin.post("/api/v1/roles.addUserToRole",
                Json.object().put("roleName", "livechat-agent").put("username", "user.3"))).path("role");
            assertThat(role.path("_id").asText()).isEqualTo("livechat-agent");
            JsonNode rc = watcher.await(DdpTestClient.streamEvent("stream-notify-logged", "roles-change")).path("fields").path("args").get(0);
            assertThat(rc.path("type").asText()).isEqualTo("added");
            assertThat(rc.path("_id").asText()).isEqualTo("livechat-agent");
            assertThat(rc.path("u").path("_id").asText()).isEqualTo(dave.userId());
            assertThat(ok(admin.get("/api/v1/roles.getUsersInRole?role=livechat-agent")).path("users").findValuesAsText("username"))
                .containsExactly("user.3");
            failure(admin.post("/api/v1/roles.addUserToRole", Json.object().put("roleName", "livechat-agent").put("username", "user.3")),
                400, "error-user-already-in-role");
            ok(admin.post("/api/v1/roles.removeUserFromRole", Json.object().put("roleName", "livechat-agent").put("username", "user.3")));
            assertThat(watcher.await(DdpTestClient.streamEvent("stream-notify-logged", "roles-change")).path("fields").path("args")
                .get(0).path("type").asText()).isEqualTo("removed");
            failure(admin.get("/api/v1/roles.getUsersInRole?role=wizard"), 400, "error-invalid-roleId");
            failure(bob.get("/api/v1/roles.getUsersInRole?role=admin"), 400, "error-not-allowed");

            forbidden(bob.post("/api/v1/users.delete", Json.object().put("userId", dave.userId())));
            ok(admin.post("/api/v1/users.delete", Json.object().put("userId", dave.userId())));
            JsonNode deleted = watcher.await(DdpTestClient.streamEvent("stream-notify-logged", "Users:Deleted"));
            assertThat(deleted.path("fields").path("args").get(0).path("userId").asText()).isEqualTo(dave.userId());
            unauthenticated(dave.get("/api/v1/me"));
            failure(admin.post("/api/v1/users.delete", Json.object().put("userId", dave.userId())), 400, "error-invalid-user");
        }
    }

    @Test
    void publicSettingChangesReachEveryone() throws Exception {
        try (DdpTestClient anon = DdpTestClient.connect(ws)) {
            assertThat(anon.stream("stream-notify-all", "public-settings-changed").path("msg").asText()).isEqualTo("ready");
            ok(admin.post("/api/v1/settings/Message_AllowPinning", Json.object().put("value", false)));
            JsonNode ev = anon.await(DdpTestClient.streamEvent("stream-notify-all", "public-settings-changed"));
            assertThat(ev.path("fields").path("args").get(0).asText()).isEqualTo("updated");
            assertThat(ev.path("fields").path("args").get(1).path("_id").asText()).isEqualTo("Message_AllowPinning");
            assertThat(ev.path("fields").path("args").get(1).path("value").asBoolean(true)).isFalse();
            // A private setting changes silently.
            ok(admin.post("/api/v1/settings/DDP_Max_Buffered_Bytes", Json.object().put("value", 5_000_000)));
            assertThat(anon.nothingWithin(DdpTestClient.streamEvent("stream-notify-all", "public-settings-changed"), 300)).isTrue();
            String id = send(alice, channelId, "no pins today").path("_id").asText();
            failure(alice.post("/api/v1/chat.pinMessage", Json.object().put("messageId", id)), 400, "error-action-not-allowed");
        } finally {
            ok(admin.post("/api/v1/settings/Message_AllowPinning", Json.object().put("value", true)));
            ok(admin.post("/api/v1/settings/DDP_Max_Buffered_Bytes", Json.object().put("value", 4L << 20)));
        }
    }

    @Test
    void permissionChangesApplyAtOnceAndAreAnnounced() throws Exception {
        String own = send(bob, channelId, "bob may not delete this").path("_id").asText();
        try (DdpTestClient watcher = DdpTestClient.login(ws, "user.2", PW)) {
            watcher.stream("stream-notify-logged", "permissions-changed");
            forbiddenOrNotAllowed(bob.post("/api/v1/permissions.update", update("delete-own-message", "admin")));
            java.time.Instant before = java.time.Instant.now().minusMillis(1);
            JsonNode all = ok(admin.post("/api/v1/permissions.update", update("delete-own-message", "admin"))).path("permissions");
            assertThat(all.findValuesAsText("_id")).contains("delete-own-message", "edit-message");
            JsonNode ev = watcher.await(DdpTestClient.streamEvent("stream-notify-logged", "permissions-changed"));
            assertThat(ev.path("fields").path("args").get(0).asText()).isEqualTo("updated");
            assertThat(ev.path("fields").path("args").get(1).path("_id").asText()).isEqualTo("delete-own-message");
            assertThat(ev.path("fields").path("args").get(1).path("roles")).isEqualTo(Json.array().add("admin"));
            failure(bob.post("/api/v1/chat.delete", Json.object().put("roomId", channelId).put("msgId", own)), 400,
                "error-action-not-allowed");
            JsonNode listed = ok(bob.get("/api/v1/permissions.listAll?updatedSince=" + before));
            assertThat(listed.path("update").findValuesAsText("_id")).containsExactly("delete-own-message");
        } finally {
            ok(admin.post("/api/v1/permissions.update", update("delete-own-message", "admin", "user")));
        }
        ok(bob.post("/api/v1/chat.delete", Json.object().put("roomId", channelId).put("msgId", own)));
        failure(admin.post("/api/v1/permissions.update", update("no-such-permission", "admin")), 400, "error-invalid-permission");
        failure(admin.post("/api/v1/permissions.update", update("edit-message", "wizard")), 400, "error-invalid-role");
        failure(admin.post("/api/v1/permissions.update", Json.object()), 400, "error-invalid-params");
    }

    private static JsonNode update(String id, String... roles) {
        var r = Json.array();
        for (String role : roles) {
            r.add(role);
        }
        return Json.object().set("permissions", Json.array().add(Json.object().put("_id", id).set("roles", r)));
    }

    private static void forbiddenOrNotAllowed(java.net.http.HttpResponse<String> r) {
        failure(r, 400, "error-access-denied");
    }

    @Test
    void slashCommands() throws Exception {
        ok(bob.post("/api/v1/commands.run", Json.object().put("command", "shrug").put("params", "oh well").put("roomId", channelId)));
        ok(bob.post("/api/v1/commands.run", Json.object().put("command", "me").put("params", "waves").put("roomId", channelId)));
        assertThat(history(bob, channelId, 10)).contains("oh well ¯\\_(ツ)_/¯", "_waves_");
        failure(bob.post("/api/v1/commands.run", Json.object().put("command", "nosuch").put("roomId", channelId)), 400,
            "error-invalid-command");
        failure(bob.post("/api/v1/commands.run", Json.object().put("command", "shrug")), 400, "error-invalid-params");
        failure(carol.post("/api/v1/commands.run", Json.object().put("command", "shrug").put("roomId", channelId)), 400,
            "error-invalid-room");
        ok(carol.post("/api/v1/commands.run", Json.object().put("command", "join").put("params", "#loadtest-0")
            .put("roomId", ok(carol.post("/api/v1/groups.create", Json.object().put("name", "carol-cmd"))).path("group").path("_id").asText())));
        assertThat(ws.stores().rooms.isMember(channelId, carol.userId())).isTrue();
        ok(carol.post("/api/v1/commands.run", Json.object().put("command", "leave").put("roomId", channelId)));
        assertThat(ws.stores().rooms.isMember(channelId, carol.userId())).isFalse();
        assertThat(ok(bob.get("/api/v1/commands.get?command=shrug")).path("command").path("command").asText()).isEqualTo("shrug");
    }

    @Test
    void integrationsRemove() throws Exception {
        String id = ws.stores().integrations.all().get(0).id();
        forbidden(bob.post("/api/v1/integrations.remove", Json.object().put("type", "webhook-incoming").put("integrationId", id)));
        failure(admin.post("/api/v1/integrations.remove", Json.object().put("type", "webhook-incoming").put("integrationId", "nope")),
            400, "error-invalid-integration");
        JsonNode removed = ok(admin.post("/api/v1/integrations.remove",
            Json.object().put("type", "webhook-incoming").put("integrationId", id))).path("integration");
        assertThat(removed.path("_id").asText()).isEqualTo(id);
        assertThat(ws.stores().integrations.byId(id)).isEmpty();
        failure(admin.post("/api/v1/integrations.remove", Json.object().put("type", "x").put("integrationId", id)), 400,
            "error-invalid-type");
    }
}
