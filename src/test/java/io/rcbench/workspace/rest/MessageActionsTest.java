package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.DdpTestClient;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Edits, deletes, reactions, stars, pins, reports, threads, search and sync over REST and DDP, with Rocket.Chat's
 * permission rules (loadtest-0: user.0 is its owner, user.1 a plain member, user.2 not a member) and the stream
 * events members with the room open receive.
 */
class MessageActionsTest extends SharedWorkspaceTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static JsonNode changedMessage(DdpTestClient c, String rid, String id) throws InterruptedException {
        return c.await(f -> DdpTestClient.streamEvent("stream-room-messages", rid).test(f)
            && f.path("fields").path("args").path(0).path("_id").asText().equals(id)).path("fields").path("args").get(0);
    }

    @Test
    void authorEditsOverRestAndMembersSeeTheEdit() throws Exception {
        String id = send(bob, channelId, "typo hre").path("_id").asText();
        try (DdpTestClient watcher = DdpTestClient.login(ws, "user.0", PW)) {
            watcher.stream("stream-room-messages", channelId);
            JsonNode edited = ok(bob.post("/api/v1/chat.update", Json.object().put("roomId", channelId).put("msgId", id)
                .put("text", "typo here"))).path("message");
            assertThat(edited.path("msg").asText()).isEqualTo("typo here");
            assertThat(edited.path("editedBy").path("username").asText()).isEqualTo("user.1");
            assertThat(edited.path("editedAt").asText()).endsWith("Z");
            JsonNode seen = changedMessage(watcher, channelId, id);
            assertThat(seen.path("msg").asText()).isEqualTo("typo here");
            assertThat(seen.path("editedAt").has("$date")).isTrue();
        }
        assertThat(history(alice, channelId, 50)).contains("typo here").doesNotContain("typo hre");
    }

    @Test
    void editRules() throws Exception {
        String id = send(bob, channelId, "bob's words").path("_id").asText();
        // carol is not a member; bot.0 is a member but neither author nor moderator.
        failure(carol.post("/api/v1/chat.update", Json.object().put("roomId", channelId).put("msgId", id).put("text", "x")),
            400, "error-action-not-allowed");
        failure(bot.post("/api/v1/chat.update", Json.object().put("roomId", channelId).put("msgId", id).put("text", "x")),
            400, "error-action-not-allowed");
        // The room's owner has edit-message.
        ok(alice.post("/api/v1/chat.update", Json.object().put("roomId", channelId).put("msgId", id).put("text", "owner fixed")));
        // Rocket.Chat answers these two with a bare message, no errorType.
        assertThat(failure(bob.post("/api/v1/chat.update", Json.object().put("roomId", channelId).put("msgId", "nope")
            .put("text", "x")), 400, null).has("errorType")).isFalse();
        failure(bob.post("/api/v1/chat.update", Json.object().put("roomId", "other").put("msgId", id).put("text", "x")),
            400, null);
        failure(bob.post("/api/v1/chat.update", Json.object().put("roomId", channelId).put("msgId", id)), 400, "error-invalid-params");
        unauthenticated(anonymous().post("/api/v1/chat.update", Json.object()));
        try (DdpTestClient c = DdpTestClient.login(ws, "user.1", PW)) {
            JsonNode r = c.call("updateMessage", Json.object().put("_id", id).put("rid", channelId).put("msg", "bob again"));
            assertThat(r.has("error")).as(r.toString()).isFalse();
            assertThat(c.call("updateMessage", Json.object().put("_id", id).put("rid", "elsewhere").put("msg", "moved"))
                .path("error").path("error").asText()).isEqualTo("error-invalid-update-key");
            JsonNode missing = c.call("updateMessage", Json.object().put("_id", "no-such-message").put("msg", "x"));
            assertThat(missing.has("error") || missing.has("result")).as("undefined, as Rocket.Chat").isFalse();
            JsonNode denied = c.call("updateMessage", Json.object().put("_id", send(alice, channelId, "alice's").path("_id").asText())
                .put("rid", channelId).put("msg", "hijack"));
            assertThat(denied.path("error").path("error").asText()).isEqualTo("error-action-not-allowed");
        }
        assertThat(history(alice, channelId, 50)).contains("bob again", "alice's").doesNotContain("hijack");
    }

    @Test
    void deleteRemovesTheMessageAndTellsTheRoom() throws Exception {
        String id = send(bob, channelId, "to be deleted").path("_id").asText();
        try (DdpTestClient watcher = DdpTestClient.login(ws, "user.0", PW)) {
            assertThat(watcher.stream("stream-notify-room", channelId + "/deleteMessage").path("msg").asText()).isEqualTo("ready");
            JsonNode b = ok(bob.post("/api/v1/chat.delete", Json.object().put("roomId", channelId).put("msgId", id)));
            assertThat(b.path("_id").asText()).isEqualTo(id);
            assertThat(b.path("message").path("rid").asText()).isEqualTo(channelId);
            assertThat(b.path("message").path("u").path("_id").asText()).isEqualTo(bob.userId());
            JsonNode ev = watcher.await(DdpTestClient.streamEvent("stream-notify-room", channelId + "/deleteMessage"));
            assertThat(ev.path("fields").path("args")).isEqualTo(Json.array().add(Json.object().put("_id", id)));
        }
        assertThat(history(alice, channelId, 50)).doesNotContain("to be deleted");
        failure(bob.post("/api/v1/chat.delete", Json.object().put("roomId", channelId).put("msgId", id)), 400, null);
    }

    @Test
    void deleteRules() throws Exception {
        String alices = send(alice, channelId, "alice keeps this").path("_id").asText();
        failure(bob.post("/api/v1/chat.delete", Json.object().put("roomId", channelId).put("msgId", alices)), 400,
            "error-action-not-allowed");
        failure(bob.post("/api/v1/chat.delete", Json.object().put("roomId", "x").put("msgId", alices)), 400, null);
        // asUser deletes as the author, which needs force-delete-message (the owner has it, a member not).
        failure(bob.post("/api/v1/chat.delete", Json.object().put("roomId", channelId).put("msgId", alices).put("asUser", true)),
            400, null);
        String bobs = send(bob, channelId, "owner removes this").path("_id").asText();
        ok(alice.post("/api/v1/chat.delete", Json.object().put("roomId", channelId).put("msgId", bobs).put("asUser", true)));
        String bobs2 = send(bob, channelId, "owner removes this too").path("_id").asText();
        ok(alice.post("/api/v1/chat.delete", Json.object().put("roomId", channelId).put("msgId", bobs2)));
        try (DdpTestClient c = DdpTestClient.login(ws, "user.1", PW)) {
            JsonNode denied = c.call("deleteMessage", Json.object().put("_id", alices));
            assertThat(denied.path("error").path("error").asText()).isEqualTo("error-action-not-allowed");
            String own = send(bob, channelId, "bob deletes over ddp").path("_id").asText();
            assertThat(c.call("deleteMessage", Json.object().put("_id", own)).has("error")).isFalse();
            assertThat(c.call("deleteMessage", Json.object().put("_id", "gone")).path("error").path("error").asText())
                .isEqualTo("error-invalid-message");
        }
        assertThat(history(alice, channelId, 50)).contains("alice keeps this").doesNotContain("owner removes this", "owner removes this too",
            "bob deletes over ddp");
    }

    @Test
    void reactionsToggleAndFanOut() throws Exception {
        String id = send(alice, channelId, "react to me").path("_id").asText();
        try (DdpTestClient watcher = DdpTestClient.login(ws, "user.0", PW)) {
            watcher.stream("stream-room-messages", channelId);
            ok(bob.post("/api/v1/chat.react", Json.object().put("messageId", id).put("emoji", ":thumbsup:")));
            JsonNode seen = changedMessage(watcher, channelId, id);
            assertThat(seen.path("reactions").path(":thumbsup:").path("usernames").toString()).isEqualTo("[\"user.1\"]");
            try (DdpTestClient c = DdpTestClient.login(ws, "user.0", PW)) {
                assertThat(c.call("setReaction", F.textNode("thumbsup"), F.textNode(id)).has("error")).isFalse();
            }
            assertThat(changedMessage(watcher, channelId, id).path("reactions").path(":thumbsup:").path("usernames").toString())
                .isEqualTo("[\"user.1\",\"user.0\"]");
            // Toggle off, and shouldReact:true twice is idempotent.
            ok(bob.post("/api/v1/chat.react", Json.object().put("messageId", id).put("emoji", "thumbsup")));
            ok(alice.post("/api/v1/chat.react", Json.object().put("messageId", id).put("emoji", "thumbsup").put("shouldReact", true)));
        }
        JsonNode stored = ws.stores().messages.byId(id).orElseThrow();
        assertThat(stored.path("reactions").path(":thumbsup:").path("usernames").toString()).isEqualTo("[\"user.0\"]");
        failure(bob.post("/api/v1/chat.react", Json.object().put("messageId", "nope").put("emoji", "x")), 400, "error-message-not-found");
        failure(bob.post("/api/v1/chat.react", Json.object().put("messageId", id)), 400, "error-emoji-param-not-provided");
        failure(bob.post("/api/v1/chat.react", Json.object().put("messageId", id).put("emoji", "<script>")), 400, "error-not-allowed");
        String gid = ok(alice.post("/api/v1/groups.create", Json.object().put("name", "react-private"))).path("group").path("_id").asText();
        String secret = send(alice, gid, "members only").path("_id").asText();
        failure(bob.post("/api/v1/chat.react", Json.object().put("messageId", secret).put("emoji", "eyes")), 400, "not-authorized");
    }

    @Test
    void starsAndPins() throws Exception {
        String id = send(bob, channelId, "star and pin me").path("_id").asText();
        ok(bob.post("/api/v1/chat.starMessage", Json.object().put("messageId", id)));
        JsonNode starred = ok(bob.get("/api/v1/chat.getStarredMessages?roomId=" + channelId));
        assertThat(starred.path("messages").findValuesAsText("_id")).contains(id);
        assertThat(ok(alice.get("/api/v1/chat.getStarredMessages?roomId=" + channelId)).path("messages").findValuesAsText("_id"))
            .doesNotContain(id);
        ok(bob.post("/api/v1/chat.unStarMessage", Json.object().put("messageId", id)));
        assertThat(ok(bob.get("/api/v1/chat.getStarredMessages?roomId=" + channelId)).path("messages").findValuesAsText("_id"))
            .doesNotContain(id);
        failure(carol.post("/api/v1/chat.starMessage", Json.object().put("messageId", id)), 400, "error-action-not-allowed");
        failure(bob.post("/api/v1/chat.starMessage", Json.object()), 400, "error-messageid-param-not-provided");

        // pin-message: the owner, not a plain member.
        failure(bob.post("/api/v1/chat.pinMessage", Json.object().put("messageId", id)), 400, "not-authorized");
        JsonNode system = ok(alice.post("/api/v1/chat.pinMessage", Json.object().put("messageId", id))).path("message");
        assertThat(system.path("t").asText()).isEqualTo("message_pinned");
        assertThat(system.path("attachments").get(0).path("text").asText()).isEqualTo("star and pin me");
        assertThat(ok(bob.get("/api/v1/chat.getPinnedMessages?roomId=" + channelId)).path("messages").findValuesAsText("_id"))
            .contains(id);
        ok(alice.post("/api/v1/chat.unPinMessage", Json.object().put("messageId", id)));
        assertThat(ok(bob.get("/api/v1/chat.getPinnedMessages?roomId=" + channelId)).path("messages").findValuesAsText("_id"))
            .doesNotContain(id);
    }

    @Test
    void mentionsSearchSyncAndReports() throws Exception {
        long before = System.currentTimeMillis() - 1;
        String mention = send(bob, channelId, "hey @user.0 look at the zebracorn").path("_id").asText();
        send(bob, channelId, "nothing to see");
        assertThat(ok(alice.get("/api/v1/chat.getMentionedMessages?roomId=" + channelId)).path("messages").findValuesAsText("_id"))
            .contains(mention);
        JsonNode found = ok(alice.get("/api/v1/chat.search?roomId=" + channelId + "&searchText=ZEBRACORN"));
        assertThat(found.path("messages")).hasSize(1);
        assertThat(found.path("messages").get(0).path("_id").asText()).isEqualTo(mention);
        failure(alice.get("/api/v1/chat.search?roomId=" + channelId), 400, "error-searchText-param-not-provided");
        failure(alice.get("/api/v1/chat.search?searchText=x"), 400, "error-roomId-param-not-provided");
        String gone = send(bob, channelId, "sync me away").path("_id").asText();
        ok(bob.post("/api/v1/chat.delete", Json.object().put("roomId", channelId).put("msgId", gone)));
        JsonNode sync = ok(alice.get("/api/v1/chat.syncMessages?roomId=" + channelId + "&lastUpdate="
            + Instant.ofEpochMilli(before))).path("result");
        assertThat(sync.path("updated").findValuesAsText("_id")).contains(mention).doesNotContain(gone);
        assertThat(sync.path("deleted").findValuesAsText("_id")).contains(gone);
        failure(alice.get("/api/v1/chat.syncMessages?roomId=" + channelId + "&lastUpdate=soon"), 400, "error-lastUpdate-param-invalid");
        failure(alice.get("/api/v1/chat.syncMessages?roomId=" + channelId), 400, "error-param-required");
        ok(alice.post("/api/v1/chat.reportMessage", Json.object().put("messageId", mention).put("description", "spam")));
        failure(alice.post("/api/v1/chat.reportMessage", Json.object().put("messageId", mention)), 400, null);
        failure(alice.post("/api/v1/chat.reportMessage", Json.object().put("messageId", "nope").put("description", "x")), 400,
            "error-message-not-found");
    }

    @Test
    void threadRepliesCountAndList() throws Exception {
        String parent = send(alice, channelId, "thread parent").path("_id").asText();
        try (DdpTestClient watcher = DdpTestClient.login(ws, "user.0", PW)) {
            watcher.stream("stream-room-messages", channelId);
            ok(bob.post("/api/v1/chat.sendMessage", Json.object().set("message",
                Json.object().put("rid", channelId).put("msg", "reply one").put("tmid", parent))));
            JsonNode updatedParent = watcher.await(f -> DdpTestClient.streamEvent("stream-room-messages", channelId).test(f)
                && f.path("fields").path("args").path(0).path("_id").asText().equals(parent)).path("fields").path("args").get(0);
            assertThat(updatedParent.path("tcount").asInt()).isEqualTo(1);
            assertThat(updatedParent.path("replies").toString()).contains(bob.userId());
        }
        ok(alice.post("/api/v1/chat.sendMessage", Json.object().set("message",
            Json.object().put("rid", channelId).put("msg", "reply two").put("tmid", parent))));
        JsonNode list = ok(bob.get("/api/v1/chat.getThreadMessages?tmid=" + parent));
        assertThat(list.path("messages").findValuesAsText("msg")).containsExactly("reply one", "reply two");
        assertThat(list.path("total").asInt()).isEqualTo(2);
        assertThat(ok(bob.get("/api/v1/chat.getThreadMessages?tmid=" + parent + "&sort=%7B%22ts%22%3A-1%7D")).path("messages")
            .findValuesAsText("msg")).containsExactly("reply two", "reply one");
        assertThat(ok(bob.get("/api/v1/chat.getThreadsList?rid=" + channelId)).path("threads").findValuesAsText("_id")).contains(parent);
        try (DdpTestClient c = DdpTestClient.login(ws, "user.1", PW)) {
            JsonNode r = c.call("getThreadMessages", Json.object().put("tmid", parent).put("limit", 10));
            assertThat(r.path("result").get(0).path("_id").asText()).isEqualTo(parent);
            assertThat(r.path("result").get(0).path("tcount").asInt()).isEqualTo(2);
            assertThat(r.path("result").findValuesAsText("msg")).containsExactly("thread parent", "reply two", "reply one");
            assertThat(c.call("getThreadMessages", Json.object().put("tmid", parent).put("limit", 101)).path("error").path("error")
                .asText()).isEqualTo("error-not-allowed");
        }
        failure(bob.get("/api/v1/chat.getThreadMessages?tmid=nope"), 400, "error-invalid-message");
        // loadHistory with an older end pages back in time.
        try (DdpTestClient c = DdpTestClient.login(ws, "user.1", PW)) {
            JsonNode page = c.call("loadHistory", F.textNode(channelId),
                ws.stores().messages.byId(parent).orElseThrow().get("ts"), F.numberNode(5));
            assertThat(page.path("result").path("messages").findValuesAsText("_id")).doesNotContain(parent);
        }
    }
}
