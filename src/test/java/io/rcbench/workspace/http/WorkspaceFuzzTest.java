package io.rcbench.workspace.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.Rest;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import io.rcbench.workspace.service.Accounts;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws malformed DDP frames and REST bodies at the workspace (issue 12, section 3): none may be answered with a
 * 500, and a normal client is served afterwards. Seeded ({@code -Dfuzz.seed}) and bounded in count; a failure
 * prints the seed and the offending input so it can be replayed.
 */
class WorkspaceFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261206L);
    private static final int DDP_FRAMES = Integer.getInteger("fuzz.ddpFrames", 400);
    private static final int REST_REQUESTS = Integer.getInteger("fuzz.restRequests", 200);
    private static final String PW = "pw-fuzz";
    private static final String[] METHODS = {"login", "logout", "sendMessage", "loadHistory", "readMessages", "joinRoom",
        "createChannel", "createPrivateGroup", "rooms/get", "subscriptions/get", "stream-notify-room", "noSuchMethod"};
    private static final String[] SUBS = {"stream-room-messages", "stream-notify-user", "stream-notify-room",
        "stream-notify-logged", "meteor.loginServiceConfiguration", "nope"};
    private static final String[] ROUTES = {"POST /api/v1/login", "POST /api/v1/logout", "GET /api/v1/me",
        "POST /api/v1/channels.create", "POST /api/v1/groups.create", "POST /api/v1/channels.join",
        "GET /api/v1/channels.history", "GET /api/v1/groups.history", "GET /api/v1/im.history", "POST /api/v1/im.create",
        "POST /api/v1/subscriptions.read", "POST /api/v1/chat.sendMessage", "POST /api/v1/chat.postMessage",
        "POST /api/v1/rooms.media/%s", "POST /api/v1/rooms.mediaConfirm/%s/x", "GET /file-upload/x/y",
        "POST /api/v1/method.call/sendMessage", "POST /api/v1/method.callAnon/login", "POST /api/v1/integrations.create",
        "GET /api/v1/settings/Message_MaxAllowedSize", "POST /api/v1/settings/Message_MaxAllowedSize",
        "POST /api/v1/users.create", "POST /api/v1/users.register", "POST /hooks/x/y", "GET /api/info"};
    @TempDir
    Path dir;

    @Test
    void malformedInputIsNeverA500AndTheWorkspaceGoesOn() throws Exception {
        Random rnd = new Random(SEED);
        try (Workspace ws = TestWorkspaces.start(dir)) {
            String rid = ws.seeder().seed(new SeedPlan(3, 1, 3, "c", 0, 0, PW, 4)).roomIds().get(0);
            List<String> fiveHundreds = new ArrayList<>();
            fuzzDdp(ws, rnd, rid, fiveHundreds);
            fuzzRest(ws, rnd, rid, fiveHundreds);
            assertThat(fiveHundreds).as("inputs answered with 500 (seed %d)", SEED).isEmpty();

            try (DdpTestClient c = DdpTestClient.login(ws, "user.1", PW)) {
                JsonNode sent = c.call("sendMessage", Json.object().put("rid", rid).put("msg", "after the fuzz"));
                assertThat(sent.has("error")).as(sent.toString()).isFalse();
            }
            assertThat(Rest.anonymous(ws).get("/api/info").statusCode()).isEqualTo(200);
        }
    }

    /** Frames over a handful of logged-in connections; a connection the server closes is replaced. */
    private static void fuzzDdp(Workspace ws, Random rnd, String rid, List<String> fiveHundreds) throws IOException {
        RawWebSocket s = null;
        for (int i = 0; i < DDP_FRAMES; i++) {
            if (s == null) {
                s = loggedIn(ws.port(), "user." + (i % 3));
            }
            String frame = ddpFrame(rnd, rid);
            try {
                s.sendText(frame);
                if (i % 20 == 19) {
                    drain(s, frame, fiveHundreds);
                }
            } catch (IOException e) {
                s.close();
                s = null;
            }
        }
        if (s != null) {
            drain(s, "", fiveHundreds);
            s.close();
        }
    }

    private static RawWebSocket loggedIn(int port, String user) throws IOException {
        RawWebSocket s = new RawWebSocket(port, "/websocket", 0);
        s.sendText("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\"]}");
        s.awaitText("connected");
        s.sendText("{\"msg\":\"method\",\"method\":\"login\",\"id\":\"l\",\"params\":[{\"user\":{\"username\":\"" + user
            + "\"},\"password\":{\"digest\":\"" + Accounts.sha256Hex(PW) + "\",\"algorithm\":\"sha-256\"}}]}");
        s.awaitText("token");
        return s;
    }

    /** Reads what the server sent so far (until 300 ms of silence) and notes every 500. */
    private static void drain(RawWebSocket s, String lastSent, List<String> fiveHundreds) throws IOException {
        s.setReadTimeout(150);
        try {
            while (true) {
                RawWebSocket.Frame f = s.readFrame();
                if (f.opcode() == RawWebSocket.CLOSE) {
                    throw new EOFException("closed " + f.closeCode());
                }
                if (f.text().contains("\"error\":500") || f.text().contains("Internal server error")) {
                    fiveHundreds.add("DDP " + f.text() + " (last sent: " + abbreviate(lastSent) + ")");
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            s.setReadTimeout(5000);
        }
    }

    private static String ddpFrame(Random rnd, String rid) {
        return switch (rnd.nextInt(9)) {
            case 0 -> randomJson(rnd, 0);
            case 7 -> "{\"msg\":\"method\",\"method\":\"login\",\"id\":\"d\",\"params\":[{\"user\":{\"username\":\"user.0\"},"
                + "\"password\":{\"digest\":\"" + "ab".repeat(rnd.nextInt(80)) + "\",\"algorithm\":\"sha-256\"}}]}";
            case 1 -> mangle(rnd, "{\"msg\":\"method\",\"method\":\"sendMessage\",\"id\":\"1\",\"params\":[{\"rid\":\"" + rid
                + "\",\"msg\":\"hi\"}]}");
            case 2 -> "{\"msg\":\"sub\",\"id\":\"" + rnd.nextInt(50) + "\",\"name\":\"" + pick(rnd, SUBS) + "\",\"params\":"
                + randomArray(rnd, rid) + "}";
            case 3 -> "{\"msg\":" + randomJson(rnd, 2) + ",\"id\":" + randomJson(rnd, 2) + "}";
            case 4 -> "[".repeat(rnd.nextInt(3000)) + "1";
            case 5 -> "{\"msg\":\"unsub\",\"id\":" + randomJson(rnd, 1) + "}";
            default -> "{\"msg\":\"method\",\"method\":\"" + pick(rnd, METHODS) + "\",\"id\":\"" + rnd.nextInt(1000)
                + "\",\"params\":" + randomArray(rnd, rid) + "}";
        };
    }

    private static String randomArray(Random rnd, String rid) {
        StringBuilder b = new StringBuilder("[");
        int n = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? "," : "").append(rnd.nextInt(4) == 0 ? "\"" + rid + "\"" : randomJson(rnd, 0));
        }
        return b.append("]").toString();
    }

    /** Random JSON of bounded size: every type, odd numbers, odd strings, nested objects with known field names. */
    private static String randomJson(Random rnd, int depth) {
        int kind = depth > 3 ? rnd.nextInt(6) : rnd.nextInt(9);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> rnd.nextBoolean() ? "true" : "false";
            case 2 -> pick(rnd, new String[] {"0", "-1", "1e309", "9223372036854775808", "-0.0", "1.5", "2147483648"});
            case 3 -> Json.write(Json.MAPPER.getNodeFactory().textNode(randomString(rnd)));
            case 4 -> "\"" + "x".repeat(rnd.nextInt(20_000)) + "\"";
            case 5 -> "{\"$date\":" + pick(rnd, new String[] {"\"x\"", "1e400", "null", "-1"}) + "}";
            case 6, 7 -> {
                StringBuilder b = new StringBuilder("{");
                String[] keys = {"rid", "msg", "_id", "tmid", "user", "password", "digest", "username", "resume", "ts",
                    "name", "members", "readOnly", "$date", "attachments", "alias"};
                int n = rnd.nextInt(5);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append('"').append(pick(rnd, keys)).append("\":").append(randomJson(rnd, depth + 1));
                }
                yield b.append("}").toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("[");
                int n = rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(randomJson(rnd, depth + 1));
                }
                yield b.append("]").toString();
            }
        };
    }

    private static String randomString(Random rnd) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(40);
        for (int i = 0; i < n; i++) {
            b.appendCodePoint(rnd.nextInt(4) == 0 ? rnd.nextInt(0x2FFF) : 0x20 + rnd.nextInt(0x5f));
        }
        return b.toString();
    }

    /** Cuts, duplicates or flips a character of a valid frame. */
    private static String mangle(Random rnd, String s) {
        int at = rnd.nextInt(s.length());
        return switch (rnd.nextInt(3)) {
            case 0 -> s.substring(0, at);
            case 1 -> s.substring(0, at) + s.charAt(at) + s.substring(at);
            default -> s.substring(0, at) + (char) (s.charAt(at) ^ (1 << rnd.nextInt(7))) + s.substring(at + 1);
        };
    }

    private static void fuzzRest(Workspace ws, Random rnd, String rid, List<String> fiveHundreds) throws Exception {
        Rest user = Rest.login(ws, "user.0", PW);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < REST_REQUESTS; i++) {
            String[] route = String.format(pick(rnd, ROUTES), rid).split(" ");
            byte[] body = restBody(rnd, rid);
            String type = pick(rnd, new String[] {"application/json", "application/x-www-form-urlencoded",
                "multipart/form-data", "multipart/form-data; boundary=zz", "text/plain"});
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ws.baseUri() + route[1] + (rnd.nextInt(4) == 0
                    ? "?roomId=" + rid + "&count=" + randomJson(rnd, 3).replaceAll("[^0-9a-z-]", "") : "")))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", type);
            if (rnd.nextBoolean()) {
                b.header("X-User-Id", user.userId()).header("X-Auth-Token", user.token());
            }
            b.method(route[0].equals("GET") && rnd.nextInt(4) > 0 ? "GET" : "POST", HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 500) {
                fiveHundreds.add("REST " + route[0] + " " + route[1] + " " + type + " " + abbreviate(new String(body,
                    StandardCharsets.UTF_8)) + " -> " + r.statusCode() + " " + abbreviate(r.body()));
            }
        }
    }

    private static byte[] restBody(Random rnd, String rid) {
        return switch (rnd.nextInt(6)) {
            case 5 -> {
                StringBuilder b = new StringBuilder();
                for (int i = rnd.nextInt(400); i >= 0; i--) {
                    b.append("--zz\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
                }
                yield b.append("--zz--\r\n").toString().getBytes(StandardCharsets.UTF_8);
            }
            case 0 -> {
                byte[] b = new byte[rnd.nextInt(2000)];
                rnd.nextBytes(b);
                yield b;
            }
            case 1 -> mangle(rnd, "{\"message\":{\"rid\":\"" + rid + "\",\"msg\":\"hi\"},\"user\":\"user.0\",\"password\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8);
            case 2 -> ("--zz\r\nContent-Disposition: form-data; name=\"" + (rnd.nextBoolean() ? "file" : "msg")
                + "\"; filename=\"" + randomString(rnd) + "\"\r\n\r\n" + randomString(rnd) + (rnd.nextBoolean() ? "\r\n--zz--\r\n" : ""))
                .getBytes(StandardCharsets.UTF_8);
            case 3 -> ("message=" + randomString(rnd) + "&payload=" + randomJson(rnd, 0)).getBytes(StandardCharsets.UTF_8);
            default -> randomJson(rnd, 0).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String pick(Random rnd, String[] from) {
        return from[rnd.nextInt(from.length)];
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
