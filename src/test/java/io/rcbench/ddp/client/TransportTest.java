package io.rcbench.ddp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rcbench.ddp.Json;
import io.rcbench.ddp.ws.TlsOptions;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SockJS framing, TLS verification and the client heartbeat, against the workspace (TLS through a relay). */
class TransportTest {
    static final String PW = "pw-secret";
    @TempDir
    static Path dir;
    static Workspace ws;
    static DdpClients clients;
    static String room;
    static SelfSignedCerts certs;
    static TcpRelay tls;

    @BeforeAll
    static void start() throws Exception {
        ws = TestWorkspaces.start(dir.resolve("ws"));
        room = ws.seeder().seed(new SeedPlan(2, 1, 2, "c", 0, 0, PW, 4)).roomIds().get(0);
        clients = DdpClients.create(1);
        certs = SelfSignedCerts.create(dir);
        tls = new TcpRelay(ws.port(), certs.serverContext());
    }

    @AfterAll
    static void stop() {
        tls.close();
        clients.close();
        ws.close();
    }

    @Test
    void sockJsFramingCarriesCallsAndStreamEvents() throws Exception {
        DdpClient c = clients.newClient(DdpClientConfig.of(URI.create("http://127.0.0.1:" + ws.port())).withSockJs(true));
        c.connect().get(5, TimeUnit.SECONDS);
        c.call("login", Logins.password("user.0", PW)).get(5, TimeUnit.SECONDS);
        LinkedBlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
        c.subscribeStream("stream-room-messages", room, events::add).ready().get(5, TimeUnit.SECONDS);
        String text = "quotes \" and \\ backslashes and ünïcödé";
        c.call("sendMessage", Json.object().put("rid", room).put("msg", text)).get(5, TimeUnit.SECONDS);
        assertThat(events.poll(5, TimeUnit.SECONDS).args().tree().get(0).path("msg").asText()).isEqualTo(text);
        assertThat(clients.stats().malformedTotal()).isZero();
        c.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void explicitSockJsUrlImpliesTheFraming() throws Exception {
        DdpClient c = clients.newClient(DdpClientConfig.of(URI.create("ws://127.0.0.1:" + ws.port() + "/sockjs/042/abcdefgh/websocket")));
        assertThat(c.connect().get(5, TimeUnit.SECONDS)).isNotBlank();
        c.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void selfSignedCertificateIsRefusedByDefault() {
        DdpClient c = clients.newClient(DdpClientConfig.of(URI.create("wss://localhost:" + tls.port())));
        assertThatThrownBy(() -> c.connect().get(10, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(DisconnectedException.class, e -> {
                assertThat(e.reason()).isEqualTo(DisconnectReason.CONNECT_FAILED);
                assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class);
                assertThat(e).hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
            });
    }

    @Test
    void explicitlyTrustedCertificateIsAccepted() throws Exception {
        DdpClient c = clients.newClient(DdpClientConfig.of(URI.create("wss://localhost:" + tls.port()))
            .withTls(TlsOptions.trusting(certs.certificate())));
        c.connect().get(10, TimeUnit.SECONDS);
        assertThat(c.call("login", Logins.password("user.0", PW)).get(5, TimeUnit.SECONDS).tree().path("token").asText()).isNotBlank();
        c.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void trustedCertificateForAnotherHostIsRefused() throws Exception {
        // The certificate names localhost and 127.0.0.1; 127.0.0.2 also reaches the relay but is not named.
        DdpClient c = clients.newClient(DdpClientConfig.of(URI.create("wss://127.0.0.2:" + tls.port()))
            .withTls(TlsOptions.trusting(certs.certificate())));
        assertThatThrownBy(() -> c.connect().get(10, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(DisconnectedException.class, e -> assertThat(e.reason()).isEqualTo(DisconnectReason.CONNECT_FAILED));
    }

    @Test
    void httpErrorInsteadOfAnUpgradeFailsTheConnect() {
        DdpClient c = clients.newClient(DdpClientConfig.of(URI.create("ws://127.0.0.1:" + ws.port() + "/no-ddp-here/websocket")));
        assertThatThrownBy(() -> c.connect().get(5, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(DisconnectedException.class, e -> {
                assertThat(e.reason()).isEqualTo(DisconnectReason.CONNECT_FAILED);
                assertThat(e.getMessage()).contains("WebSocket upgrade refused: HTTP/1.1 404");
            });
        assertThat(c.state()).isEqualTo(DdpClient.State.CLOSED);
    }

    @Test
    void heartbeatPingsAnIdleServerWhichAnswers() throws Exception {
        DdpClient c = clients.newClient(DdpClientConfig.of(URI.create("ws://127.0.0.1:" + ws.port()))
            .withHeartbeat(Duration.ofMillis(50), Duration.ofMillis(1000)));
        c.connect().get(5, TimeUnit.SECONDS);
        long out = clients.stats().framesOut();
        long in = clients.stats().framesIn();
        Thread.sleep(600);
        // About a ping per 50 ms of silence, each answered by a pong that keeps the connection up.
        assertThat(clients.stats().framesOut() - out).isGreaterThanOrEqualTo(4);
        assertThat(clients.stats().framesIn() - in).isGreaterThanOrEqualTo(4);
        assertThat(c.isConnected()).isTrue();
        assertThat(clients.stats().disconnects(DisconnectReason.HEARTBEAT_TIMEOUT)).isZero();
        c.close().get(5, TimeUnit.SECONDS);
    }
}
