package io.rcbench.workspace.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Injected faults behave as configured, over real sockets. */
class FaultInjectionTest {
    @TempDir
    Path dir;

    @Test
    void fixedLatencyDelaysTheNamedMethodOnlyAndHoldsLaterCallsOnTheSession() throws Exception {
        FaultConfig faults = FaultConfig.NONE.withLatency("rooms/get=fixed:150ms");
        try (Workspace ws = TestWorkspaces.start(dir, faults); DdpTestClient c = DdpTestClient.connect(ws)) {
            long t0 = System.nanoTime();
            c.call("noSuchMethod");
            long plainMs = (System.nanoTime() - t0) / 1_000_000;
            // Two calls sent back to back: the second waits behind the delayed first (Meteor's per-session order).
            c.send(Json.object().put("msg", "method").put("method", "rooms/get").put("id", "slow"));
            c.send(Json.object().put("msg", "method").put("method", "noSuchMethod").put("id", "fast"));
            long t1 = System.nanoTime();
            JsonNode first = c.await(f -> "result".equals(f.path("msg").asText()));
            long firstMs = (System.nanoTime() - t1) / 1_000_000;
            JsonNode second = c.await(f -> "result".equals(f.path("msg").asText()));
            assertThat(plainMs).isLessThan(150);
            assertThat(first.path("id").asText()).isEqualTo("slow");
            assertThat(second.path("id").asText()).isEqualTo("fast");
            assertThat(firstMs).isGreaterThanOrEqualTo(150);
        }
    }

    @Test
    void stallsHoldPongsUntilTheStallEnds() throws Exception {
        FaultConfig faults = FaultConfig.NONE.withStall("400ms/1s");
        try (Workspace ws = TestWorkspaces.start(dir, faults); DdpTestClient c = DdpTestClient.connect(ws)) {
            long worstMs = 0;
            for (int i = 0; i < 8; i++) {
                long t0 = System.nanoTime();
                c.send(Json.object().put("msg", "ping").put("id", "p" + i));
                String id = "p" + i;
                c.await(f -> "pong".equals(f.path("msg").asText()) && id.equals(f.path("id").asText()));
                worstMs = Math.max(worstMs, (System.nanoTime() - t0) / 1_000_000);
                Thread.sleep(130);
            }
            // Eight pings 130 ms apart span more than one 1 s period, so at least one lands inside a 400 ms stall.
            assertThat(worstMs).isGreaterThanOrEqualTo(100).isLessThan(1000);
        }
    }

    @Test
    void dropsCloseConnectionsWithoutACloseFrame() throws Exception {
        FaultConfig faults = FaultConfig.NONE.withDrops("1.0/300ms");
        try (Workspace ws = TestWorkspaces.start(dir, faults); DdpTestClient c = DdpTestClient.connect(ws)) {
            assertThat(c.awaitClosed(3000)).isTrue();
            assertThat(c.closeCode()).isEqualTo(1006);
        }
    }
}
