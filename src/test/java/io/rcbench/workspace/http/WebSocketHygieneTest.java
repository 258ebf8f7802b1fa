package io.rcbench.workspace.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 6455 violations get the close code the RFC names, on raw and SockJS DDP paths (issue 12, section 3). */
class WebSocketHygieneTest {
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

    private static RawWebSocket open(String path) throws Exception {
        RawWebSocket s = new RawWebSocket(ws.port(), path, 0);
        if (path.startsWith("/sockjs/1")) {
            s.awaitText("o");
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/websocket", "/sockjs/123/abc/websocket"})
    void invalidUtf8InATextFrameCloses1007(String path) throws Exception {
        try (RawWebSocket s = open(path)) {
            s.sendFrame(true, 0, RawWebSocket.TEXT, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
            assertThat(s.awaitCloseCode()).isEqualTo(1007);
        }
    }

    @Test
    void invalidUtf8SplitAcrossFragmentsCloses1007() throws Exception {
        try (RawWebSocket s = open("/websocket")) {
            s.sendFrame(false, 0, RawWebSocket.TEXT, new byte[] {'"', (byte) 0xE2, (byte) 0x82});
            s.sendFrame(true, 0, RawWebSocket.CONTINUATION, new byte[] {'"'});
            assertThat(s.awaitCloseCode()).isEqualTo(1007);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 7})
    void rsvBitsWithoutANegotiatedExtensionClose1002(int rsv) throws Exception {
        try (RawWebSocket s = open("/websocket")) {
            s.sendFrame(true, rsv, RawWebSocket.TEXT, "{\"msg\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(s.awaitCloseCode()).isEqualTo(1002);
        }
    }

    @Test
    void aFragmentedMessageOverTheLimitCloses1009() throws Exception {
        try (RawWebSocket s = open("/websocket")) {
            byte[] part = "x".repeat(600 << 10).getBytes(StandardCharsets.UTF_8);
            s.sendFrame(false, 0, RawWebSocket.TEXT, part);
            s.sendFrame(true, 0, RawWebSocket.CONTINUATION, part);
            assertThat(s.awaitCloseCode()).isEqualTo(1009);
        }
    }

    @Test
    void aSingleFrameOverTheLimitCloses1009() throws Exception {
        try (RawWebSocket s = open("/websocket")) {
            s.sendFrameHead(true, RawWebSocket.TEXT, (1 << 20) + 1);
            assertThat(s.awaitCloseCode()).isEqualTo(1009);
        }
    }

    @Test
    void aCompressedMessageInflatingPastTheLimitCloses1009() throws Exception {
        java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
        var client = new org.java_websocket.client.WebSocketClient(java.net.URI.create("ws://127.0.0.1:" + ws.port() + "/websocket"),
            new org.java_websocket.drafts.Draft_6455(new org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension())) {
            @Override
            public void onOpen(org.java_websocket.handshake.ServerHandshake h) {
            }

            @Override
            public void onMessage(String message) {
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                closed.complete(code);
            }

            @Override
            public void onError(Exception ex) {
            }
        };
        assertThat(client.connectBlocking(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // About 2 KiB on the wire, 2 MiB once inflated.
        client.send("x".repeat(2 << 20));
        assertThat(closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1009);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535})
    void invalidCloseCodesClose1002AndAreNeverEchoed(int code) throws Exception {
        try (RawWebSocket s = open("/websocket")) {
            s.sendFrame(true, 0, RawWebSocket.CLOSE, new byte[] {(byte) (code >> 8), (byte) code, 'b', 'y', 'e'});
            assertThat(s.awaitCloseCode()).isEqualTo(1002);
        }
    }

    @Test
    void aOneByteCloseBodyCloses1002() throws Exception {
        try (RawWebSocket s = open("/websocket")) {
            s.sendFrame(true, 0, RawWebSocket.CLOSE, new byte[] {3});
            assertThat(s.awaitCloseCode()).isEqualTo(1002);
        }
    }

    @Test
    void aValidCloseIsEchoed() throws Exception {
        try (RawWebSocket s = open("/websocket")) {
            s.sendFrame(true, 0, RawWebSocket.CLOSE, new byte[] {3, (byte) 0xE8});
            assertThat(s.awaitCloseCode()).isEqualTo(1000);
        }
    }

    @Test
    void theWorkspaceStillAnswersAfterwards() throws Exception {
        try (RawWebSocket s = open("/websocket")) {
            s.sendText("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\"]}");
            assertThat(s.awaitText("connected").text()).contains("session");
        }
    }
}
