package io.rcbench.rocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.RandomId;
import io.rcbench.ddp.client.StreamEvent;
import io.rcbench.rocketchat.WebClientSubscriptions.Profile;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import io.rcbench.workspace.seed.SeedResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Realtime sessions against the embedded workspace: logins both ways, every action over both transports, streams. */
class RocketChatSessionTest {
    @TempDir
    static Path dir;
    static Workspace ws;
    static SeedResult seed;
    static RocketChatConnector connector;

    @BeforeAll
    static void start() {
        ws = TestWorkspaces.start(dir);
        // Rooms of 2: loadtest-0 = user.0, user.1; loadtest-1 = user.2, user.3; user.4 and user.5 are in loadtest-2.
        seed = ws.seeder().seed(new SeedPlan(6, 3, 2, "c", 0, 0, "pw", 4));
        connector = RocketChatConnector.create(ws.baseUri(), 1);
    }

    @AfterAll
    static void stop() {
        connector.close();
        ws.close();
    }

    static RocketChatSession login(String user, LoginMethod how, ActionTransport transport) {
        return RestClient.await(connector.login(user, "pw", how, transport));
    }

    static <T> T await(CompletableFuture<T> f) {
        return RestClient.await(f);
    }

    @ParameterizedTest
    @EnumSource(LoginMethod.class)
    void bothLoginsGiveASessionWhoseTokenAlsoWorksOnRest(LoginMethod how) {
        try (RocketChatSession s = login("user.0", how, ActionTransport.DDP)) {
            assertThat(s.isConnected()).isTrue();
            assertThat(s.credentials().username()).isEqualTo("user.0");
            assertThat(s.toString()).doesNotContain(s.credentials().authToken());
            JsonNode me = await(new RestActions(s.rest()).me());
            assertThat(me.path("_id").asText()).isEqualTo(s.userId());
        }
    }

    @ParameterizedTest
    @EnumSource(LoginMethod.class)
    void aWrongPasswordSaysToCheckTheCredentialsEitherWay(LoginMethod how) {
        assertThatThrownBy(() -> RestClient.await(connector.login("user.0", "nope", how, ActionTransport.DDP)))
            .isInstanceOf(RocketChatException.class).hasMessageContaining("check the username and password");
    }

    @Test
    void aRevokedTokenCannotResume() {
        RocketChatSession s = login("user.5", LoginMethod.REST_THEN_RESUME, ActionTransport.REST);
        Credentials c = s.credentials();
        await(s.logout());
        assertThatThrownBy(() -> RestClient.await(connector.resume(c, ActionTransport.DDP)))
            .isInstanceOf(RocketChatException.class).hasMessageContaining("log in again");
    }

    @ParameterizedTest
    @EnumSource(ActionTransport.class)
    void everyActionWorksOverTheTransport(ActionTransport transport) throws Exception {
        String rid = seed.roomIds().get(0);
        try (RocketChatSession alice = login("user.0", LoginMethod.REST_THEN_RESUME, transport);
             RocketChatSession bob = login("user.1", LoginMethod.DDP_PASSWORD, ActionTransport.DDP)) {
            LinkedBlockingQueue<StreamEvent> messages = new LinkedBlockingQueue<>();
            LinkedBlockingQueue<StreamEvent> activity = new LinkedBlockingQueue<>();
            bob.onRoomMessage(rid, messages::add);
            bob.onStream("stream-notify-room", rid + "/user-activity", activity::add);
            assertThat(await(bob.openRoom(Profile.WEB, rid))).isEqualTo(4);

            await(alice.typing(rid, true));
            StreamEvent typing = activity.poll(5, TimeUnit.SECONDS);
            assertThat(typing).as("typing event").isNotNull();
            assertThat(typing.args().tree().toString()).isEqualTo("[\"user.0\",[\"user-typing\"]]");
            await(alice.typing(rid, false));
            assertThat(activity.poll(5, TimeUnit.SECONDS).args().tree().get(1).size()).isZero();

            String id = RandomId.id();
            JsonNode sent = await(alice.sendMessage(rid, id, "over " + transport));
            assertThat(sent.path("_id").asText()).isEqualTo(id);
            StreamEvent delivered = messages.poll(5, TimeUnit.SECONDS);
            assertThat(delivered).as("message delivered to bob").isNotNull();
            assertThat(delivered.args().tree().get(0).path("_id").asText()).isEqualTo(id);
            assertThatThrownBy(() -> await(alice.sendMessage(rid, id, "retry")))
                .isInstanceOfSatisfying(RocketChatException.class, e -> assertThat(e.errorType()).isEqualTo("message-not-inserted"));

            List<JsonNode> history = await(alice.loadHistory(rid, 20));
            assertThat(history).isNotEmpty();
            assertThat(history.get(0).path("_id").asText()).isEqualTo(id);

            await(bob.read(rid));
            await(alice.read(rid));
        }
        String other = seed.roomIds().get(1);
        String outsider = transport == ActionTransport.DDP ? "user.4" : "user.5";
        try (RocketChatSession eve = login(outsider, LoginMethod.REST_THEN_RESUME, transport)) {
            assertThatThrownBy(() -> await(eve.sendMessage(other, "not a member yet"))).isInstanceOf(RocketChatException.class);
            await(eve.joinRoom(other));
            assertThat(await(eve.sendMessage(other, "joined")).path("rid").asText()).isEqualTo(other);
            assertThat(await(eve.loadHistory(other, 5))).extracting(m -> m.path("msg").asText()).contains("joined");
        }
    }

    @Test
    void aWebClientHoldsThirtyFiveSubscriptionsAndGetsNotifyUserEvents() throws Exception {
        String rid = seed.roomIds().get(1);
        try (RocketChatSession carol = login("user.2", LoginMethod.REST_THEN_RESUME, ActionTransport.DDP);
             RocketChatSession dan = login("user.3", LoginMethod.REST_THEN_RESUME, ActionTransport.REST)) {
            assertThat(await(dan.subscribeAfterLogin(Profile.WEB))).isEqualTo(35);
            LinkedBlockingQueue<StreamEvent> notes = new LinkedBlockingQueue<>();
            dan.onNotifyUser("notification", notes::add);
            await(carol.sendMessage(rid, "hey @user.3"));
            StreamEvent n = notes.poll(5, TimeUnit.SECONDS);
            assertThat(n).as("mention notification").isNotNull();
            assertThat(n.args().tree().get(0).path("text").asText()).isEqualTo("hey @user.3");
        }
    }

    @Test
    void presenceOfWatchedUsersArrives() throws Exception {
        try (RocketChatSession watcher = login("user.2", LoginMethod.REST_THEN_RESUME, ActionTransport.DDP)) {
            String uid = ws.stores().users.byUsername("user.5").orElseThrow().id();
            LinkedBlockingQueue<StreamEvent> presence = new LinkedBlockingQueue<>();
            watcher.onPresence(presence::add);
            await(watcher.watchPresence(List.of(uid)));
            try (RocketChatSession watched = login("user.5", LoginMethod.DDP_PASSWORD, ActionTransport.DDP)) {
                StreamEvent e = presence.poll(5, TimeUnit.SECONDS);
                assertThat(e).as("online event").isNotNull();
                assertThat(e.eventName()).isEqualTo(uid);
                assertThat(e.args().tree().toString()).contains("user.5");
            }
        }
    }

    @Test
    void theSendMessageRuleIsSurfacedWithItsResetTime() {
        String rid = seed.roomIds().get(2);
        try (RocketChatSession s = login("user.4", LoginMethod.REST_THEN_RESUME, ActionTransport.DDP)) {
            List<CompletableFuture<JsonNode>> sends = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sends.add(s.sendMessage(rid, "burst " + i));
            }
            long now = System.currentTimeMillis();
            List<RateLimitedException> limited = new ArrayList<>();
            for (CompletableFuture<JsonNode> f : sends) {
                try {
                    await(f);
                } catch (RateLimitedException e) {
                    limited.add(e);
                }
            }
            assertThat(limited).isNotEmpty().allSatisfy(e -> {
                assertThat(e.resetEpochMs()).isBetween(now - 1000, now + 2000);
                assertThat(e.getMessage()).contains("retry after");
            });
        }
    }

    @Test
    void aDdpLimiterSwitchedOnBySettingsIsSurfacedWithItsResetTime() {
        RestClient anon = RestClient.create(ws.baseUri());
        RocketChatAdmin admin = new RocketChatAdmin(anon.withCredentials(
            RestClient.await(new RestActions(anon).login(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD))));
        String rid = seed.roomIds().get(2);
        try (RocketChatSession s = login("user.4", LoginMethod.REST_THEN_RESUME, ActionTransport.DDP)) {
            admin.setSetting("DDP_Rate_Limit_Connection_By_Method_Enabled", true);
            assertThat(admin.rateLimitSettings().distortions()).singleElement().asString().contains("Connection_By_Method");
            long now = System.currentTimeMillis();
            for (int i = 0; i < 10; i++) {
                await(s.loadHistory(rid, 1));
            }
            assertThatThrownBy(() -> await(s.loadHistory(rid, 1))).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.resetEpochMs()).isBetween(now, now + 11_000))
                .hasMessageContaining("DDP_Rate_Limit_");
        } finally {
            admin.setSetting("DDP_Rate_Limit_Connection_By_Method_Enabled", false);
        }
    }
}
