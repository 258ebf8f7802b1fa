package io.rcbench.ddp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.codec.RawJson;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import io.rcbench.workspace.seed.SeedResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the embedded workspace over real sockets: handshake, calls, subscriptions, streams, errors. */
class DdpClientTest {
    static final String PW = "pw-secret";
    @TempDir
    static Path dir;
    static Workspace ws;
    static DdpClients clients;
    static String room;

    @BeforeAll
    static void start() {
        ws = TestWorkspaces.start(dir);
        SeedResult r = ws.seeder().seed(new SeedPlan(4, 1, 4, "c", 0, 0, PW, 4));
        room = r.roomIds().get(0);
        clients = DdpClients.create(1);
    }

    @AfterAll
    static void stop() {
        clients.close();
        ws.close();
    }

    static DdpClientConfig config() {
        return DdpClientConfig.of(URI.create("ws://127.0.0.1:" + ws.port()));
    }

    static DdpClient loggedIn(String user) throws Exception {
        DdpClient c = clients.newClient(config());
        c.connect().get(5, TimeUnit.SECONDS);
        c.call("login", Logins.password(user, PW)).get(5, TimeUnit.SECONDS);
        return c;
    }

    @Test
    void connectsAndGetsASessionId() throws Exception {
        DdpClient c = clients.newClient(config());
        String session = c.connect().get(5, TimeUnit.SECONDS);
        assertThat(session).isNotBlank();
        assertThat(c.isConnected()).isTrue();
        assertThat(c.sessionId()).isEqualTo(session);
        c.close().get(5, TimeUnit.SECONDS);
        assertThat(c.state()).isEqualTo(DdpClient.State.CLOSED);
        assertThat(c.isConnected()).isFalse();
    }

    @Test
    void callsAndSubscriptionsCarryTheirWireTimes() throws Exception {
        DdpClient c = loggedIn("user.1");
        long before = System.nanoTime();
        DdpCall call = c.invoke("rooms/get", Duration.ofSeconds(5));
        // stamped where the result completes: known to whatever runs then, and read before decoding finished
        CompletableFuture<long[]> seen = call.result().thenApply(r -> new long[] {call.sentNanos(),
            call.answeredNanos(), System.nanoTime()});
        long[] t = seen.get(5, TimeUnit.SECONDS);
        assertThat(t[0]).as("sent").isGreaterThanOrEqualTo(before);
        assertThat(t[1]).as("answered").isGreaterThan(t[0]).isLessThanOrEqualTo(t[2]);
        Subscription sub = c.subscribe("meteor.loginServiceConfiguration");
        sub.ready().get(5, TimeUnit.SECONDS);
        assertThat(sub.sentNanos()).isPositive();
        assertThat(sub.readyNanos()).isGreaterThan(sub.sentNanos());
        c.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void passwordLoginReturnsTokenWithEjsonExpiry() throws Exception {
        DdpClient c = clients.newClient(config());
        c.connect().get(5, TimeUnit.SECONDS);
        DdpCall call = c.invoke("login", Duration.ofSeconds(5), Logins.password("user.0", PW));
        JsonNode result = call.result().get(5, TimeUnit.SECONDS).tree();
        assertThat(result.path("id").asText()).isNotBlank();
        assertThat(result.path("token").asText()).isNotBlank();
        assertThat(Ejson.dateMs(result.path("tokenExpires"), -1)).isGreaterThan(System.currentTimeMillis());
        call.updated().get(5, TimeUnit.SECONDS);
        c.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void unknownMethodFailsWithTyped404() throws Exception {
        DdpClient c = clients.newClient(config());
        c.connect().get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> c.call("no-such-method").get(5, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause().isInstanceOfSatisfying(DdpMethodException.class, e -> {
                assertThat(e.code()).isEqualTo("404");
                assertThat(e.reason()).contains("no-such-method");
                assertThat(e.method()).isEqualTo("no-such-method");
            });
        c.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void streamSubscriptionReceivesTheMessageSent() throws Exception {
        DdpClient alice = loggedIn("user.0");
        DdpClient bob = loggedIn("user.1");
        LinkedBlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
        Subscription sub = bob.subscribeStream("stream-room-messages", room, events::add);
        sub.ready().get(5, TimeUnit.SECONDS);
        RawJson sent = alice.call("sendMessage", Json.object().put("rid", room).put("msg", "hello from the client"))
            .get(5, TimeUnit.SECONDS);
        StreamEvent e = events.poll(5, TimeUnit.SECONDS);
        assertThat(e).isNotNull();
        assertThat(e.collection()).isEqualTo("stream-room-messages");
        assertThat(e.eventName()).isEqualTo(room);
        JsonNode msg = e.args().tree().get(0);
        assertThat(msg.path("msg").asText()).isEqualTo("hello from the client");
        assertThat(msg.path("_id").asText()).isEqualTo(sent.tree().path("_id").asText());
        assertThat(Ejson.isDate(msg.path("ts"))).isTrue();
        alice.close().get(5, TimeUnit.SECONDS);
        bob.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void unknownPublicationEndsWithNosub404() throws Exception {
        DdpClient c = clients.newClient(config());
        c.connect().get(5, TimeUnit.SECONDS);
        Subscription s = c.subscribe("no-such-publication");
        assertThatThrownBy(() -> s.ready().get(5, TimeUnit.SECONDS))
            .cause().isInstanceOfSatisfying(SubscriptionException.class, e -> assertThat(e.code()).isEqualTo("404"));
        assertThat(s.isActive()).isFalse();
        c.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void manyClientsShareTheFactorysLoopsWithoutThreadsOfTheirOwn() throws Exception {
        java.util.List<DdpClient> open = new java.util.ArrayList<>();
        long threadsBefore = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("WebSocket")).count();
        for (int i = 0; i < 50; i++) {
            open.add(clients.newClient(config()));
        }
        CompletableFuture.allOf(open.stream().map(DdpClient::connect).toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        var names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
        assertThat(open.stream().map(DdpClient::eventLoop).distinct()).hasSize(1);
        assertThat(names.stream().filter(n -> n.startsWith("WebSocket")).count()).as("stock client threads").isEqualTo(threadsBefore);
        assertThat(open).allMatch(DdpClient::isConnected);
        CompletableFuture.allOf(open.stream().map(DdpClient::close).toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
    }

    @Test
    void callsWhileNotConnectedFailAtOnce() throws Exception {
        DdpClient c = clients.newClient(config());
        CompletableFuture<RawJson> r = c.call("rooms/get");
        assertThatThrownBy(() -> r.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(DisconnectedException.class);
    }
}
