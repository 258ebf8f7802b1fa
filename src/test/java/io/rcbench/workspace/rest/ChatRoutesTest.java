package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code chat.sendMessage} (the sendMessage rules) and {@code chat.postMessage} (the webhook pipeline). */
class ChatRoutesTest extends SharedWorkspaceTest {
    private HttpResponse<String> sendRaw(ObjectNode message) throws Exception {
        return alice.post("/api/v1/chat.sendMessage", Json.object().set("message", message));
    }

    @Test
    void sendMessageStoresAndAnswersTheMessage() throws Exception {
        JsonNode m = send(alice, channelId, "hello rest");
        assertThat(m.path("_id").asText()).isNotEmpty();
        assertThat(m.path("rid").asText()).isEqualTo(channelId);
        assertThat(m.path("msg").asText()).isEqualTo("hello rest");
        assertThat(m.path("u").path("_id").asText()).isEqualTo(alice.userId());
        assertThat(m.path("u").path("username").asText()).isEqualTo("user.0");
        // Millis optional: Ejson.toRest uses Instant.toString, which drops ".000" (JS toISOString keeps it).
        assertThat(m.path("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
        assertThat(ws.stores().messages.exists(m.path("_id").asText())).isTrue();
    }

    @Test
    void restMessagesReachDdpListeners() throws Exception {
        try (io.rcbench.workspace.DdpTestClient listener = io.rcbench.workspace.DdpTestClient.login(ws, "user.1", PW)) {
            assertThat(listener.stream("stream-room-messages", channelId).path("msg").asText()).isEqualTo("ready");
            String sentId = send(alice, channelId, "over rest, heard over ddp").path("_id").asText();
            JsonNode event = listener.await(io.rcbench.workspace.DdpTestClient.streamEvent("stream-room-messages", channelId));
            JsonNode m = event.path("fields").path("args").get(0);
            assertThat(m.path("_id").asText()).isEqualTo(sentId);
            assertThat(m.path("msg").asText()).isEqualTo("over rest, heard over ddp");
            assertThat(m.path("ts").has("$date")).as("EJSON date on DDP, ISO string on REST").isTrue();
            ok(bot.post("/api/v1/chat.postMessage", Json.object().put("roomId", channelId).put("text", "posted, heard")));
            assertThat(listener.await(io.rcbench.workspace.DdpTestClient.streamEvent("stream-room-messages", channelId))
                .path("fields").path("args").get(0).path("msg").asText()).isEqualTo("posted, heard");
        }
    }

    @Test
    void clientIdIsIdempotent() throws Exception {
        ObjectNode m = Json.object().put("_id", "clientChosenId1").put("rid", channelId).put("msg", "once");
        JsonNode first = ok(sendRaw(m));
        assertThat(first.path("message").path("_id").asText()).isEqualTo("clientChosenId1");
        ok(sendRaw(m.deepCopy().put("msg", "twice")));
        assertThat(history(alice, channelId, 100)).contains("once").doesNotContain("twice");
    }

    @Test
    void sendMessageRefusesBadInput() throws Exception {
        failure(alice.post("/api/v1/chat.sendMessage", Json.object()), 400, "error-invalid-params");
        failure(alice.post("/api/v1/chat.sendMessage", Json.object().put("message", "text")), 400, "error-invalid-params");
        failure(sendRaw(Json.object().put("msg", "no room")), 400, "error-invalid-room");
        failure(sendRaw(Json.object().put("rid", "nope").put("msg", "x")), 400, "error-invalid-room");
        failure(sendRaw(Json.object().put("rid", channelId).put("msg", "x".repeat(5001))), 400, "error-message-size-exceeded");
        ObjectNode skewed = Json.object().put("rid", channelId).put("msg", "old");
        skewed.set("ts", Json.object().put("$date", System.currentTimeMillis() - 3_600_000));
        failure(sendRaw(skewed), 400, "error-message-ts-out-of-sync");
        HttpResponse<String> malformed = alice.send(alice.request("/api/v1/chat.sendMessage")
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"message\":{\"rid\":")).build());
        failure(malformed, 400, "error-invalid-body");
        assertThat(history(alice, channelId, 100)).doesNotContain("no room", "old");
    }

    @Test
    void nonMembersCannotSendIntoPrivateRooms() throws Exception {
        String rid = ok(alice.post("/api/v1/groups.create", Json.object().put("name", "chat-private"))).path("group").path("_id").asText();
        HttpResponse<String> r = carol.post("/api/v1/chat.sendMessage",
            Json.object().set("message", Json.object().put("rid", rid).put("msg", "intruder")));
        assertThat(r.statusCode()).as(r.body()).isIn(400, 403);
        assertThat(history(alice, "groups.history", rid, 10)).isEmpty();
    }

    @Test
    void impersonationNeedsThePermission() throws Exception {
        failure(sendRaw(Json.object().put("rid", channelId).put("msg", "fake").put("alias", "The CEO")), 400, null);
        failure(sendRaw(Json.object().put("rid", channelId).put("msg", "fake2").put("avatar", "http://x/a.png")), 400, null);
        JsonNode m = ok(bot.post("/api/v1/chat.sendMessage",
            Json.object().set("message", Json.object().put("rid", channelId).put("msg", "bot speaking").put("alias", "Alerts"))))
            .path("message");
        assertThat(m.path("alias").asText()).isEqualTo("Alerts");
        assertThat(history(alice, channelId, 100)).contains("bot speaking").doesNotContain("fake", "fake2");
    }

    @Test
    void unauthenticatedSendIs401() throws Exception {
        unauthenticated(anonymous().post("/api/v1/chat.sendMessage",
            Json.object().set("message", Json.object().put("rid", channelId).put("msg", "anon"))));
        unauthenticated(forged(alice).post("/api/v1/chat.postMessage", Json.object().put("roomId", channelId).put("text", "x")));
    }

    @Test
    void postMessageByChannelNameAnswersChannelAndMessage() throws Exception {
        HttpResponse<String> r = alice.post("/api/v1/chat.postMessage", Json.object().put("channel", "#loadtest-0").put("text", "posted"));
        JsonNode b = ok(r);
        assertThat(b.path("ts").isNumber()).isTrue();
        assertThat(b.path("channel").path("_id").asText()).isEqualTo(channelId);
        JsonNode m = b.path("message");
        assertThat(m.path("msg").asText()).isEqualTo("posted");
        assertThat(m.path("groupable").asBoolean(true)).isFalse();
        assertThat(m.path("rid").asText()).isEqualTo(channelId);
        assertThat(history(alice, channelId, 100)).contains("posted");
    }

    @Test
    void postMessageByRoomIdJoinsAPublicChannel() throws Exception {
        ok(carol.post("/api/v1/chat.postMessage", Json.object().put("roomId", channelId).put("text", "carol was here")));
        assertThat(ws.stores().rooms.isMember(channelId, carol.userId())).isTrue();
    }

    @Test
    void postMessageToAUserOpensTheDirectRoom() throws Exception {
        JsonNode b = ok(alice.post("/api/v1/chat.postMessage", Json.object().put("channel", "@user.3").put("text", "psst")));
        String rid = b.path("message").path("rid").asText();
        assertThat(b.path("channel").path("t").asText()).isEqualTo("d");
        assertThat(ws.stores().rooms.members(rid)).contains(alice.userId());
    }

    @Test
    void postMessageRefusesImpersonationAndBadTargets() throws Exception {
        failure(alice.post("/api/v1/chat.postMessage", Json.object().put("roomId", channelId).put("text", "as ceo").put("alias", "CEO")),
            400, null);
        failure(alice.post("/api/v1/chat.postMessage", Json.object().put("roomId", channelId).put("text", "as img")
            .put("avatar", "http://evil/a.png")), 400, null);
        failure(alice.post("/api/v1/chat.postMessage", Json.object().put("text", "nowhere")), 400, "error-invalid-channel");
        failure(alice.post("/api/v1/chat.postMessage", Json.object().put("channel", "#no-such-room").put("text", "x")), 400,
            "error-invalid-channel");
        failure(alice.post("/api/v1/chat.postMessage", Json.object().put("roomId", channelId).put("text", "y".repeat(5001))),
            400, "error-message-size-exceeded");
        String rid = ok(bob.post("/api/v1/groups.create", Json.object().put("name", "post-private"))).path("group").path("_id").asText();
        failure(carol.post("/api/v1/chat.postMessage", Json.object().put("roomId", rid).put("text", "let me in")), 400, "error-not-allowed");
        assertThat(ws.stores().rooms.isMember(rid, carol.userId())).isFalse();
        assertThat(history(alice, channelId, 100)).doesNotContain("as ceo", "as img");
    }

    @Test
    void readOnlyRoomsRefuseBothSendPaths() throws Exception {
        ObjectNode create = Json.object().put("name", "announcements").put("readOnly", true);
        create.putArray("members").add("user.1");
        String rid = ok(admin.post("/api/v1/channels.create", create)).path("channel").path("_id").asText();
        failure(bob.post("/api/v1/chat.sendMessage", Json.object().set("message", Json.object().put("rid", rid).put("msg", "ro send"))),
            400, "error-not-allowed");
        failure(bob.post("/api/v1/chat.postMessage", Json.object().put("roomId", rid).put("text", "ro post")), 400, "error-not-allowed");
        failure(carol.post("/api/v1/chat.postMessage", Json.object().put("roomId", rid).put("text", "ro join")), 400, "error-not-allowed");
        assertThat(ws.stores().rooms.isMember(rid, carol.userId())).isFalse();
        send(admin, rid, "admins may post");
        assertThat(history(bob, rid, 10)).containsExactly("admins may post");
    }

    @Test
    void aRefusedPostDoesNotJoinTheChannel() throws Exception {
        String rid = ok(alice.post("/api/v1/channels.create", Json.object().put("name", "no-side-effects"))).path("channel")
            .path("_id").asText();
        failure(carol.post("/api/v1/chat.postMessage", Json.object().put("roomId", rid).put("text", "q".repeat(5001))), 400,
            "error-message-size-exceeded");
        assertThat(ws.stores().rooms.isMember(rid, carol.userId())).isFalse();
    }

    @Test
    void botsMayPostWithAliasEmojiAndAvatar() throws Exception {
        JsonNode m = ok(bot.post("/api/v1/chat.postMessage", Json.object().put("roomId", channelId).put("text", "deploy done")
            .put("alias", "CI").put("emoji", ":rocket:").put("avatar", "https://example.invalid/ci.png"))).path("message");
        assertThat(m.path("alias").asText()).isEqualTo("CI");
        assertThat(m.path("emoji").asText()).isEqualTo(":rocket:");
        assertThat(m.path("avatar").asText()).isEqualTo("https://example.invalid/ci.png");
    }
}
