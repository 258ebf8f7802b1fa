package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.Rest;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the REST API accepted survives a restart on the same data directory, and what it refused left no trace. */
class RestPersistenceTest {
    @TempDir
    Path dir;

    @Test
    void acceptedDataSurvivesARestart() throws Exception {
        byte[] bytes = "persisted bytes".getBytes(StandardCharsets.UTF_8);
        String fileUrl;
        String hookPath;
        String channel;
        String group;
        String direct;
        String oldToken;
        String carolId;
        try (Workspace ws = TestWorkspaces.start(dir)) {
            Rest admin = Rest.login(ws, TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
            SharedWorkspaceTest.ok(admin.post("/api/v1/users.create", Json.object().put("username", "carol").put("email", "c@x.invalid")
                .put("password", "carol-pw")));
            SharedWorkspaceTest.ok(Rest.anonymous(ws).post("/api/v1/users.register", Json.object().put("username", "dan")
                .put("email", "d@x.invalid").put("pass", "dan-pw")));
            Rest carol = Rest.login(ws, "carol", "carol-pw");
            carolId = carol.userId();
            oldToken = carol.token();
            ObjectNode create = Json.object().put("name", "Persist-Room");
            create.putArray("members").add("dan");
            channel = SharedWorkspaceTest.ok(carol.post("/api/v1/channels.create", create)).path("channel").path("_id").asText();
            group = SharedWorkspaceTest.ok(carol.post("/api/v1/groups.create", Json.object().put("name", "persist-group")))
                .path("group").path("_id").asText();
            direct = SharedWorkspaceTest.ok(carol.post("/api/v1/im.create", Json.object().put("username", "dan")))
                .path("room").path("rid").asText();
            SharedWorkspaceTest.ok(carol.post("/api/v1/chat.sendMessage", Json.object().set("message",
                Json.object().put("_id", "persistMsg1").put("rid", channel).put("msg", "first"))));
            SharedWorkspaceTest.ok(carol.post("/api/v1/chat.postMessage", Json.object().put("roomId", channel).put("text", "second")));
            SharedWorkspaceTest.send(carol, group, "in the group");
            SharedWorkspaceTest.send(carol, direct, "in the dm");
            Multipart part = Multipart.file("keep.txt", "text/plain", bytes);
            String fileId = SharedWorkspaceTest.ok(carol.send(carol.request("/api/v1/rooms.media/" + channel)
                .header("Content-Type", part.contentTypeHeader()).POST(part.publisher()).build())).path("file").path("_id").asText();
            fileUrl = SharedWorkspaceTest.ok(carol.post("/api/v1/rooms.mediaConfirm/" + channel + "/" + fileId,
                Json.object().put("msg", "third"))).path("message").path("attachments").get(0).path("title_link").asText();
            JsonNode hook = SharedWorkspaceTest.ok(admin.post("/api/v1/integrations.create", Json.object().put("type", "webhook-incoming")
                .put("name", "keep").put("username", "carol").put("channel", "#Persist-Room"))).path("integration");
            hookPath = "/hooks/" + hook.path("_id").asText() + "/" + hook.path("token").asText();
            assertThat(Rest.anonymous(ws).post(hookPath, Json.object().put("text", "fourth")).statusCode()).isEqualTo(200);
            SharedWorkspaceTest.ok(admin.post("/api/v1/settings/Message_MaxAllowedSize", Json.object().put("value", 1234)));
            Rest dan = Rest.login(ws, "dan", "dan-pw");
            SharedWorkspaceTest.ok(dan.post("/api/v1/subscriptions.read", Json.object().put("rid", channel)));
            // Refused input must leave nothing behind.
            SharedWorkspaceTest.failure(carol.post("/api/v1/chat.sendMessage", Json.object().set("message",
                Json.object().put("rid", channel).put("msg", "x".repeat(1235)))), 400, "error-message-size-exceeded");
            SharedWorkspaceTest.failure(carol.post("/api/v1/channels.create", Json.object().put("name", "persist-room")), 400,
                "error-duplicate-channel-name");
        }

        try (Workspace ws = TestWorkspaces.start(dir)) {
            Rest carol = new Rest(ws.baseUri(), carolId, oldToken);
            assertThat(SharedWorkspaceTest.ok(carol.get("/api/v1/me")).path("username").asText()).as("token survives").isEqualTo("carol");
            Rest dan = Rest.login(ws, "dan", "dan-pw");
            assertThat(SharedWorkspaceTest.history(dan, channel, 50)).containsExactly("fourth", "third", "second", "first");
            assertThat(SharedWorkspaceTest.history(carol, "groups.history", group, 50)).containsExactly("in the group");
            assertThat(SharedWorkspaceTest.history(dan, "im.history", direct, 50)).containsExactly("in the dm");
            assertThat(ws.stores().rooms.members(channel)).containsExactlyInAnyOrder(carolId, dan.userId());
            assertThat(ws.stores().rooms.subscriptionState(channel, dan.userId()).orElseThrow().unread()).isZero();

            HttpResponse<byte[]> d = HttpClient.newHttpClient().send(dan.request(fileUrl).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(d.statusCode()).isEqualTo(200);
            assertThat(d.body()).isEqualTo(bytes);
            assertThat(Rest.anonymous(ws).post(hookPath, Json.object().put("text", "fifth")).statusCode()).isEqualTo(200);
            assertThat(ws.settings().number("Message_MaxAllowedSize")).isEqualTo(1234);

            // The client _id stays idempotent and the name stays taken in any case after the restart.
            SharedWorkspaceTest.ok(carol.post("/api/v1/chat.sendMessage", Json.object().set("message",
                Json.object().put("_id", "persistMsg1").put("rid", channel).put("msg", "again"))));
            SharedWorkspaceTest.failure(carol.post("/api/v1/channels.create", Json.object().put("name", "PERSIST-ROOM")), 400,
                "error-duplicate-channel-name");
            assertThat(SharedWorkspaceTest.history(dan, channel, 50)).containsExactly("fifth", "fourth", "third", "second", "first");
            assertThat(SharedWorkspaceTest.history(dan, channel, 50)).doesNotContain("x".repeat(1235));
        }
    }
}
