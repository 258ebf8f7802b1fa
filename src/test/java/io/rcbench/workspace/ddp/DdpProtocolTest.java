package io.rcbench.workspace.ddp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DDP handshake, heartbeats and protocol errors over a real socket (protocol sections 1.2-1.5). */
class DdpProtocolTest {
    @TempDir
    static Path dir;
    static Workspace ws;

    @BeforeAll
    static void start() {
        ws = TestWorkspaces.start(dir);
    }

    @AfterAll
    static void stop() {
        ws.close();
    }

    private DdpTestClient raw() throws InterruptedException {
        return new DdpTestClient(URI.create("ws://127.0.0.1:" + ws.port() + "/websocket"));
    }

    @Test
    void connectAnswersConnectedWithASessionId() throws Exception {
        try (DdpTestClient c = raw()) {
            c.sendRaw("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\",\"pre2\",\"pre1\"]}");
            JsonNode f = c.await(x -> x.has("msg"));
            assertThat(f.path("msg").asText()).isEqualTo("connected");
            assertThat(f.path("session").asText()).hasSize(17);
        }
    }

    @Test
    void unsupportedVersionFailsAndCloses() throws Exception {
        try (DdpTestClient c = raw()) {
            c.sendRaw("{\"msg\":\"connect\",\"version\":\"2\",\"support\":[\"2\"]}");
            JsonNode f = c.await(x -> x.has("msg"));
            assertThat(f.path("msg").asText()).isEqualTo("failed");
            assertThat(f.path("version").asText()).isEqualTo("1");
            assertThat(c.awaitClosed(3000)).isTrue();
        }
    }

    @Test
    void framesBeforeConnectAreRefused() throws Exception {
        try (DdpTestClient c = raw()) {
            c.sendRaw("{\"msg\":\"method\",\"method\":\"login\",\"id\":\"1\",\"params\":[]}");
            JsonNode f = c.await(x -> x.has("msg"));
            assertThat(f.path("msg").asText()).isEqualTo("error");
            assertThat(f.path("reason").asText()).isEqualTo("Must connect first");
            assertThat(f.path("offendingMessage").path("method").asText()).isEqualTo("login");
        }
    }

    @Test
    void malformedFramesGetProtocolErrorsAndTheConnectionSurvives() throws Exception {
        try (DdpTestClient c = DdpTestClient.connect(ws)) {
            c.sendRaw("{not json");
            assertThat(c.await(x -> "error".equals(x.path("msg").asText())).path("reason").asText()).isEqualTo("Parse error");
            c.sendRaw("{\"hello\":1}");
            assertThat(c.await(x -> "error".equals(x.path("msg").asText())).path("reason").asText()).isEqualTo("Bad request");
            c.sendRaw("{\"msg\":\"method\",\"id\":\"x\"}");
            assertThat(c.await(x -> "error".equals(x.path("msg").asText())).path("reason").asText())
                .isEqualTo("Malformed method invocation");
            c.sendRaw("{\"msg\":\"sub\",\"name\":\"x\"}");
            assertThat(c.await(x -> "error".equals(x.path("msg").asText())).path("reason").asText())
                .isEqualTo("Malformed subscription");
            c.sendRaw("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\"]}");
            assertThat(c.await(x -> "error".equals(x.path("msg").asText())).path("reason").asText()).isEqualTo("Already connected");
            c.sendRaw("{\"msg\":\"ping\",\"id\":\"alive\"}");
            assertThat(c.await(x -> "pong".equals(x.path("msg").asText())).path("id").asText()).isEqualTo("alive");
        }
    }

    @Test
    void unknownMethodIsA404MeteorErrorWithUpdated() throws Exception {
        try (DdpTestClient c = DdpTestClient.connect(ws)) {
            JsonNode r = c.call("noSuchMethod");
            JsonNode err = r.path("error");
            assertThat(err.path("error").asInt()).isEqualTo(404);
            assertThat(err.path("reason").asText()).isEqualTo("Method 'noSuchMethod' not found");
            assertThat(err.path("errorType").asText()).isEqualTo("Meteor.Error");
            assertThat(err.path("isClientSafe").asBoolean()).isTrue();
            assertThat(c.await(x -> "updated".equals(x.path("msg").asText())).path("methods").get(0).asText())
                .isEqualTo(r.path("id").asText());
        }
    }

    @Test
    void unknownPublicationIsNosub404AndUnsubAnswersNosub() throws Exception {
        try (DdpTestClient c = DdpTestClient.connect(ws)) {
            JsonNode r = c.sub("no-such-pub");
            assertThat(r.path("msg").asText()).isEqualTo("nosub");
            assertThat(r.path("error").path("error").asInt()).isEqualTo(404);
            JsonNode ready = c.sub("meteor.loginServiceConfiguration");
            assertThat(ready.path("msg").asText()).isEqualTo("ready");
            String id = ready.path("subs").get(0).asText();
            c.send(Json.object().put("msg", "unsub").put("id", id));
            assertThat(c.await(x -> "nosub".equals(x.path("msg").asText())).path("id").asText()).isEqualTo(id);
        }
    }

    @Test
    void anonymousStreamsThatNeedAUserAreRefused() throws Exception {
        try (DdpTestClient c = DdpTestClient.connect(ws)) {
            JsonNode r = c.stream("stream-notify-logged", "user-status");
            assertThat(r.path("msg").asText()).isEqualTo("nosub");
            assertThat(r.path("error").path("error").asText()).isEqualTo("not-allowed");
        }
    }

    @Test
    void sockJsPathWrapsFramesAndAcceptsArrays() throws Exception {
        try (DdpTestClient c = new DdpTestClient(URI.create("ws://127.0.0.1:" + ws.port() + "/sockjs/123/abcdefgh/websocket"))) {
            // SockJS frames are not JSON objects: the test client sees them as text, so read them raw.
            c.sendRaw("[\"{\\\"msg\\\":\\\"connect\\\",\\\"version\\\":\\\"1\\\",\\\"support\\\":[\\\"1\\\"]}\"]");
            JsonNode f = c.await(x -> x.isArray() && x.get(0).asText().contains("connected"));
            assertThat(Json.parse(f.get(0).asText()).path("msg").asText()).isEqualTo("connected");
        }
    }
}
