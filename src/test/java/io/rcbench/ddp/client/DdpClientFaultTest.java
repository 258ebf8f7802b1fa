package io.rcbench.ddp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rcbench.ddp.codec.RawJson;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.fault.FaultConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server faults produced with the workspace's own fault injection: slow methods, stalls, a server going away. */
class DdpClientFaultTest {
    @TempDir
    Path dir;
    DdpClients clients;

    @BeforeEach
    void start() {
        clients = DdpClients.create(1);
    }

    @AfterEach
    void stop() {
        clients.close();
    }

    static DdpClientConfig config(Workspace ws) {
        return DdpClientConfig.of(URI.create("ws://127.0.0.1:" + ws.port()));
    }

    static int onLoop(DdpClient c, java.util.function.IntSupplier s) throws Exception {
        return c.eventLoop().submit(s::getAsInt).get(5, TimeUnit.SECONDS);
    }

    @Test
    void serverGoingAwayFailsEveryPendingCallAtOnce() throws Exception {
        Workspace ws = TestWorkspaces.start(dir, FaultConfig.NONE.withLatency("rooms/get=fixed:20s"));
        DdpClient c = clients.newClient(config(ws).withCallTimeout(Duration.ofSeconds(60)));
        c.connect().get(5, TimeUnit.SECONDS);
        CompletableFuture<RawJson> first = c.call("rooms/get");
        CompletableFuture<RawJson> second = c.call("rooms/get");
        Subscription pendingSub = c.subscribe("stream-notify-all", "public-settings-changed", false);
        awaitPending(c, 2);
        ws.close();
        // The 60 s call timeout is far away: only the disconnect can fail these within the bound below.
        for (CompletableFuture<?> f : new CompletableFuture<?>[] {first, second}) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(DisconnectedException.class);
        }
        assertThat(pendingSub.ready()).isCompletedExceptionally();
        assertThat(onLoop(c, c::pendingCalls)).isZero();
        assertThat(c.state()).isEqualTo(DdpClient.State.CLOSED);
        assertThat(c.closeFuture()).isCompleted();
    }

    @Test
    void slowMethodTimesOutAndTheConnectionCarriesOn() throws Exception {
        try (Workspace ws = TestWorkspaces.start(dir, FaultConfig.NONE.withLatency("rooms/get=fixed:1500ms"))) {
            DdpClient c = clients.newClient(config(ws));
            c.connect().get(5, TimeUnit.SECONDS);
            DdpCall slow = c.invoke("rooms/get", Duration.ofMillis(200));
            assertThatThrownBy(() -> slow.result().get(5, TimeUnit.SECONDS)).cause().isInstanceOf(DdpTimeoutException.class);
            assertThat(onLoop(c, c::pendingCalls)).isZero();
            assertThat(clients.stats().callTimeouts()).isEqualTo(1);
            // Methods run in order per session: this one answers after the slow one, whose late result is ignored.
            assertThatThrownBy(() -> c.call("no-such-method").get(10, TimeUnit.SECONDS)).cause().isInstanceOf(DdpMethodException.class);
            assertThat(c.isConnected()).isTrue();
            assertThat(clients.stats().ignored()).isGreaterThanOrEqualTo(1);
            c.close().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void stalledServerTripsTheHeartbeat() throws Exception {
        // 2 s of no processing (pongs included) in every 2.5 s.
        try (Workspace ws = TestWorkspaces.start(dir, FaultConfig.NONE.withStall(2000, 2500))) {
            DdpClient c = clients.newClient(config(ws).withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(300))
                .withConnectTimeout(Duration.ofSeconds(5)));
            CompletableFuture<DisconnectReason> dropped = new CompletableFuture<>();
            c.onConnectionChange(new ConnectionListener() {
                @Override
                public void disconnected(DisconnectReason reason, int code, String detail, boolean willReconnect) {
                    dropped.complete(reason);
                }
            });
            c.connect().get(5, TimeUnit.SECONDS);
            assertThat(dropped.get(10, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.HEARTBEAT_TIMEOUT);
            assertThat(clients.stats().disconnects(DisconnectReason.HEARTBEAT_TIMEOUT)).isEqualTo(1);
            assertThat(c.state()).isEqualTo(DdpClient.State.CLOSED);
        }
    }

    private static void awaitPending(DdpClient c, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (onLoop(c, c::pendingCalls) < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("calls never became pending");
            }
            Thread.sleep(10);
        }
    }
}
