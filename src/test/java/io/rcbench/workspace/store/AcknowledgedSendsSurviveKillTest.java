package io.rcbench.workspace.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.Envelope;
import io.rcbench.workspace.WorkspaceConfig;
import io.rcbench.workspace.WorkspaceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable: a workspace in its own JVM killed with SIGKILL in the middle of a stream of sends
 * keeps, after a restart on the same data directory, every message whose success reached a client. Bounded:
 * at most {@link #MAX_SENDS} sends and {@link #SEND_WINDOW} of sending, loopback only.
 */
class AcknowledgedSendsSurviveKillTest {
    private static final int SENDERS = 8;
    private static final int KILL_AFTER_ACKS = 400;
    private static final int MAX_SENDS = 20_000;
    private static final Duration SEND_WINDOW = Duration.ofSeconds(60);
    private static final String ADMIN_PASSWORD = "kill-nine-admin-pw";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedSendSurvivesKillNine() throws Exception {
        List<String> args = new ArrayList<>();
        WorkspaceConfig.NO_RATE_LIMITS.forEach((k, v) -> args.addAll(List.of("--setting", k + "=" + v)));
        Set<String> acked = ConcurrentHashMap.newKeySet();
        String rid;
        try (WorkspaceProcess ws = WorkspaceProcess.start(io.rcbench.cli.Wiring.workspaceEntry(), new Envelope(1, 256), dir, ADMIN_PASSWORD, args)) {
            Session admin = Session.login(ws.baseUri());
            rid = admin.post("/api/v1/channels.create", Json.object().put("name", "durable")).path("channel").path("_id").asText();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                int sender = i;
                Thread t = new Thread(() -> send(admin, rid, sender, acked, stop), "sender-" + i);
                t.start();
                senders.add(t);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acked.size() < KILL_AFTER_ACKS && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(acked).as("acknowledged sends before the kill").hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);
            // SIGKILL while the senders are still going: no shutdown hook, no final flush
            ProcessHandle.of(ws.pid()).orElseThrow().destroyForcibly();
            assertThat(ProcessHandle.of(ws.pid()).orElseThrow().onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
            stop.set(true);
            for (Thread t : senders) {
                t.join(TimeUnit.SECONDS.toMillis(15));
                assertThat(t.isAlive()).as(t.getName() + " ended").isFalse();
            }
        }
        try (WorkspaceProcess ws = WorkspaceProcess.start(io.rcbench.cli.Wiring.workspaceEntry(), new Envelope(1, 256), dir, ADMIN_PASSWORD, args)) {
            Set<String> stored = history(Session.login(ws.baseUri()), rid);
            Set<String> missing = new HashSet<>(acked);
            missing.removeAll(stored);
            assertThat(missing).as("acknowledged messages missing after kill -9 and restart (of %d acknowledged)", acked.size())
                .isEmpty();
        }
    }

    /** Sends until stopped or the workspace goes away; records the ids whose stored message came back. */
    private static void send(Session s, String rid, int sender, Set<String> acked, AtomicBoolean stop) {
        long end = System.nanoTime() + SEND_WINDOW.toNanos();
        for (int n = 0; n < MAX_SENDS / SENDERS && !stop.get() && System.nanoTime() < end; n++) {
            String id = "kill9-" + sender + "-" + n;
            ObjectNode message = Json.object().put("_id", id).put("rid", rid).put("msg", "message " + n + " of sender " + sender);
            try {
                JsonNode r = s.post("/api/v1/chat.sendMessage", Json.object().set("message", message));
                if (id.equals(r.path("message").path("_id").asText())) {
                    acked.add(id);
                }
            } catch (IOException e) {
                return; // the workspace was killed: this send got no answer, so it was never acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Set<String> history(Session s, String rid) throws IOException, InterruptedException {
        Set<String> ids = new HashSet<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = s.get("/api/v1/channels.history?roomId=" + rid + "&count=1000&offset=" + offset).path("messages");
            page.forEach(m -> ids.add(m.path("_id").asText()));
            if (page.size() < 1000) {
                return ids;
            }
        }
    }

    /** The admin's REST session. */
    private record Session(URI base, String userId, String token) {
        static Session login(URI base) throws IOException, InterruptedException {
            JsonNode data = new Session(base, null, null)
                .post("/api/v1/login", Json.object().put("user", "admin").put("password", ADMIN_PASSWORD)).path("data");
            return new Session(base, data.path("userId").asText(), data.path("authToken").asText());
        }

        JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
            return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            return send(request(path).GET().build());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
            if (userId != null) {
                b.header("X-User-Id", userId).header("X-Auth-Token", token);
            }
            return b;
        }

        private static JsonNode send(HttpRequest req) throws IOException, InterruptedException {
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Json.parse(r.body()) : Json.object().put("status", r.statusCode());
        }
    }
}
