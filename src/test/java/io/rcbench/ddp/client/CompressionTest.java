package io.rcbench.ddp.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.ddp.Json;
import io.rcbench.ddp.ws.Compression;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every compression mode negotiates what it should with the workspace and carries several large messages both ways
 * (several, because a context-takeover mismatch only shows from the second message on).
 */
class CompressionTest {
    static final String PW = "pw-secret";
    @TempDir
    static Path dir;
    static Workspace ws;
    static DdpClients clients;
    static String room;

    @BeforeAll
    static void start() {
        ws = TestWorkspaces.start(dir);
        room = ws.seeder().seed(new SeedPlan(6, 1, 6, "c", 0, 0, PW, 4)).roomIds().get(0);
        clients = DdpClients.create(1);
    }

    @AfterAll
    static void stop() {
        clients.close();
        ws.close();
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void modeNegotiatesAndDeliversLargeMessagesBothWays(Compression mode) throws Exception {
        DdpClientConfig cfg = DdpClientConfig.of(URI.create("ws://127.0.0.1:" + ws.port())).withCompression(mode);
        DdpClient sender = clients.newClient(cfg);
        DdpClient receiver = clients.newClient(cfg);
        sender.connect().get(5, TimeUnit.SECONDS);
        receiver.connect().get(5, TimeUnit.SECONDS);
        // A pair of users per mode: sendMessage is limited to 5 per second per user.
        sender.call("login", Logins.password("user." + 2 * mode.ordinal(), PW)).get(5, TimeUnit.SECONDS);
        receiver.call("login", Logins.password("user." + (2 * mode.ordinal() + 1), PW)).get(5, TimeUnit.SECONDS);
        switch (mode) {
            case NONE -> assertThat(sender.extension()).isEqualTo("none");
            case PER_CONNECTION -> assertThat(sender.extension()).contains("PerMessageDeflate");
            case SHARED_PER_THREAD -> assertThat(sender.extension()).isEqualTo("permessage-deflate (shared per thread)");
        }
        LinkedBlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
        receiver.subscribeStream("stream-room-messages", room, events::add).ready().get(5, TimeUnit.SECONDS);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String text = (mode + " message " + i + " ").repeat(150);
            sent.add(text);
            sender.call("sendMessage", Json.object().put("rid", room).put("msg", text)).get(5, TimeUnit.SECONDS);
        }
        for (String text : sent) {
            StreamEvent e = events.poll(5, TimeUnit.SECONDS);
            assertThat(e).as("event for a %d-char message", text.length()).isNotNull();
            assertThat(e.args().tree().get(0).path("msg").asText()).isEqualTo(text);
        }
        assertThat(sender.stats().malformedTotal()).isZero();
        sender.close().get(5, TimeUnit.SECONDS);
        receiver.close().get(5, TimeUnit.SECONDS);
    }
}
