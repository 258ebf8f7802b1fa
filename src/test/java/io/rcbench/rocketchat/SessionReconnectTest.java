package io.rcbench.rocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.ddp.client.DdpClientConfig;
import io.rcbench.ddp.client.DdpClients;
import io.rcbench.ddp.client.ReconnectPolicy;
import io.rcbench.ddp.client.StreamEvent;
import io.rcbench.rocketchat.WebClientSubscriptions.Profile;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server restart drops every connection: the session reconnects, logs in again with its resume token and its
 * subscriptions come back, so room messages arrive again and DDP actions work.
 */
class SessionReconnectTest {
    @TempDir
    Path dir;

    @Test
    void afterAServerRestartTheSessionResumesAndItsSubscriptionsDeliverAgain() throws Exception {
        Workspace ws = TestWorkspaces.start(dir);
        String rid = ws.seeder().seed(new SeedPlan(2, 1, 2, "c", 0, 0, "pw", 4)).roomIds().get(0);
        int port = ws.port();
        URI base = ws.baseUri();
        ReconnectPolicy fast = new ReconnectPolicy(50, Duration.ofMillis(100), Duration.ofMillis(400), 2.0);
        try (DdpClients clients = DdpClients.create(1)) {
            RocketChatConnector connector = RocketChatConnector.using(RestClient.create(base), clients,
                DdpClientConfig.of(base).withReconnect(fast));
            RocketChatSession alice = RestClient.await(connector.login("user.0", "pw", LoginMethod.REST_THEN_RESUME, ActionTransport.DDP));
            RocketChatSession bob = RestClient.await(connector.login("user.1", "pw", LoginMethod.REST_THEN_RESUME, ActionTransport.REST));
            assertThat(RestClient.await(alice.subscribeAfterLogin(Profile.WEB))).isEqualTo(35);
            assertThat(RestClient.await(alice.openRoom(Profile.WEB, rid))).isEqualTo(4);
            LinkedBlockingQueue<StreamEvent> messages = new LinkedBlockingQueue<>();
            alice.onRoomMessage(rid, messages::add);
            RestClient.await(bob.sendMessage(rid, "before"));
            assertThat(messages.poll(5, TimeUnit.SECONDS)).as("delivery before the restart").isNotNull();

            ws.close();
            ws = Workspace.start(TestWorkspaces.config(dir).withSettings(TestWorkspaces.NO_LIMITS).withPorts("127.0.0.1", port, 0));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((alice.reconnects() < 1 || !alice.isConnected()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(alice.reconnects()).as("reconnects").isEqualTo(1);
            assertThat(ws.openSessions()).as("alice's new session on the restarted server").isGreaterThanOrEqualTo(1);

            // The reconnect counts once the subscriptions are re-sent, not when the server has processed them: send
            // until one arrives rather than racing the server's queue.
            StreamEvent after = null;
            for (int i = 0; i < 50 && after == null; i++) {
                RestClient.await(bob.sendMessage(rid, "after"));
                after = messages.poll(200, TimeUnit.MILLISECONDS);
            }
            assertThat(after).as("delivery after the restart: room subscription restored").isNotNull();
            assertThat(after.args().tree().get(0).path("msg").asText()).isEqualTo("after");
            assertThat(RestClient.await(alice.sendMessage(rid, "back")).path("msg").asText()).as("logged in again by resume")
                .isEqualTo("back");
            alice.close();
            bob.close();
        } finally {
            ws.close();
        }
    }
}
