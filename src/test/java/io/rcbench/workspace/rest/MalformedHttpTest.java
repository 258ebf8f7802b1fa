package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Broken HTTP on raw sockets: malformed request lines, escapes, headers and bodies get a clear 4xx (never a
 * 500, a hang or a crash), pipelined requests are answered in order, and what was accepted before stays.
 * {@code FileUpload_MaxFileSize} is 1 KiB here, so the body limit (that plus 1 MiB) is small enough to hit.
 */
class MalformedHttpTest extends SharedWorkspaceTest {
    private static final String KEEP = "accepted before the malformed input";

    @Override
    Map<String, String> settings() {
        return Map.of("FileUpload_MaxFileSize", "1024");
    }

    @BeforeAll
    void acceptSomething() throws Exception {
        send(alice, channelId, KEEP);
    }

    /** After every test: the server still answers on a fresh connection and still holds what it accepted. */
    @AfterEach
    void stillServingWithDataIntact() throws Exception {
        assertThat(ok(anonymous().get("/api/info")).path("version").asText()).isNotEmpty();
        assertThat(history(bob, channelId, 1000)).contains(KEEP);
    }

    private String auth(Object who) {
        var r = (io.rcbench.workspace.Rest) who;
        return "X-User-Id: " + r.userId() + "\r\nX-Auth-Token: " + r.token();
    }

    private static String post(String path, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (headers.isEmpty() ? "" : headers + "\r\n")
            + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        // Slow (an admin password login: bcrypt cost 10) and fast (me) requests interleaved on one connection.
        List<String> expected = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        io.rcbench.workspace.Rest[] users = {alice, bob, carol, bot};
        for (int i = 0; i < 16; i++) {
            if (i % 4 == 0) {
                batch.append(post("/api/v1/login", "", Json.write(Json.object().put("user", "admin")
                    .put("password", io.rcbench.workspace.TestWorkspaces.ADMIN_PASSWORD))));
                expected.add("admin");
            } else {
                io.rcbench.workspace.Rest u = users[i % users.length];
                batch.append(RawHttp.get("/api/v1/me", auth(u).split("\r\n")));
                expected.add(ok(u.get("/api/v1/me")).path("username").asText());
            }
        }
        try (RawHttp c = new RawHttp(ws.port())) {
            c.write(batch.toString());
            List<String> got = new ArrayList<>();
            for (RawHttp.Response r : c.read(expected.size())) {
                assertThat(r.status()).as(r.text()).isEqualTo(200);
                JsonNode b = Json.parse(r.text());
                got.add(b.has("data") ? b.path("data").path("me").path("username").asText() : b.path("username").asText());
            }
            assertThat(got).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void malformedPercentEscapesAre400AndKeepTheConnection() throws Exception {
        try (RawHttp c = new RawHttp(ws.port())) {
            for (String target : new String[] {"/api/v1/%zz", "/api/v1/me?x=%", "/api/v1/channels.history?roomId=%E0%A4%A",
                "/api/v1/method.call/%", "/hooks/%G1/x", "/api/%"}) {
                c.write(RawHttp.get(target, auth(alice).split("\r\n")));
                RawHttp.Response r = c.read();
                assertThat(r.status()).as(target).isEqualTo(400);
                assertThat(Json.parse(r.text()).path("success").asBoolean(true)).isFalse();
            }
            c.write(RawHttp.get("/api/v1/me", auth(alice).split("\r\n")));
            assertThat(c.read().status()).isEqualTo(200);
        }
    }

    @Test
    void garbageRequestLinesAreRefused() throws Exception {
        for (String junk : new String[] {"HELLO\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET /api/info HTTP/1.1 extra\r\n\r\n",
            "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\r\n\r\n", "G\u0000T /api/info HTTP/1.1\r\n\r\n"}) {
            try (RawHttp c = new RawHttp(ws.port())) {
                c.write(junk);
                RawHttp.Response r;
                try {
                    r = c.read();
                } catch (IOException closed) {
                    continue; // closing without an answer is acceptable for bytes that are not HTTP at all
                }
                assertThat(r.status()).as(junk).isIn(400, 404, 505);
                if (r.status() == 400) {
                    // After a request that could not be parsed the stream's framing is lost: the server must close.
                    assertThat(c.closedByServer()).as(junk).isTrue();
                }
            }
        }
    }

    @Test
    void badHeadersAre4xx() throws Exception {
        String[] requests = {
            "GET /api/info HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n",
            "GET /api/info HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
            "POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}",
            "POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n{}",
            "POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
        };
        for (String req : requests) {
            try (RawHttp c = new RawHttp(ws.port())) {
                c.write(req);
                RawHttp.Response r;
                try {
                    r = c.read();
                } catch (IOException closed) {
                    continue;
                }
                assertThat(r.status()).as(req.substring(0, Math.min(80, req.length()))).isBetween(400, 499);
            }
        }
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        try (RawHttp c = new RawHttp(ws.port())) {
            c.write("POST /api/v1/chat.sendMessage HTTP/1.1\r\nHost: x\r\n" + auth(alice) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (4 << 20) + "\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(413);
        }
        HttpResponse<String> big = alice.send(alice.request("/api/v1/chat.sendMessage").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\":{\"rid\":\"" + channelId + "\",\"msg\":\"" + "x".repeat(2 << 20) + "\"}}"))
            .build());
        assertThat(big.statusCode()).isEqualTo(413);
    }

    @Test
    void hostileJsonIs400() throws Exception {
        String[] bodies = {"[".repeat(100_000), "{\"message\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5001),
            "{\"message\":{\"rid\":\"" + channelId + "\",\"msg\":\"\\ud800\"}", "\u0000\u0001\u0002", "{\"message\":NaN}",
            "{\"message\":{\"rid\":\"" + channelId + "\",\"msg\":\"dup\",\"msg\":\"dup2\"", "nul"};
        for (String b : bodies) {
            HttpResponse<String> r = alice.send(alice.request("/api/v1/chat.sendMessage").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(b)).build());
            assertThat(r.statusCode()).as(b.substring(0, Math.min(60, b.length()))).isEqualTo(400);
        }
    }

    @Test
    void invalidUtf8InABodyIsRefusedOrReplacedNeverA500() throws Exception {
        byte[] prefix = ("{\"message\":{\"rid\":\"" + channelId + "\",\"msg\":\"bad ").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 5];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        body[prefix.length + 2] = '"';
        body[prefix.length + 3] = '}';
        body[prefix.length + 4] = '}';
        HttpResponse<String> r = alice.send(alice.request("/api/v1/chat.sendMessage").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 400);
    }

    @Test
    void oversizedHeadersAre431AndAnOversizedRequestLineIs414() throws Exception {
        try (RawHttp c = new RawHttp(ws.port())) {
            c.write("GET /api/info HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(431);
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawHttp c = new RawHttp(ws.port())) {
            c.write("GET /api/info?q=" + "a".repeat(64 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(414);
        }
    }

    @Test
    void unknownHttpMethodsAre404() throws Exception {
        RawHttp.Response r = RawHttp.exchange(ws.port(), "BREW /api/info HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r.status()).isIn(404, 405, 501);
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (RawHttp c = new RawHttp(ws.port())) {
            c.write(RawHttp.get("/api/info", "Connection: close"));
            assertThat(c.read().status()).isEqualTo(200);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void http10WithoutHostIsAnswered() throws Exception {
        RawHttp.Response r = RawHttp.exchange(ws.port(), "GET /api/info HTTP/1.0\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(Json.parse(r.text()).path("success").asBoolean()).isTrue();
    }

    @Test
    void aClientThatHangsUpMidRequestLeavesNoTrace() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (RawHttp c = new RawHttp(ws.port())) {
                c.write("POST /api/v1/chat.sendMessage HTTP/1.1\r\nHost: x\r\n" + auth(alice)
                    + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"message\":{\"rid\":\"" + channelId
                    + "\",\"msg\":\"half");
            }
        }
        assertThat(history(alice, channelId, 1000)).noneMatch(m -> m.startsWith("half"));
    }
}
