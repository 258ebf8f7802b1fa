package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.Rest;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile HTTP (issue 12, section 3): bodies refused early unless the route takes uploads and the caller is logged
 * in, trickling requests timed out, and malformed input answered with a 4xx and a reason, never a 500.
 */
class HttpHygieneTest {
    static final String PW = "pw-hygiene";
    @TempDir
    static Path dir;
    static Workspace ws;
    static String rid;
    static Rest alice;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> settings = new HashMap<>(TestWorkspaces.NO_LIMITS);
        // Short deadlines, so that trickling clients are cut within the test's time.
        settings.put("HTTP_Header_Timeout_Ms", "1500");
        settings.put("HTTP_Idle_Timeout_Ms", "1500");
        ws = Workspace.start(TestWorkspaces.config(dir).withSettings(settings));
        rid = ws.seeder().seed(new SeedPlan(2, 1, 2, "c", 0, 0, PW, 4)).roomIds().get(0);
        alice = Rest.login(ws, "user.0", PW);
    }

    @AfterAll
    static void stop() {
        ws.close();
    }

    private static String post(String path, String contentType, int length, String... headers) {
        StringBuilder b = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            .append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(length).append("\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        return b.append("\r\n").toString();
    }

    private static String auth() {
        return "X-User-Id: " + alice.userId() + "\r\nX-Auth-Token: " + alice.token();
    }

    @Test
    void aLargeBodyToANonUploadRouteIs413BeforeItIsSent() throws Exception {
        try (RawHttp c = new RawHttp(ws.port())) {
            c.write(post("/api/v1/login", "application/json", 100 << 20));
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.text()).contains("Payload Too Large");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aLargeChunkedBodyToANonUploadRouteIs413() throws Exception {
        try (RawHttp c = new RawHttp(ws.port())) {
            c.write("POST /api/v1/chat.sendMessage HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < 16; i++) {
                c.write(chunk); // exactly the 1 MiB limit: still accepted
            }
            // One more byte passes the limit; nothing follows, so the server's close leaves no unread data (no reset).
            c.write("1\r\nx\r\n");
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(413);
        }
    }

    @Test
    void anUnauthenticatedLargeUploadIs401BeforeTheBody() throws Exception {
        try (RawHttp c = new RawHttp(ws.port())) {
            c.write(post("/api/v1/rooms.media/" + rid, "multipart/form-data; boundary=b", 50 << 20));
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(401);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void anAuthenticatedUploadStillTakesAFewMegabytes() throws Exception {
        byte[] content = new byte[3 << 20];
        Multipart m = Multipart.file("big.bin", "application/octet-stream", content);
        var r = alice.send(alice.request("/api/v1/rooms.media/" + rid).header("Content-Type", m.contentTypeHeader())
            .POST(m.publisher()).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void multipartWithThreeHundredFieldsIs400() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < 300; i++) {
            body.writeBytes(("--" + Multipart.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f" + i + "\"\r\n\r\nv\r\n")
                .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + Multipart.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var r = alice.send(alice.request("/api/v1/rooms.media/" + rid)
            .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(Rest.json(r).path("error").asText()).contains("field");
    }

    @Test
    void multipartWithoutABoundaryIs400() throws Exception {
        Multipart m = Multipart.file("a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        var r = alice.send(alice.request("/api/v1/rooms.media/" + rid).header("Content-Type", "multipart/form-data")
            .POST(m.publisher()).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(Rest.json(r).path("error").asText()).isNotBlank();
    }

    @Test
    void aDigestLongerThanBcryptTakesIsRefusedOverRestAndDdp() throws Exception {
        String digest = "a".repeat(100);
        ObjectNode body = Json.object().put("user", "user.0");
        body.set("password", Json.object().put("digest", digest).put("algorithm", "sha-256"));
        var r = Rest.anonymous(ws).post("/api/v1/login", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);

        try (DdpTestClient c = DdpTestClient.connect(ws)) {
            ObjectNode req = Json.object();
            req.set("user", Json.object().put("username", "user.0"));
            req.set("password", Json.object().put("digest", digest).put("algorithm", "sha-256"));
            JsonNode error = c.call("login", req).path("error");
            assertThat(error.path("error").asInt()).isEqualTo(400);
            assertThat(error.path("reason").asText()).isEqualTo("Match failed");
        }
    }

    @Test
    void headersTricklingInAreTimedOut() throws Exception {
        try (RawHttp c = new RawHttp(ws.port())) {
            long start = System.nanoTime();
            c.write("GET /api/info HTTP/1.1\r\n");
            boolean closed = false;
            for (int i = 0; i < 20 && !closed; i++) {
                try {
                    c.write("X"); // one byte at a time, each well inside the idle timeout
                    Thread.sleep(300);
                } catch (IOException e) {
                    closed = true;
                }
            }
            RawHttp.Response r = closed ? null : readQuietly(c);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(closed || (r != null && r.status() == 408) || c.closedByServer()).as("cut after %d ms", ms).isTrue();
            assertThat(ms).isLessThan(5000);
        }
    }

    @Test
    void aBodyThatStopsIsTimedOut() throws Exception {
        try (RawHttp c = new RawHttp(ws.port())) {
            c.write(post("/api/v1/chat.sendMessage", "application/json", 100, auth()));
            c.write("{\"message\":");
            long start = System.nanoTime();
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(c.closedByServer()).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1000L, 5000L);
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosed() throws Exception {
        try (RawHttp c = new RawHttp(ws.port())) {
            c.write(RawHttp.get("/api/info"));
            assertThat(c.read().status()).isEqualTo(200);
            Thread.sleep(2500);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    private static RawHttp.Response readQuietly(RawHttp c) {
        try {
            return c.read();
        } catch (IOException e) {
            return null;
        }
    }
}
