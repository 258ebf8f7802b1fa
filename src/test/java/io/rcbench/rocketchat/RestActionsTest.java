package io.rcbench.rocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.RandomId;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import io.rcbench.workspace.seed.SeedResult;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST forms of login and the user actions, against the embedded workspace over a real socket. */
class RestActionsTest {
    @TempDir
    static Path dir;
    static Workspace ws;
    static SeedResult seed;

    @BeforeAll
    static void start() {
        ws = TestWorkspaces.start(dir);
        seed = ws.seeder().seed(new SeedPlan(4, 2, 2, "c", 0, 0, "pw", 4));
    }

    @AfterAll
    static void stop() {
        ws.close();
    }

    static RestActions anonymous() {
        return new RestActions(RestClient.create(ws.baseUri()));
    }

    static RestActions login(String user) {
        RestActions anon = anonymous();
        Credentials c = RestClient.await(anon.login(user, "pw"));
        return new RestActions(anon.client().withCredentials(c));
    }

    @Test
    void infoSaysWhichServerItIs() {
        ServerInfo info = RestClient.await(anonymous().info());
        assertThat(info.version()).isEqualTo("8.8.0");
        assertThat(info.majorVersion()).isEqualTo(8);
        assertThat(info.isEmbeddedWorkspace()).isTrue();
    }

    @Test
    void loginReturnsCredentialsThatHideTheToken() {
        Credentials c = RestClient.await(anonymous().login("user.0", "pw"));
        assertThat(c.username()).isEqualTo("user.0");
        assertThat(c.userId()).isNotBlank();
        assertThat(c.toString()).doesNotContain(c.authToken()).contains("<hidden>");
        RestClient rest = RestClient.create(ws.baseUri()).withCredentials(c);
        assertThat(rest.toString()).doesNotContain(c.authToken());
        assertThat(RestClient.await(new RestActions(rest).me()).path("username").asText()).isEqualTo("user.0");
    }

    @Test
    void wrongPasswordSaysToCheckTheCredentials() {
        assertThatThrownBy(() -> RestClient.await(anonymous().login("user.0", "wrong")))
            .isInstanceOf(RocketChatException.class)
            .hasMessageContaining("401").hasMessageContaining("check the username and password")
            .hasMessageNotContaining("wrong");
    }

    @Test
    void logoutRevokesTheTokenAndTheNextCallSaysLogInAgain() {
        RestActions user = login("user.1");
        RestClient.await(user.logout());
        assertThatThrownBy(() -> RestClient.await(user.me()))
            .isInstanceOfSatisfying(RocketChatException.class, e -> assertThat(e.status()).isEqualTo(401))
            .hasMessageContaining("log in again");
    }

    @Test
    void sendMessageKeepsTheClientIdAndARetryInsertsNothing() {
        RestActions user = login("user.0");
        String rid = seed.roomIds().get(0);
        String id = RandomId.id();
        JsonNode sent = RestClient.await(user.sendMessage(rid, id, "hello over REST"));
        assertThat(sent.path("_id").asText()).isEqualTo(id);
        assertThat(sent.path("msg").asText()).isEqualTo("hello over REST");
        assertThatThrownBy(() -> RestClient.await(user.sendMessage(rid, id, "hello again")))
            .isInstanceOfSatisfying(RocketChatException.class, e -> assertThat(e.errorType()).isEqualTo("message-not-inserted"));
        List<JsonNode> history = RestClient.await(user.history(rid, 50));
        assertThat(history).filteredOn(m -> m.path("_id").asText().equals(id)).hasSize(1)
            .first().satisfies(m -> assertThat(m.path("msg").asText()).isEqualTo("hello over REST"));
    }

    @Test
    void sendingToAnUnknownRoomSaysToCheckTheRoomId() {
        RestActions user = login("user.0");
        assertThatThrownBy(() -> RestClient.await(user.sendMessage("no-such-room", RandomId.id(), "x")))
            .isInstanceOfSatisfying(RocketChatException.class, e -> assertThat(e.status()).isEqualTo(400))
            .hasMessageContaining("check the room id");
    }

    @Test
    void joinThenReadClearsTheUnreadCount() throws Exception {
        RestActions user = login("user.2");
        RestActions other = login("user.3");
        String rid = seed.roomIds().get(0);
        JsonNode room = RestClient.await(user.joinChannel(rid));
        assertThat(room.path("_id").asText()).isEqualTo(rid);
        RestClient.await(other.joinChannel(rid));
        RestClient.await(other.sendMessage(rid, RandomId.id(), "unread for user.2"));
        assertThat(unread("user.2", rid)).isPositive();
        RestClient.await(user.markRead(rid));
        assertThat(unread("user.2", rid)).isZero();
    }

    private static int unread(String user, String rid) throws InterruptedException {
        try (DdpTestClient c = DdpTestClient.login(ws, user, "pw")) {
            for (JsonNode s : c.call("subscriptions/get").path("result")) {
                if (s.path("rid").asText().equals(rid)) {
                    return s.path("unread").asInt();
                }
            }
        }
        throw new AssertionError("no subscription to " + rid);
    }

    @Test
    void unreachableServerSaysSo() {
        RestActions dead = new RestActions(RestClient.create(URI.create("http://127.0.0.1:1")));
        assertThatThrownBy(() -> RestClient.await(dead.info()))
            .isInstanceOf(RocketChatException.class).hasMessageContaining("cannot connect to http://127.0.0.1:1");
    }

    @Test
    void badInputIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> RestClient.create(URI.create("ftp://x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> anonymous().login("", "pw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> login("user.0").history("r", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
