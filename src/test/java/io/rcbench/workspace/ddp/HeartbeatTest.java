package io.rcbench.workspace.ddp;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meteor's server heartbeat: ping after 15 s of silence, close 15 s later without an answer (about 31 s). */
class HeartbeatTest {
    @TempDir
    Path dir;

    @Test
    void silentClientIsPingedThenDropped() throws Exception {
        try (Workspace ws = TestWorkspaces.start(dir); DdpTestClient c = DdpTestClient.connect(ws)) {
            long t0 = System.nanoTime();
            c.await(f -> "ping".equals(f.path("msg").asText()), 20_000);
            long pingedAfterMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(pingedAfterMs).isBetween(14_000L, 17_000L);
            assertThat(c.awaitClosed(20_000)).isTrue();
            long closedAfterMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(closedAfterMs).isBetween(28_000L, 33_000L);
            assertThat(ws.openSessions()).isZero();
        }
    }
}
