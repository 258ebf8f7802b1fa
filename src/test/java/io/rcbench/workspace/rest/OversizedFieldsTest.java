package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Over-long names, ids and types are refused with a 400 naming the field, never a database error surfacing as a
 * 500, and nothing half-written stays behind (no user, room, hook or orphan file).
 */
class OversizedFieldsTest extends SharedWorkspaceTest {
    private static final String LONG = "x".repeat(300);
    private static final String VERY_LONG = "y".repeat(2000);

    private static void refused(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(shown(r)).isEqualTo(400);
        assertThat(body(r).path("success").asBoolean(true)).isFalse();
    }

    @Test
    void longUserFieldsAreRefused() throws Exception {
        refused(admin.post("/api/v1/users.create", Json.object().put("username", LONG).put("email", "l@x.invalid").put("password", "p")));
        refused(admin.post("/api/v1/users.create", Json.object().put("username", "longmail").put("email", LONG + "@x.invalid")
            .put("password", "p")));
        refused(admin.post("/api/v1/users.create", Json.object().put("username", "longname").put("name", LONG).put("email", "n@x.invalid")
            .put("password", "p")));
        refused(anonymous().post("/api/v1/users.register", Json.object().put("username", LONG).put("email", "r@x.invalid").put("pass", "p")));
        assertThat(ws.stores().users.byUsername("longmail")).isEmpty();
        assertThat(ws.stores().users.byUsername("longname")).isEmpty();
    }

    @Test
    void longRoomNamesAreRefused() throws Exception {
        failure(alice.post("/api/v1/channels.create", Json.object().put("name", LONG)), 400, "error-invalid-room-name");
        failure(alice.post("/api/v1/groups.create", Json.object().put("name", LONG)), 400, "error-invalid-room-name");
        assertThat(ws.stores().rooms.byName(LONG)).isEmpty();
    }

    @Test
    void longClientMessageIdsAreRefused() throws Exception {
        HttpResponse<String> r = alice.post("/api/v1/chat.sendMessage",
            Json.object().set("message", Json.object().put("_id", LONG).put("rid", channelId).put("msg", "long id")));
        failure(r, 400, "error-invalid-params");
        assertThat(history(alice, channelId, 100)).doesNotContain("long id");
    }

    @Test
    void longUploadNamesAndTypesAreRefusedWithoutOrphanFiles() throws Exception {
        long before = files();
        for (Multipart part : new Multipart[] {Multipart.file(VERY_LONG + ".txt", "text/plain", new byte[] {1}),
            Multipart.file("ok.txt", "text/" + LONG, new byte[] {1})}) {
            refused(alice.send(alice.request("/api/v1/rooms.media/" + channelId).header("Content-Type", part.contentTypeHeader())
                .POST(part.publisher()).build()));
        }
        assertThat(files()).isEqualTo(before);
    }

    private long files() throws Exception {
        if (!Files.isDirectory(dir.resolve("uploads"))) {
            return 0;
        }
        try (Stream<java.nio.file.Path> s = Files.list(dir.resolve("uploads"))) {
            return s.count();
        }
    }

    @Test
    void longIntegrationNamesAreRefused() throws Exception {
        refused(admin.post("/api/v1/integrations.create", Json.object().put("type", "webhook-incoming").put("name", LONG)
            .put("username", "bot.0").put("channel", "#loadtest-0")));
        JsonNode ok = ok(admin.post("/api/v1/integrations.create", Json.object().put("type", "webhook-incoming").put("name", "short")
            .put("username", "bot.0").put("channel", "#loadtest-0")));
        assertThat(ok.path("integration").path("name").asText()).isEqualTo("short");
    }
}
