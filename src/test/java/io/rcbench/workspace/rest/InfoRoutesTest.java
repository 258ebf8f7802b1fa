package io.rcbench.workspace.rest;

import io.rcbench.workspace.info.WorkspaceInfo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code GET /api/info} names the server truthfully; unknown routes are a JSON 404. */
class InfoRoutesTest extends SharedWorkspaceTest {
    @Test
    void infoNeedsNoAuthAndNamesTheStandIn() throws Exception {
        JsonNode b = ok(anonymous().get("/api/info"));
        assertThat(b.path("version").asText()).isEqualTo(WorkspaceInfo.PROTOCOL_VERSION).startsWith("8.");
        assertThat(b.path("minimumClientVersions").has("desktop")).isTrue();
        assertThat(b.path("rcbench").path("product").asText()).isEqualTo("rcbench-workspace");
        assertThat(b.path("rcbench").path("version").asText()).isEqualTo(WorkspaceInfo.version());
        assertThat(b.path("rcbench").path("note").asText()).contains("not Rocket.Chat");
    }

    @Test
    void infoAnswersHeadToo() throws Exception {
        try (RawHttp c = new RawHttp(ws.port())) {
            c.write("HEAD /api/info HTTP/1.1\r\nHost: x\r\n\r\n" + RawHttp.get("/api/info"));
            RawHttp.Response head = c.read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(Integer.parseInt(head.headers().get("content-length"))).isPositive();
            // The next response on the connection starts right after the head: no stray body bytes.
            RawHttp.Response get = c.read();
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.body()).hasSize(Integer.parseInt(head.headers().get("content-length")));
        }
    }

    @Test
    void unknownRoutesAreAJson404() throws Exception {
        for (String path : new String[] {"/api/v1/nope", "/api/v2/info", "/", "/api/v1/", "/api/info/extra"}) {
            failure(anonymous().get(path), 404, null);
        }
        failure(alice.get("/api/v1/channels.create"), 404, null);
    }

    @Test
    void sockJsInfoAnswersForBrowsers() throws Exception {
        JsonNode b = body(anonymous().get("/sockjs/info"));
        assertThat(b.path("websocket").asBoolean()).isTrue();
    }
}
