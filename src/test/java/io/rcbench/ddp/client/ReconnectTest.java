package io.rcbench.ddp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rcbench.ddp.Json;
import io.rcbench.ddp.codec.RawJson;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dropped connection comes back as a real client does: new session, login resume, subscriptions again. */
class ReconnectTest {
    static final String PW = "pw-secret";
    @TempDir
    Path dir;

    @Test
    void dropReconnectsResumesLoginAndResubscribes() throws Exception {
        try (Workspace ws = TestWorkspaces.start(dir); DdpClients clients = DdpClients.create(1);
             TcpRelay relay = new TcpRelay(ws.port(), null)) {
            String room = ws.seeder().seed(new SeedPlan(2, 1, 2, "c", 0, 0, PW, 4)).roomIds().get(0);
            DdpClient bob = clients.newClient(DdpClientConfig.of(URI.create("ws://127.0.0.1:" + relay.port()))
                .withReconnect(new ReconnectPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200), 2)));
            bob.connect().get(5, TimeUnit.SECONDS);
            String token = bob.call("login", Logins.password("user.1", PW)).get(5, TimeUnit.SECONDS).tree().path("token").asText();
            AtomicInteger resumes = new AtomicInteger();
            bob.onReconnect(c -> {
                resumes.incrementAndGet();
                return c.call("login", Logins.resume(token));
            });
            CompletableFuture<Integer> reconnected = new CompletableFuture<>();
            CompletableFuture<DisconnectReason> dropped = new CompletableFuture<>();
            bob.onConnectionChange(new ConnectionListener() {
                @Override
                public void disconnected(DisconnectReason reason, int code, String detail, boolean willReconnect) {
                    dropped.complete(reason);
                }

                @Override
                public void reconnected(int count) {
                    reconnected.complete(count);
                }
            });
            LinkedBlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
            Subscription sub = bob.subscribeStream("stream-room-messages", room, events::add);
            sub.ready().get(5, TimeUnit.SECONDS);
            String firstSession = bob.sessionId();
            CompletableFuture<RawJson> inFlight = bob.invoke("rooms/get", Duration.ofSeconds(30)).result();

            relay.cutAll();

            assertThat(dropped.get(5, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.CONNECTION_LOST);
            assertThat(reconnected.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            // inFlight either answered before the cut or failed with it: never left hanging.
            assertThat(inFlight.handle((v, e) -> e == null || e instanceof DisconnectedException).get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(resumes.get()).isEqualTo(1);
            assertThat(bob.reconnects()).isEqualTo(1);
            assertThat(bob.sessionId()).isNotEqualTo(firstSession);
            assertThat(clients.stats().reconnects()).isEqualTo(1);
            awaitTrue(() -> sub.readyCount() == 2);
            assertThat(sub.isActive()).isTrue();
            // The resumed login holds: a method that needs a user works on the new session.
            assertThat(bob.call("rooms/get").get(5, TimeUnit.SECONDS).isAbsent()).isFalse();

            DdpClient alice = clients.newClient(DdpClientConfig.of(URI.create("ws://127.0.0.1:" + ws.port())));
            alice.connect().get(5, TimeUnit.SECONDS);
            alice.call("login", Logins.password("user.0", PW)).get(5, TimeUnit.SECONDS);
            alice.call("sendMessage", Json.object().put("rid", room).put("msg", "after the drop")).get(5, TimeUnit.SECONDS);
            StreamEvent e = events.poll(5, TimeUnit.SECONDS);
            assertThat(e).isNotNull();
            assertThat(e.args().tree().get(0).path("msg").asText()).isEqualTo("after the drop");

            bob.close().get(5, TimeUnit.SECONDS);
            assertThat(sub.isActive()).isFalse();
            alice.close().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void failedResumeCountsAsAFailedAttemptAndTheClientGivesUp() throws Exception {
        try (Workspace ws = TestWorkspaces.start(dir); DdpClients clients = DdpClients.create(1);
             TcpRelay relay = new TcpRelay(ws.port(), null)) {
            DdpClient c = clients.newClient(DdpClientConfig.of(URI.create("ws://127.0.0.1:" + relay.port()))
                .withReconnect(new ReconnectPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), 1)));
            c.onReconnect(client -> client.call("login", Logins.resume("not-a-token")));
            java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            c.onConnectionChange(new ConnectionListener() {
                @Override
                public void disconnected(DisconnectReason reason, int code, String detail, boolean willReconnect) {
                    heard.add("disconnected " + reason + " " + willReconnect);
                }

                @Override
                public void reconnectFailed(DisconnectReason reason, int attempt, boolean willRetry) {
                    heard.add("failed " + reason + " " + attempt + " " + willRetry);
                }
            });
            c.connect().get(5, TimeUnit.SECONDS);
            relay.cutAll();
            c.closeFuture().get(10, TimeUnit.SECONDS);
            // the close future may complete just before the last listener call on the loop
            awaitTrue(() -> heard.size() >= 3);
            assertThat(heard).containsExactly("disconnected CONNECTION_LOST true", "failed RESUME_FAILED 1 true",
                "failed RESUME_FAILED 2 false");
            assertThat(clients.stats().disconnects(DisconnectReason.RESUME_FAILED)).isEqualTo(2);
            assertThat(c.reconnects()).isZero();
            assertThatThrownBy(() -> c.call("rooms/get").get(5, TimeUnit.SECONDS)).cause().isInstanceOf(DisconnectedException.class);
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier s) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!s.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
