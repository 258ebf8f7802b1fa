package io.rcbench.ddp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.codec.MalformedReason;
import io.rcbench.ddp.codec.RawJson;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol corners the embedded workspace never produces for a correct client, played by {@link ScriptedDdpServer}:
 * a refused version, garbage frames, server_id, immediate server pings, updated/result in either order.
 */
class DdpClientProtocolTest {
    static final String CONNECTED = "{\"msg\":\"connected\",\"session\":\"S1\"}";
    DdpClients clients;

    @BeforeEach
    void start() {
        clients = DdpClients.create(1);
    }

    @AfterEach
    void stop() {
        clients.close();
    }

    @Test
    void refusedVersionFailsTheConnectWithTheServersProposal() throws Exception {
        try (ScriptedDdpServer server = new ScriptedDdpServer((text, ch) -> {
            if (text.contains("\"connect\"")) {
                ScriptedDdpServer.send(ch, "{\"msg\":\"failed\",\"version\":\"pre2\"}");
            }
        })) {
            DdpClient c = clients.newClient(DdpClientConfig.of(server.uri()));
            java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
            c.onConnectionChange(new ConnectionListener() {
                @Override
                public void disconnected(DisconnectReason reason, int code, String detail, boolean willReconnect) {
                    heard.incrementAndGet();
                }
            });
            assertThatThrownBy(() -> c.connect().get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(DdpConnectException.class, e -> assertThat(e.serverVersion()).isEqualTo("pre2"));
            JsonNode connect = Json.parse(server.received.poll(5, TimeUnit.SECONDS));
            assertThat(connect.path("version").asText()).isEqualTo("1");
            assertThat(connect.path("support").toString()).isEqualTo("[\"1\",\"pre2\",\"pre1\"]");
            assertThat(c.closeFuture().get(5, TimeUnit.SECONDS)).isNull();
            assertThat(clients.stats().disconnects(DisconnectReason.VERSION_REFUSED)).isEqualTo(1);
            assertThat(heard.get()).as("a failed first connect is reported by the connect future only").isZero();
        }
    }

    @Test
    void serverThatStopsReadingIsDroppedOnceTheBacklogPassesItsLimit() throws Exception {
        try (ScriptedDdpServer server = new ScriptedDdpServer((text, ch) -> {
            if (text.contains("\"connect\"")) {
                ScriptedDdpServer.send(ch, CONNECTED);
                ch.config().setAutoRead(false);
            }
        })) {
            DdpClient c = clients.newClient(DdpClientConfig.of(server.uri()).withTransport(
                io.rcbench.ddp.ws.WsOptions.DEFAULT.withCompression(io.rcbench.ddp.ws.Compression.NONE).withLimits(1 << 20, 1 << 20)));
            c.connect().get(5, TimeUnit.SECONDS);
            String big = "x".repeat(250_000);
            List<java.util.concurrent.CompletableFuture<RawJson>> calls = new java.util.ArrayList<>();
            // 40 MB: far more than loopback socket buffers absorb, so the client's own queue must grow.
            for (int i = 0; i < 160; i++) {
                calls.add(c.call("upload", big));
            }
            for (var f : calls) {
                assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(DisconnectedException.class);
            }
            assertThat(clients.stats().disconnects(DisconnectReason.SERVER_NOT_READING)).isEqualTo(1);
            assertThat(c.state()).isEqualTo(DdpClient.State.CLOSED);
        }
    }

    @Test
    void refusedTcpConnectFailsTheConnect() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DdpClient c = clients.newClient(DdpClientConfig.of("ws://127.0.0.1:" + port));
        assertThatThrownBy(() -> c.connect().get(5, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(DisconnectedException.class, e -> {
                assertThat(e.reason()).isEqualTo(DisconnectReason.CONNECT_FAILED);
                assertThat(e.getMessage()).contains("refused");
            });
    }

    @Test
    void silentServerFailsTheConnectAfterTheConnectTimeout() throws Exception {
        try (ScriptedDdpServer server = new ScriptedDdpServer((text, ch) -> { })) {
            DdpClient c = clients.newClient(DdpClientConfig.of(server.uri()).withConnectTimeout(java.time.Duration.ofMillis(300)));
            assertThatThrownBy(() -> c.connect().get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(DisconnectedException.class, e -> assertThat(e.reason()).isEqualTo(DisconnectReason.CONNECT_TIMEOUT));
            assertThat(c.closeFuture().get(5, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void closeWhileConnectingFailsTheConnectFuture() throws Exception {
        try (ScriptedDdpServer server = new ScriptedDdpServer((text, ch) -> { })) {
            DdpClient c = clients.newClient(DdpClientConfig.of(server.uri()));
            var connecting = c.connect();
            server.received.poll(5, TimeUnit.SECONDS);
            c.close().get(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> connecting.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(DisconnectedException.class, e -> assertThat(e.reason()).isEqualTo(DisconnectReason.CLIENT_CLOSE));
            assertThat(c.state()).isEqualTo(DdpClient.State.CLOSED);
        }
    }

    @Test
    void serverPingIsAnsweredWithAPongEchoingItsId() throws Exception {
        try (ScriptedDdpServer server = new ScriptedDdpServer((text, ch) -> {
            if (text.contains("\"connect\"")) {
                ScriptedDdpServer.send(ch, CONNECTED);
                ScriptedDdpServer.send(ch, "{\"msg\":\"ping\",\"id\":\"p-7\"}");
                ScriptedDdpServer.send(ch, "{\"msg\":\"ping\"}");
            }
        })) {
            DdpClient c = clients.newClient(DdpClientConfig.of(server.uri()));
            c.connect().get(5, TimeUnit.SECONDS);
            server.received.poll(5, TimeUnit.SECONDS);
            assertThat(Json.parse(server.received.poll(5, TimeUnit.SECONDS))).isEqualTo(Json.parse("{\"msg\":\"pong\",\"id\":\"p-7\"}"));
            assertThat(Json.parse(server.received.poll(5, TimeUnit.SECONDS))).isEqualTo(Json.parse("{\"msg\":\"pong\"}"));
            c.close().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void garbageFramesAreCountedByReasonAndTheConnectionSurvives() throws Exception {
        List<String> garbage = List.of("not json at all", "{\"msg\":\"result\",\"id\":", "[1,2]", "\"text\"",
            "{\"msg\":\"bogus\"}", "{\"msg\":42}", "{\"msg\":\"result\"}", "{\"msg\":\"changed\",\"id\":\"x\"}",
            "{\"msg\":\"server_id\",\"server_id\":\"0\"}", "{\"server_id\":\"0\"}", "{\"foo\":1}",
            "{\"msg\":\"result\",\"id\":\"never-sent\",\"result\":1}");
        try (ScriptedDdpServer server = new ScriptedDdpServer((text, ch) -> {
            JsonNode f = Json.parse(text);
            if ("connect".equals(f.path("msg").asText())) {
                ScriptedDdpServer.send(ch, CONNECTED);
            } else if ("method".equals(f.path("msg").asText())) {
                garbage.forEach(g -> ScriptedDdpServer.send(ch, g));
                ScriptedDdpServer.send(ch, "{\"msg\":\"result\",\"id\":\"" + f.path("id").asText() + "\",\"result\":{\"ok\":true}}");
                ScriptedDdpServer.send(ch, "{\"msg\":\"updated\",\"methods\":[\"" + f.path("id").asText() + "\"]}");
            }
        })) {
            DdpClient c = clients.newClient(DdpClientConfig.of(server.uri()));
            c.connect().get(5, TimeUnit.SECONDS);
            RawJson r = c.call("anything").get(5, TimeUnit.SECONDS);
            assertThat(r.tree().path("ok").asBoolean()).isTrue();
            DdpStats s = clients.stats();
            assertThat(s.malformed(MalformedReason.NOT_JSON)).isEqualTo(2);
            assertThat(s.malformed(MalformedReason.NOT_AN_OBJECT)).isEqualTo(2);
            assertThat(s.malformed(MalformedReason.UNKNOWN_MESSAGE)).isEqualTo(2);
            assertThat(s.malformed(MalformedReason.MISSING_FIELD)).isEqualTo(2);
            assertThat(s.ignored()).isEqualTo(4);
            assertThat(c.isConnected()).isTrue();
            assertThat(c.call("anything").get(5, TimeUnit.SECONDS).tree().path("ok").asBoolean()).isTrue();
            c.close().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void updatedBeforeOrAfterTheResultSettlesTheCall() throws Exception {
        try (ScriptedDdpServer server = new ScriptedDdpServer((text, ch) -> {
            JsonNode f = Json.parse(text);
            String id = f.path("id").asText();
            String result = "{\"msg\":\"result\",\"id\":\"" + id + "\",\"result\":{\"$date\":1700000000000}}";
            String updated = "{\"msg\":\"updated\",\"methods\":[\"" + id + "\"]}";
            switch (f.path("msg").asText()) {
                case "connect" -> ScriptedDdpServer.send(ch, CONNECTED);
                case "method" -> {
                    boolean updatedFirst = "first".equals(f.path("method").asText());
                    ScriptedDdpServer.send(ch, updatedFirst ? updated : result);
                    ScriptedDdpServer.send(ch, updatedFirst ? result : updated);
                }
                default -> {
                }
            }
        })) {
            DdpClient c = clients.newClient(DdpClientConfig.of(server.uri()));
            c.connect().get(5, TimeUnit.SECONDS);
            for (String m : List.of("first", "last")) {
                DdpCall call = c.invoke(m, java.time.Duration.ofSeconds(5));
                assertThat(io.rcbench.ddp.Ejson.dateMs(call.result().get(5, TimeUnit.SECONDS).tree(), -1)).isEqualTo(1700000000000L);
                call.updated().get(5, TimeUnit.SECONDS);
            }
            assertThat(c.eventLoop().submit(c::pendingCalls).get()).isZero();
            c.close().get(5, TimeUnit.SECONDS);
        }
    }
}
