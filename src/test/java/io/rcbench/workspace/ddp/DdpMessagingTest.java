package io.rcbench.workspace.ddp;

import static io.rcbench.workspace.DdpTestClient.streamEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import io.rcbench.workspace.seed.SeedResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login, messaging, streams, typing and presence over DDP against a seeded workspace (protocol 2-4). */
class DdpMessagingTest {
    static final String PW = "pw-secret";
    @TempDir
    static Path dir;
    static Workspace ws;
    static String room;

    @BeforeAll
    static void start() {
        ws = TestWorkspaces.start(dir);
        SeedResult r = ws.seeder().seed(new SeedPlan(6, 2, 3, "c", 1, 0, PW, 4));
        room = r.roomIds().get(0);
    }

    @AfterAll
    static void stop() {
        ws.close();
    }

    static ObjectNode message(String rid, String text) {
        return Json.object().put("rid", rid).put("msg", text);
    }

    @Test
    void passwordLoginReturnsTokenThatResumesAndWrongPasswordIs403() throws Exception {
        try (DdpTestClient c = DdpTestClient.connect(ws)) {
            ObjectNode req = Json.object();
            req.set("user", Json.object().put("username", "user.0"));
            req.set("password", Json.object().put("digest", io.rcbench.workspace.service.Accounts.sha256Hex("wrong")).put("algorithm", "sha-256"));
            JsonNode bad = c.call("login", req);
            assertThat(bad.path("error").path("error").asInt()).isEqualTo(403);
            assertThat(bad.path("error").path("reason").asText()).isEqualTo("Incorrect password");

            req.set("password", Json.object().put("digest", io.rcbench.workspace.service.Accounts.sha256Hex(PW)).put("algorithm", "sha-256"));
            JsonNode ok = c.call("login", req).path("result");
            assertThat(ok.path("type").asText()).isEqualTo("password");
            assertThat(Ejson.isDate(ok.path("tokenExpires"))).isTrue();
            assertThat(c.await(f -> "added".equals(f.path("msg").asText()) && "users".equals(f.path("collection").asText()))
                .path("fields").path("username").asText()).isEqualTo("user.0");

            try (DdpTestClient other = DdpTestClient.connect(ws)) {
                JsonNode resumed = other.call("login", Json.object().put("resume", ok.path("token").asText())).path("result");
                assertThat(resumed.path("id").asText()).isEqualTo(ok.path("id").asText());
                assertThat(resumed.path("type").asText()).isEqualTo("resume");
                JsonNode unknown = other.call("login", Json.object().put("resume", "not-a-token"));
                assertThat(unknown.path("error").path("error").asInt()).isEqualTo(403);
            }
        }
    }

    @Test
    void sentMessageReachesEveryRoomListenerIncludingTheSender() throws Exception {
        try (DdpTestClient alice = DdpTestClient.login(ws, "user.0", PW);
             DdpTestClient bob = DdpTestClient.login(ws, "user.1", PW)) {
            assertThat(alice.stream("stream-room-messages", room).path("msg").asText()).isEqualTo("ready");
            assertThat(bob.stream("stream-room-messages", room).path("msg").asText()).isEqualTo("ready");
            assertThat(bob.stream("stream-room-messages", "__my_messages__").path("msg").asText()).isEqualTo("ready");
            JsonNode sent = alice.call("sendMessage", message(room, "hello @user.1")).path("result");
            assertThat(sent.path("u").path("username").asText()).isEqualTo("user.0");
            assertThat(sent.path("mentions").get(0).path("username").asText()).isEqualTo("user.1");
            assertThat(sent.path("md").get(0).path("type").asText()).isEqualTo("PARAGRAPH");

            JsonNode atBob = bob.await(streamEvent("stream-room-messages", room));
            assertThat(atBob.path("id").asText()).isEqualTo("id");
            assertThat(atBob.path("fields").path("args").get(0).path("_id").asText()).isEqualTo(sent.path("_id").asText());
            assertThat(alice.await(streamEvent("stream-room-messages", room)).path("fields").path("args").get(0).path("msg").asText())
                .isEqualTo("hello @user.1");
            JsonNode mine = bob.await(streamEvent("stream-room-messages", "__my_messages__"));
            assertThat(mine.path("fields").path("args").get(1).path("roomType").asText()).isEqualTo("c");
        }
    }

    @Test
    void clientIdIsIdempotentAndOversizedOrSkewedMessagesAreRefused() throws Exception {
        try (DdpTestClient alice = DdpTestClient.login(ws, "user.1", PW)) {
            ObjectNode m = message(room, "once").put("_id", "fixedClientId00001");
            assertThat(alice.call("sendMessage", m).path("result").path("_id").asText()).isEqualTo("fixedClientId00001");
            JsonNode again = alice.call("sendMessage", m);
            assertThat(again.has("result")).isFalse();
            assertThat(again.has("error")).isFalse();

            JsonNode big = alice.call("sendMessage", message(room, "x".repeat(5001)));
            assertThat(big.path("error").path("error").asText()).isEqualTo("error-message-size-exceeded");
            ObjectNode skewed = message(room, "late");
            skewed.set("ts", Ejson.date(System.currentTimeMillis() - 120_000));
            assertThat(alice.call("sendMessage", skewed).path("error").path("error").asText()).isEqualTo("error-message-ts-out-of-sync");

            JsonNode history = alice.call("loadHistory", TextNode.valueOf(room), Json.object().nullNode(),
                Json.MAPPER.getNodeFactory().numberNode(50), Ejson.date(System.currentTimeMillis())).path("result");
            long copies = 0;
            for (JsonNode msg : history.path("messages")) {
                copies += msg.path("_id").asText().equals("fixedClientId00001") ? 1 : 0;
            }
            assertThat(copies).isEqualTo(1);
        }
    }

    @Test
    void nonMembersCannotSendAndAnonymousCallsAreInvalidUser() throws Exception {
        String otherRoom = ws.stores().rooms.byName("loadtest-1").orElseThrow().id();
        try (DdpTestClient anon = DdpTestClient.connect(ws); DdpTestClient alice = DdpTestClient.login(ws, "user.2", PW)) {
            assertThat(anon.call("sendMessage", message(room, "hi")).path("error").path("error").asText())
                .isEqualTo("error-invalid-user");
            assertThat(alice.call("sendMessage", message(otherRoom, "hi")).path("error").path("error").asText())
                .isEqualTo("error-not-allowed");
            assertThat(alice.call("sendMessage", message("nope", "hi")).path("error").path("error").asText())
                .isEqualTo("error-invalid-room");
            assertThat(alice.call("joinRoom", TextNode.valueOf(otherRoom)).path("result").asBoolean()).isTrue();
            assertThat(alice.call("sendMessage", message(otherRoom, "now a member")).has("result")).isTrue();
        }
    }

    @Test
    void typingReachesOthersButNotTheSenderAndAWrongUsernameIsDropped() throws Exception {
        try (DdpTestClient alice = DdpTestClient.login(ws, "user.0", PW);
             DdpTestClient bob = DdpTestClient.login(ws, "user.1", PW)) {
            String event = room + "/user-activity";
            alice.stream("stream-notify-room", event);
            bob.stream("stream-notify-room", event);
            alice.call("stream-notify-room", TextNode.valueOf(event), TextNode.valueOf("user.0"), Json.array().add("user-typing"));
            JsonNode f = bob.await(streamEvent("stream-notify-room", event));
            assertThat(f.path("fields").path("args").get(0).asText()).isEqualTo("user.0");
            assertThat(f.path("fields").path("args").get(1).get(0).asText()).isEqualTo("user-typing");
            assertThat(alice.nothingWithin(streamEvent("stream-notify-room", event), 300)).isTrue();

            alice.call("stream-notify-room", TextNode.valueOf(event), TextNode.valueOf("user.5"), Json.array().add("user-typing"));
            assertThat(bob.nothingWithin(streamEvent("stream-notify-room", event), 300)).isTrue();
        }
    }

    @Test
    void loginAndDisconnectAnnounceUserStatusAndPresence() throws Exception {
        try (DdpTestClient watcher = DdpTestClient.login(ws, "user.2", PW)) {
            assertThat(watcher.stream("stream-notify-logged", "user-status").path("msg").asText()).isEqualTo("ready");
            String uid = ws.stores().users.byUsername("user.3").orElseThrow().id();
            ObjectNode watch = Json.object();
            watch.set("added", Json.array().add(uid));
            assertThat(watcher.sub("stream-user-presence", TextNode.valueOf(""), watch).path("msg").asText()).isEqualTo("ready");
            DdpTestClient user3 = DdpTestClient.login(ws, "user.3", PW);
            JsonNode online = watcher.await(f -> streamEvent("stream-notify-logged", "user-status").test(f)
                && f.path("fields").path("args").get(0).get(0).asText().equals(uid));
            assertThat(online.path("fields").path("args").get(0).get(2).asInt()).isEqualTo(1);
            JsonNode presence = watcher.await(f -> "stream-user-presence".equals(f.path("collection").asText()));
            assertThat(presence.path("id").asText()).isEqualTo(uid);
            user3.close();
            JsonNode offline = watcher.await(f -> streamEvent("stream-notify-logged", "user-status").test(f)
                && f.path("fields").path("args").get(0).get(0).asText().equals(uid));
            assertThat(offline.path("fields").path("args").get(0).get(2).asInt()).isEqualTo(0);
        }
    }

    @Test
    void notifyUserIsOnlyReadableForOneselfAndCarriesNotifications() throws Exception {
        String bobId = ws.stores().users.byUsername("user.1").orElseThrow().id();
        try (DdpTestClient alice = DdpTestClient.login(ws, "user.0", PW);
             DdpTestClient bob = DdpTestClient.login(ws, "user.1", PW)) {
            assertThat(alice.stream("stream-notify-user", bobId + "/notification").path("error").path("error").asText())
                .isEqualTo("not-allowed");
            assertThat(bob.stream("stream-notify-user", bobId + "/notification").path("msg").asText()).isEqualTo("ready");
            alice.call("sendMessage", message(room, "ping @user.1"));
            JsonNode n = bob.await(streamEvent("stream-notify-user", bobId + "/notification"));
            assertThat(n.path("fields").path("args").get(0).path("payload").path("rid").asText()).isEqualTo(room);
        }
    }

    @Test
    void sendMessageIsLimitedToFivePerSecondForUsersButNotForBots() throws Exception {
        try (DdpTestClient carol = DdpTestClient.login(ws, "user.3", PW); DdpTestClient bot = DdpTestClient.login(ws, "bot.0", PW)) {
            String rid = ws.stores().rooms.byName("loadtest-1").orElseThrow().id();
            JsonNode limited = null;
            for (int i = 0; i < 6 && limited == null; i++) {
                JsonNode r = carol.call("sendMessage", message(rid, "burst " + i));
                if (r.has("error")) {
                    limited = r.get("error");
                }
            }
            assertThat(limited).as("the 6th message within a second is refused").isNotNull();
            assertThat(limited.path("error").asText()).isEqualTo("too-many-requests");
            assertThat(limited.path("details").path("timeToReset").asLong()).isBetween(1L, 1000L);
            for (int i = 0; i < 10; i++) {
                assertThat(bot.call("sendMessage", message(rid, "bot burst " + i)).has("result")).isTrue();
            }
        }
    }

    @Test
    void createChannelAndDeltaSyncMethods() throws Exception {
        try (DdpTestClient alice = DdpTestClient.login(ws, "user.4", PW)) {
            JsonNode created = alice.call("createChannel", TextNode.valueOf("made-by-ddp"), Json.array().add("user.5")).path("result");
            assertThat(created.path("inserted").asBoolean()).isTrue();
            assertThat(created.path("t").asText()).isEqualTo("c");
            JsonNode dup = alice.call("createChannel", TextNode.valueOf("made-by-ddp"), Json.array());
            assertThat(dup.path("error").path("error").asText()).isEqualTo("error-duplicate-channel-name");
            JsonNode group = alice.call("createPrivateGroup", TextNode.valueOf("secret-ddp"), Json.array()).path("result");
            assertThat(group.path("t").asText()).isEqualTo("p");
            JsonNode rooms = alice.call("rooms/get").path("result");
            assertThat(rooms.findValuesAsText("name")).contains("made-by-ddp", "secret-ddp");
            JsonNode subs = alice.call("subscriptions/get", Ejson.date(0)).path("result");
            assertThat(subs.path("update").findValuesAsText("rid")).contains(created.path("rid").asText());
        }
    }
}
