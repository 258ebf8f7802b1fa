package io.rcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.ddp.ws.Compression;
import io.rcbench.rocketchat.LoginMethod;
import io.rcbench.workspace.Envelope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sessions benchmark end to end at a tiny scale, so the command cannot rot; its figures are not asserted. */
class SessionsBenchTest {
    @TempDir
    Path dir;

    @Test
    void holdsEverySessionWithAWebClientsSubscriptionsOnFewThreads() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        var o = new SessionsBench.Options(20, 1, 8, 0, LoginMethod.DDP_PASSWORD, Compression.SHARED_PER_THREAD,
            new Envelope(1, 256), 4);
        SessionsBench.Result r = new SessionsBench(io.rcbench.cli.Wiring.workspaceEntry()).run(o, dir, new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(r.connected()).isEqualTo(20);
        assertThat(r.failed()).isZero();
        assertThat(r.stillConnected()).isEqualTo(20);
        assertThat(r.subscriptionsPerSession()).isEqualTo(35);
        assertThat(r.clientIoThreads()).isBetween(1, 16);
        assertThat(r.framesIn()).as("connected + login + 35 ready per session at least").isGreaterThanOrEqualTo(20 * 37);
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("RSS").contains("per session").contains("sessions/s");
        assertThat(SessionsBench.toJson(o, r).path("result").path("connected").asInt()).isEqualTo(20);
    }
}
