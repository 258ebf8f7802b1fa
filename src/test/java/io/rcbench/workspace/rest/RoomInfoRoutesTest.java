package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.DdpTestClient;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Reading, leaving, deleting and pruning rooms: {@code channels|groups.messages/members/roles/info/files/leave/delete},
 * {@code rooms.info/images/cleanHistory} and the {@code rooms-changed}, {@code subscriptions-changed} and
 * {@code deleteMessageBulk} events they cause.
 */
class RoomInfoRoutesTest extends SharedWorkspaceTest {
    private String group(String name, String... members) throws Exception {
        var arr = Json.array();
        for (String m : members) {
            arr.add(m);
        }
        return ok(alice.post("/api/v1/groups.create", Json.object().put("name", name).set("members", arr)))
            .path("group").path("_id").asText();
    }

    @Test
    void channelMessagesPageNewestFirstWithTotal() throws Exception {
        String rid = ok(alice.post("/api/v1/channels.create", Json.object().put("name", "info-paging")))
            .path("channel").path("_id").asText();
        for (int i = 0; i < 5; i++) {
            send(alice, rid, "page " + i);
            Thread.sleep(3); // distinct timestamps: messages of one millisecond have no defined order, here as in MongoDB
        }
        JsonNode first = ok(bob.get("/api/v1/channels.messages?roomId=" + rid + "&count=2"));
        assertThat(first.path("messages").findValuesAsText("msg")).containsExactly("page 4", "page 3");
        assertThat(first.path("count").asInt()).isEqualTo(2);
        assertThat(first.path("total").asInt()).isEqualTo(5);
        JsonNode next = ok(bob.get("/api/v1/channels.messages?roomId=" + rid + "&count=2&offset=2"));
        assertThat(next.path("messages").findValuesAsText("msg")).containsExactly("page 2", "page 1");
        assertThat(next.path("offset").asInt()).isEqualTo(2);
        String last = first.path("messages").get(0).path("_id").asText();
        ok(alice.post("/api/v1/chat.delete", Json.object().put("roomId", rid).put("msgId", last)));
        assertThat(ok(bob.get("/api/v1/channels.messages?roomId=" + rid)).path("total").asInt()).as("deletions count").isEqualTo(4);
        failure(bob.get("/api/v1/channels.messages?roomId=" + rid + "&count=-1"), 400, "error-invalid-params");
        failure(bob.get("/api/v1/channels.messages"), 400, "error-room-param-not-provided");
        failure(bob.get("/api/v1/channels.messages?roomId=nope"), 400, "error-room-not-found");
    }

    @Test
    void infoRoutesByTypeAndAccess() throws Exception {
        String gid = group("info-private", "user.1");
        assertThat(ok(alice.get("/api/v1/channels.info?roomName=loadtest-0")).path("channel").path("_id").asText()).isEqualTo(channelId);
        assertThat(ok(bob.get("/api/v1/groups.info?roomId=" + gid)).path("group").path("t").asText()).isEqualTo("p");
        // A group is not a channel, and a non-member does not learn it exists.
        failure(bob.get("/api/v1/channels.info?roomId=" + gid), 400, "error-room-not-found");
        failure(carol.get("/api/v1/groups.info?roomId=" + gid), 400, "error-room-not-found");
        assertThat(ok(bob.get("/api/v1/rooms.info?roomId=" + gid)).path("room").path("name").asText()).isEqualTo("info-private");
        forbidden(carol.get("/api/v1/rooms.info?roomId=" + gid));
        failure(carol.get("/api/v1/groups.members?roomId=" + gid), 400, "error-room-not-found");
        assertThat(ok(bob.get("/api/v1/groups.members?roomId=" + gid)).path("members").findValuesAsText("username"))
            .containsExactly("user.0", "user.1");
    }

    @Test
    void filesAndImagesOfARoom() throws Exception {
        JsonNode files = ok(alice.get("/api/v1/channels.files?roomId=" + channelId));
        assertThat(files.path("files").isArray()).isTrue();
        assertThat(files.has("total")).isTrue();
        assertThat(ok(alice.get("/api/v1/rooms.images?roomId=" + channelId)).path("files").isArray()).isTrue();
    }

    @Test
    void leaveAndDelete() throws Exception {
        String rid = ok(alice.post("/api/v1/channels.create", Json.object().put("name", "info-leave")
            .set("members", Json.array().add("user.1")))).path("channel").path("_id").asText();
        try (DdpTestClient bobs = DdpTestClient.login(ws, "user.1", PW)) {
            bobs.stream("stream-notify-user", bob.userId() + "/subscriptions-changed");
            JsonNode left = ok(bob.post("/api/v1/channels.leave", Json.object().put("roomId", rid)));
            assertThat(left.path("channel").path("_id").asText()).isEqualTo(rid);
            JsonNode ev = bobs.await(DdpTestClient.streamEvent("stream-notify-user", bob.userId() + "/subscriptions-changed"));
            assertThat(ev.path("fields").path("args").get(0).asText()).isEqualTo("removed");
            assertThat(ev.path("fields").path("args").get(1).path("rid").asText()).isEqualTo(rid);
        }
        assertThat(ws.stores().rooms.isMember(rid, bob.userId())).isFalse();
        failure(bob.post("/api/v1/channels.leave", Json.object().put("roomId", rid)), 400, "error-user-not-in-room");
        // The creator is the room's last owner.
        failure(alice.post("/api/v1/channels.leave", Json.object().put("roomId", rid)), 400, "error-you-are-last-owner");
        // delete-c: owner or admin, not a plain member.
        ok(bob.post("/api/v1/channels.join", Json.object().put("roomId", rid)));
        failure(bob.post("/api/v1/channels.delete", Json.object().put("roomId", rid)), 400, "error-not-allowed");
        send(bob, rid, "doomed");
        ok(alice.post("/api/v1/channels.delete", Json.object().put("roomName", "info-leave")));
        assertThat(ws.stores().rooms.byId(rid)).isEmpty();
        failure(alice.get("/api/v1/channels.info?roomId=" + rid), 400, "error-room-not-found");
        // The name is free again.
        ok(alice.post("/api/v1/channels.create", Json.object().put("name", "info-leave")));
        String left = group("info-rooms-leave", "user.1");
        ok(bob.post("/api/v1/rooms.leave", Json.object().put("roomId", left)));
        assertThat(ws.stores().rooms.isMember(left, bob.userId())).isFalse();
        failure(bob.post("/api/v1/rooms.leave", Json.object().put("roomId", left)), 400, "error-invalid-room");
        String viaDdp = group("info-ddp-leave", "user.1");
        try (DdpTestClient bobs = DdpTestClient.login(ws, "user.1", PW)) {
            assertThat(bobs.call("leaveRoom", Json.MAPPER.getNodeFactory().textNode(viaDdp)).has("error")).isFalse();
            assertThat(bobs.call("leaveRoom", Json.MAPPER.getNodeFactory().textNode(viaDdp)).path("error").path("error").asText())
                .isEqualTo("error-user-not-in-room");
            assertThat(bobs.call("leaveRoom", Json.MAPPER.getNodeFactory().textNode("nope")).path("error").path("error").asText())
                .isEqualTo("error-invalid-room");
        }
        assertThat(ws.stores().rooms.isMember(viaDdp, bob.userId())).isFalse();
        String gid = group("info-group-delete");
        ok(admin.post("/api/v1/groups.delete", Json.object().put("roomId", gid)));
        failure(alice.post("/api/v1/groups.delete", Json.object().put("roomId", gid)), 400, "error-room-not-found");
    }

    @Test
    void cleanHistoryPrunesAndSendsDeleteMessageBulk() throws Exception {
        String rid = ok(alice.post("/api/v1/channels.create", Json.object().put("name", "info-prune")))
            .path("channel").path("_id").asText();
        long start = System.currentTimeMillis() - 1;
        send(alice, rid, "prune one");
        send(alice, rid, "prune two");
        long end = System.currentTimeMillis() + 1;
        try (DdpTestClient watcher = DdpTestClient.login(ws, "user.0", PW)) {
            watcher.stream("stream-notify-room", rid + "/deleteMessageBulk");
            forbidden(alice.post("/api/v1/rooms.cleanHistory", Json.object().put("roomId", rid)
                .put("oldest", Instant.ofEpochMilli(start).toString()).put("latest", Instant.ofEpochMilli(end).toString())));
            JsonNode b = ok(admin.post("/api/v1/rooms.cleanHistory", Json.object().put("roomId", rid)
                .put("oldest", Instant.ofEpochMilli(start).toString()).put("latest", Instant.ofEpochMilli(end).toString())));
            assertThat(b.path("count").asInt()).isEqualTo(2);
            JsonNode ev = watcher.await(DdpTestClient.streamEvent("stream-notify-room", rid + "/deleteMessageBulk"));
            JsonNode q = ev.path("fields").path("args").get(0);
            assertThat(q.path("rid").asText()).isEqualTo(rid);
            assertThat(q.path("ts").path("$gt").path("$date").asLong()).isEqualTo(start);
        }
        assertThat(history(alice, rid, 10)).isEmpty();
        failure(admin.post("/api/v1/rooms.cleanHistory", Json.object().put("roomId", rid).put("oldest", "x").put("latest", "y")),
            400, "error-invalid-params");
    }
}
