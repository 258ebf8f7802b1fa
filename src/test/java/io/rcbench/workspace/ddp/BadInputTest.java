package io.rcbench.workspace.ddp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken clients never crash the server nor lose what it accepted. */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void garbageBinaryAndOversizedFramesLeaveAcceptedMessagesIntact() throws Exception {
        try (Workspace ws = TestWorkspaces.start(dir)) {
            String rid = ws.seeder().seed(new SeedPlan(2, 1, 2, "c", 0, 0, "pw", 4)).roomIds().get(0);
            try (DdpTestClient alice = DdpTestClient.login(ws, "user.0", "pw")) {
                assertThat(alice.call("sendMessage", Json.object().put("rid", rid).put("msg", "keep me")).has("result")).isTrue();
            }
            URI uri = URI.create("ws://127.0.0.1:" + ws.port() + "/websocket");
            try (DdpTestClient binary = new DdpTestClient(uri)) {
                binary.sendRaw("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\"]}");
                binary.await(f -> "connected".equals(f.path("msg").asText()));
                binary.sendBinary(new byte[] {0, 1, 2, 3});
                assertThat(binary.awaitClosed(3000)).isTrue();
                assertThat(binary.closeCode()).isEqualTo(1007);
            }
            try (DdpTestClient huge = new DdpTestClient(uri)) {
                huge.sendRaw("x".repeat(2 << 20));
                assertThat(huge.awaitClosed(3000)).as("a frame over 1 MiB closes the connection").isTrue();
            }
            try (DdpTestClient noise = DdpTestClient.connect(ws)) {
                for (String junk : new String[] {"", "[]", "null", "42", "{\"msg\":17}", "{\"msg\":\"method\",\"method\":\"login\",\"id\":5}",
                    "{\"msg\":\"sub\",\"id\":\"a\",\"name\":\"stream-room-messages\",\"params\":\"nope\"}", "\u0000\u0001"}) {
                    noise.sendRaw(junk);
                }
                noise.sendRaw("{\"msg\":\"ping\",\"id\":\"still-here\"}");
                assertThat(noise.await(f -> "pong".equals(f.path("msg").asText())).path("id").asText()).isEqualTo("still-here");
            }
            // A plain TCP client that is not HTTP at all.
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", ws.port()), 2000);
                s.getOutputStream().write("\u0016\u0003\u0001garbage that is no HTTP\r\n\r\n".getBytes());
                s.getOutputStream().flush();
            }
            try (DdpTestClient bob = DdpTestClient.login(ws, "user.1", "pw")) {
                JsonNode history = bob.call("loadHistory", Json.MAPPER.getNodeFactory().textNode(rid)).path("result");
                assertThat(history.path("messages").findValuesAsText("msg")).containsExactly("keep me");
            }
        }
    }

    @Test
    void listensOnLoopbackUnlessToldOtherwise() {
        assertThat(io.rcbench.workspace.WorkspaceConfig.defaults(dir).host()).isEqualTo("127.0.0.1");
    }
}
