package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.Rest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code channels.create/join/history}, {@code groups.create}, {@code im.create} (also an admin's DM between two
 * others) and {@code subscriptions.read}.
 */
class RoomRoutesTest extends SharedWorkspaceTest {
    private JsonNode createChannel(Rest who, String name, String... members) throws Exception {
        ObjectNode b = Json.object().put("name", name);
        var arr = b.putArray("members");
        for (String m : members) {
            arr.add(m);
        }
        return ok(who.post("/api/v1/channels.create", b)).path("channel");
    }

    @Test
    void channelsCreateAnswersTheRoom() throws Exception {
        JsonNode ch = createChannel(alice, "created-1", "user.1");
        assertThat(ch.path("_id").asText()).isNotEmpty();
        assertThat(ch.path("t").asText()).isEqualTo("c");
        assertThat(ch.path("name").asText()).isEqualTo("created-1");
        assertThat(ch.path("u").path("username").asText()).isEqualTo("user.0");
        assertThat(ch.path("usersCount").asInt()).isEqualTo(2);
        assertThat(ch.path("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(ch.has("rid")).isFalse();
        assertThat(ws.stores().rooms.isMember(ch.path("_id").asText(), bob.userId())).isTrue();
    }

    @Test
    void groupsCreateMakesAPrivateRoom() throws Exception {
        JsonNode g = ok(alice.post("/api/v1/groups.create", Json.object().put("name", "secret-1"))).path("group");
        assertThat(g.path("t").asText()).isEqualTo("p");
        assertThat(g.path("usersCount").asInt()).isEqualTo(1);
        String rid = g.path("_id").asText();
        failure(carol.post("/api/v1/channels.join", Json.object().put("roomId", rid)), 400, "error-not-allowed");
        forbidden(carol.get("/api/v1/groups.history?roomId=" + rid));
        assertThat(ws.stores().rooms.isMember(rid, carol.userId())).isFalse();
    }

    @Test
    void createRefusesMissingInvalidAndTakenNames() throws Exception {
        failure(alice.post("/api/v1/channels.create", Json.object()), 400, "error-invalid-params");
        failure(alice.post("/api/v1/channels.create", Json.object().put("name", "has space")), 400, "error-invalid-room-name");
        failure(alice.post("/api/v1/channels.create", Json.object().put("name", "../etc")), 400, "error-invalid-room-name");
        failure(alice.post("/api/v1/channels.create", Json.object().put("name", "loadtest-0")), 400, "error-duplicate-channel-name");
        failure(alice.post("/api/v1/groups.create", Json.object().put("name", "LoadTest-0")), 400, "error-duplicate-channel-name");
        ObjectNode unknownMember = Json.object().put("name", "with-ghost");
        unknownMember.putArray("members").add("ghost");
        failure(alice.post("/api/v1/channels.create", unknownMember), 400, "error-invalid-user");
        assertThat(ws.stores().rooms.byName("with-ghost")).isEmpty();
        assertThat(ws.stores().rooms.byName("loadtest-0").orElseThrow().id()).isEqualTo(channelId);
    }

    @Test
    void concurrentCreatesOfOneNameInAnyCaseMakeOneRoom() throws Exception {
        int n = 12;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            for (int round = 0; round < 6; round++) {
                String base = "race-room-" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String name = switch (i % 3) {
                        case 0 -> base;
                        case 1 -> base.toUpperCase();
                        default -> "Race-Room-" + round;
                    };
                    Rest who = i % 3 == 0 ? alice : i % 3 == 1 ? bob : carol;
                    results.add(pool.submit(() -> {
                        go.await();
                        return who.post("/api/v1/channels.create", Json.object().put("name", name)).statusCode();
                    }));
                }
                go.countDown();
                int created = 0;
                for (Future<Integer> f : results) {
                    int status = f.get();
                    assertThat(status).isIn(200, 400);
                    created += status == 200 ? 1 : 0;
                }
                // Each creator is a member of what it created: count every room of this name in any case.
                long rooms = java.util.stream.Stream.of(alice, bob, carol)
                    .flatMap(r -> ws.stores().rooms.roomsOf(r.userId()).stream()).distinct()
                    .map(rid -> ws.stores().rooms.byId(rid).orElseThrow().name())
                    .filter(base::equalsIgnoreCase).count();
                assertThat(created).as("round " + round).isEqualTo(1);
                assertThat(rooms).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void joinByIdOrNameIsIdempotent() throws Exception {
        String rid = createChannel(alice, "joinable").path("_id").asText();
        JsonNode ch = ok(carol.post("/api/v1/channels.join", Json.object().put("roomId", rid))).path("channel");
        assertThat(ch.path("_id").asText()).isEqualTo(rid);
        assertThat(ch.path("usersCount").asInt()).isEqualTo(2);
        ok(carol.post("/api/v1/channels.join", Json.object().put("roomName", "joinable")));
        assertThat(ws.stores().rooms.members(rid)).containsExactlyInAnyOrder(alice.userId(), carol.userId());
    }

    @Test
    void joinRefusesUnknownRoomsAndMissingParams() throws Exception {
        failure(carol.post("/api/v1/channels.join", Json.object().put("roomId", "nope")), 400, "error-invalid-room");
        failure(carol.post("/api/v1/channels.join", Json.object().put("roomName", "nope")), 400, "error-room-not-found");
        failure(carol.post("/api/v1/channels.join", Json.object()), 400, "error-room-not-found");
        unauthenticated(anonymous().post("/api/v1/channels.join", Json.object().put("roomId", channelId)));
    }

    @Test
    void historyIsNewestFirstAndPages() throws Exception {
        String rid = createChannel(alice, "paged").path("_id").asText();
        for (int i = 0; i < 5; i++) {
            send(alice, rid, "m" + i);
            Thread.sleep(2);
        }
        assertThat(history(alice, rid, 20)).containsExactly("m4", "m3", "m2", "m1", "m0");
        JsonNode page = ok(alice.get("/api/v1/channels.history?roomId=" + rid + "&count=2&offset=1"));
        assertThat(page.path("messages").findValuesAsText("msg")).containsExactly("m3", "m2");
        JsonNode all = ok(alice.get("/api/v1/channels.history?roomId=" + rid));
        String latest = all.path("messages").get(1).path("ts").asText();
        JsonNode before = ok(alice.get("/api/v1/channels.history?roomId=" + rid + "&latest=" + latest));
        assertThat(before.path("messages").findValuesAsText("msg")).containsExactly("m2", "m1", "m0");
        JsonNode first = all.path("messages").get(0);
        assertThat(first.path("rid").asText()).isEqualTo(rid);
        assertThat(first.path("u").path("username").asText()).isEqualTo("user.0");
        assertThat(first.path("ts").asText()).endsWith("Z");
        // A public channel is readable by a non-member.
        assertThat(history(carol, rid, 1)).containsExactly("m4");
    }

    @Test
    void concurrentCreatesOfOneDirectRoomAllGetIt() throws Exception {
        // several injectors provision the same pairs at once: every call gets the one room, complete with its members
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                for (String u : new String[] {"dm-race-a" + round, "dm-race-b" + round}) {
                    ok(admin.post("/api/v1/users.create", Json.object().put("username", u).put("name", u)
                        .put("email", u + "@example.invalid").put("password", PW)));
                }
                String pair = "dm-race-a" + round + ",dm-race-b" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(pool.submit(() -> {
                        go.await();
                        return admin.post("/api/v1/im.create", Json.object().put("usernames", pair).put("excludeSelf", true));
                    }));
                }
                go.countDown();
                java.util.Set<String> rids = new java.util.HashSet<>();
                for (Future<HttpResponse<String>> c : calls) {
                    JsonNode room = ok(c.get()).path("room");
                    assertThat(room.path("usernames").size()).isEqualTo(2);
                    rids.add(room.path("rid").asText());
                }
                assertThat(rids).hasSize(1);
                assertThat(ws.stores().rooms.members(rids.iterator().next())).hasSize(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void groupAndDirectHistoryHaveTheirOwnRoutes() throws Exception {
        String group = ok(alice.post("/api/v1/groups.create", Json.object().put("name", "history-group")
            .set("members", Json.array().add("user.1")))).path("group").path("_id").asText();
        String dm = ok(alice.post("/api/v1/im.create", Json.object().put("username", "user.1"))).path("room")
            .path("rid").asText();
        for (String[] c : new String[][] {{group, "groups.history"}, {dm, "im.history"}}) {
            ok(alice.post("/api/v1/chat.sendMessage", Json.object().set("message",
                Json.object().put("rid", c[0]).put("msg", "in " + c[1]))));
            JsonNode page = ok(bob.get("/api/v1/" + c[1] + "?roomId=" + c[0] + "&count=5"));
            assertThat(page.path("messages").findValuesAsText("msg")).as(c[1]).containsExactly("in " + c[1]);
            forbidden(carol.get("/api/v1/" + c[1] + "?roomId=" + c[0]));
        }
        // each route is for its own room type, as on Rocket.Chat
        failure(alice.get("/api/v1/groups.history?roomId=" + dm), 400, "error-room-not-found");
        failure(alice.get("/api/v1/im.history?roomId=" + group), 400, "error-room-not-found");
        failure(alice.get("/api/v1/im.history?roomId=" + channelId), 400, "error-room-not-found");
        // channels.history too: Rocket.Chat refuses it for a group or a DM even to a member
        failure(alice.get("/api/v1/channels.history?roomId=" + group), 400, "error-room-not-found");
        failure(alice.get("/api/v1/channels.history?roomId=" + dm), 400, "error-room-not-found");
    }

    @Test
    void historyBadParamsAre400NotCrashes() throws Exception {
        failure(alice.get("/api/v1/channels.history"), 400, "error-room-param-not-provided");
        failure(alice.get("/api/v1/channels.history?roomId=nope"), 400, "error-invalid-room");
        for (String bad : new String[] {"count=abc", "count=-1", "count=9999999999999999999999", "offset=x", "offset=-5", "latest=yesterday",
            "latest=", "count=1.5"}) {
            HttpResponse<String> r = alice.get("/api/v1/channels.history?roomId=" + channelId + "&" + bad);
            failure(r, 400, null);
        }
        unauthenticated(anonymous().get("/api/v1/channels.history?roomId=" + channelId));
        // A huge count is capped, as Rocket.Chat caps it, not refused.
        assertThat(ok(alice.get("/api/v1/channels.history?roomId=" + channelId + "&count=99999999999")).path("messages").size())
            .isLessThanOrEqualTo(1000);
    }

    @Test
    void imCreateMakesOneDirectRoomPerPair() throws Exception {
        JsonNode room = ok(alice.post("/api/v1/im.create", Json.object().put("username", "user.2"))).path("room");
        String rid = room.path("rid").asText();
        assertThat(room.path("_id").asText()).isEqualTo(rid);
        assertThat(room.path("t").asText()).isEqualTo("d");
        assertThat(rid).contains(alice.userId()).contains(carol.userId());
        JsonNode again = ok(carol.post("/api/v1/im.create", Json.object().put("username", "user.0"))).path("room");
        assertThat(again.path("rid").asText()).isEqualTo(rid);
        assertThat(ws.stores().rooms.members(rid)).containsExactlyInAnyOrder(alice.userId(), carol.userId());
        // A direct room is private to its two members.
        forbidden(bob.get("/api/v1/im.history?roomId=" + rid));
    }

    @Test
    void imCreateWithYourselfMakesASelfDirectRoom() throws Exception {
        JsonNode room = ok(bob.post("/api/v1/im.create", Json.object().put("username", "user.1"))).path("room");
        String rid = room.path("rid").asText();
        assertThat(room.path("t").asText()).isEqualTo("d");
        assertThat(ws.stores().rooms.members(rid)).containsExactly(bob.userId());
        send(bob, rid, "note to self");
        assertThat(history(bob, "im.history", rid, 5)).containsExactly("note to self");
        assertThat(ok(bob.post("/api/v1/im.create", Json.object().put("username", "user.1"))).path("room").path("rid").asText())
            .isEqualTo(rid);
    }

    @Test
    void imCreateRefusesUnknownAndMissingUsername() throws Exception {
        failure(alice.post("/api/v1/im.create", Json.object().put("username", "ghost")), 400, "error-invalid-user");
        failure(alice.post("/api/v1/im.create", Json.object().put("usernames", "ghost")), 400, "error-invalid-user");
        failure(admin.post("/api/v1/im.create", Json.object().put("usernames", "user.1,ghost").put("excludeSelf", true)),
            400, "error-invalid-user");
        for (ObjectNode missing : List.of(Json.object(), Json.object().put("usernames", " "), Json.object().put("excludeSelf", true))) {
            assertThat(failure(alice.post("/api/v1/im.create", missing), 400, "error-invalid-params").path("error").asText())
                .contains("\"username\"").contains("\"usernames\"");
        }
    }

    @Test
    void imCreateTakesUsernamesAndDropsTheCallersOwnName() throws Exception {
        JsonNode room = ok(alice.post("/api/v1/im.create", Json.object().put("usernames", "user.0, user.3"))).path("room");
        String rid = room.path("rid").asText();
        String user3 = userId("user.3");
        assertThat(room.path("t").asText()).isEqualTo("d");
        assertThat(room.path("usernames")).isEqualTo(Json.parse("[\"user.0\",\"user.3\"]"));
        assertThat(ws.stores().rooms.members(rid)).containsExactlyInAnyOrder(alice.userId(), user3);
        assertThat(ok(alice.post("/api/v1/im.create", Json.object().put("username", "user.3"))).path("room").path("rid").asText())
            .isEqualTo(rid);
    }

    @Test
    void adminCreatesTheDirectRoomOfTwoOthersWithExcludeSelf() throws Exception {
        String user3 = userId("user.3");
        JsonNode room = ok(admin.post("/api/v1/im.create", Json.object().put("usernames", "user.3,user.1").put("excludeSelf", true)))
            .path("room");
        String rid = room.path("rid").asText();
        assertThat(room.path("_id").asText()).isEqualTo(rid);
        assertThat(room.path("t").asText()).isEqualTo("d");
        assertThat(room.path("usernames")).isEqualTo(Json.parse("[\"user.1\",\"user.3\"]"));
        assertThat(room.path("uids")).isEqualTo(Json.array().add(bob.userId()).add(user3));
        assertThat(ws.stores().rooms.members(rid)).containsExactlyInAnyOrder(bob.userId(), user3);
        // The admin provisioned the room but is not in it.
        forbidden(admin.get("/api/v1/im.history?roomId=" + rid));
        JsonNode again = ok(admin.post("/api/v1/im.create", Json.object().put("usernames", "user.1,user.3").put("excludeSelf", true)));
        assertThat(again.path("room").path("rid").asText()).isEqualTo(rid);

        try (DdpTestClient b = DdpTestClient.login(ws, "user.1", PW); DdpTestClient u3 = DdpTestClient.login(ws, "user.3", PW)) {
            for (DdpTestClient member : List.of(b, u3)) {
                JsonNode dm = directRoom(member.call("rooms/get").path("result"), rid);
                assertThat(dm.path("usernames")).isEqualTo(room.path("usernames"));
                assertThat(dm.path("uids")).isEqualTo(room.path("uids"));
            }
            assertThat(u3.stream("stream-notify-user", user3 + "/rooms-changed").path("msg").asText()).isEqualTo("ready");
            send(bob, rid, "hello from a provisioned DM");
            JsonNode args = u3.await(DdpTestClient.streamEvent("stream-notify-user", user3 + "/rooms-changed"))
                .path("fields").path("args");
            assertThat(args.get(0).asText()).isEqualTo("updated");
            assertThat(args.get(1).path("_id").asText()).isEqualTo(rid);
            assertThat(args.get(1).path("usernames")).isEqualTo(room.path("usernames"));
            assertThat(args.get(1).path("lastMessage").path("msg").asText()).isEqualTo("hello from a provisioned DM");
        }
    }

    @Test
    void excludeSelfIsRefusedToAPlainUser() throws Exception {
        forbidden(alice.post("/api/v1/im.create", Json.object().put("usernames", "user.1,user.2").put("excludeSelf", true)));
        assertThat(ws.stores().rooms.roomsOf(carol.userId())).noneMatch(rid -> ws.stores().rooms.isMember(rid, bob.userId())
            && ws.stores().rooms.byId(rid).orElseThrow().t().equals("d"));
    }

    @Test
    void groupDirectMessagesAreRefusedAsNotSimulated() throws Exception {
        for (var r : List.of(alice.post("/api/v1/im.create", Json.object().put("usernames", "user.1,user.2")),
            admin.post("/api/v1/im.create", Json.object().put("usernames", "user.0,user.1,user.2").put("excludeSelf", true)))) {
            assertThat(failure(r, 400, "error-not-allowed").path("error").asText()).contains("not supported by the embedded workspace");
        }
        // excludeSelf with one other user would be a DM of one user that is not the caller.
        failure(admin.post("/api/v1/im.create", Json.object().put("username", "user.1").put("excludeSelf", true)), 400, "error-invalid-user");
    }

    private String userId(String username) {
        return ws.stores().users.byUsername(username).orElseThrow().id();
    }

    private static JsonNode directRoom(JsonNode rooms, String rid) {
        for (JsonNode r : rooms) {
            if (r.path("_id").asText().equals(rid)) {
                return r;
            }
        }
        throw new AssertionError(rid + " not in rooms/get: " + rooms);
    }

    @Test
    void subscriptionsReadClearsUnread() throws Exception {
        String rid = createChannel(alice, "unread-room", "user.1").path("_id").asText();
        send(alice, rid, "one");
        send(alice, rid, "two");
        assertThat(ws.stores().rooms.subscriptionState(rid, bob.userId()).orElseThrow().unread()).isEqualTo(2);
        ok(bob.post("/api/v1/subscriptions.read", Json.object().put("rid", rid)));
        assertThat(ws.stores().rooms.subscriptionState(rid, bob.userId()).orElseThrow().unread()).isZero();
    }

    @Test
    void subscriptionsReadRefusesNonMembersAndMissingRid() throws Exception {
        failure(carol.post("/api/v1/subscriptions.read", Json.object().put("rid", channelId)), 400, "error-invalid-subscription");
        failure(carol.post("/api/v1/subscriptions.read", Json.object().put("rid", "nope")), 400, "error-invalid-room");
        failure(carol.post("/api/v1/subscriptions.read", Json.object()), 400, "error-invalid-params");
    }
}
