package io.rcbench.rocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.RandomId;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provisioning (users, rooms, DMs), settings and the rate-limit settings, as an admin over REST against the embedded workspace. */
class RocketChatAdminTest {
    @TempDir
    static Path dir;
    static Workspace ws;
    static RocketChatAdmin admin;

    @BeforeAll
    static void start() {
        ws = TestWorkspaces.start(dir);
        admin = new RocketChatAdmin(login(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        ws.close();
    }

    static RestClient login(String user, String password) {
        return loginOn(ws, user, password);
    }

    static RestClient loginOn(Workspace w, String user, String password) {
        RestClient anon = RestClient.create(w.baseUri());
        return anon.withCredentials(RestClient.await(new RestActions(anon).login(user, password)));
    }

    @Test
    void createsUsersThatCanLogInAndRoomsWithThemAsMembers() {
        RocketChatAdmin.UserRef alice = admin.createUser("alice", "Alice", "alice@example.invalid", "alice-pw", Set.of());
        RocketChatAdmin.UserRef bot = admin.createUser("botty", "Botty", "botty@example.invalid", "botty-pw", Set.of("bot"));
        assertThat(alice.id()).isNotBlank();
        assertThat(bot.username()).isEqualTo("botty");
        RocketChatAdmin.RoomRef channel = admin.createRoom("c", "admin-test-channel", List.of("alice"));
        RocketChatAdmin.RoomRef group = admin.createRoom("p", "admin-test-group", List.of("alice", "botty"));
        assertThat(channel.type()).isEqualTo("c");
        assertThat(group.id()).isNotBlank().isNotEqualTo(channel.id());
        RestActions asAlice = new RestActions(login("alice", "alice-pw"));
        JsonNode sent = RestClient.await(asAlice.sendMessage(group.id(), RandomId.id(), "in the group"));
        assertThat(sent.path("rid").asText()).isEqualTo(group.id());
    }

    @Test
    void createsTheDirectRoomOfTwoUsersWithoutBeingInIt() {
        RocketChatAdmin.UserRef erin = admin.createUser("erin", "Erin", "erin@example.invalid", "erin-pw", Set.of());
        RocketChatAdmin.UserRef frank = admin.createUser("frank", "Frank", "frank@example.invalid", "frank-pw", Set.of());
        RocketChatAdmin.RoomRef dm = admin.createDirect("erin", "frank");
        assertThat(dm.type()).isEqualTo("d");
        assertThat(dm.name()).isNull();
        assertThat(ws.stores().rooms.members(dm.id())).containsExactlyInAnyOrder(erin.id(), frank.id());
        assertThat(admin.createDirect("frank", "erin")).isEqualTo(dm);
        RestActions asErin = new RestActions(login("erin", "erin-pw"));
        assertThat(RestClient.await(asErin.sendMessage(dm.id(), RandomId.id(), "hi frank")).path("rid").asText()).isEqualTo(dm.id());
        assertThatThrownBy(() -> admin.createDirect("erin", "nobody"))
            .isInstanceOfSatisfying(RocketChatException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void aPlainUserCannotProvisionAndIsToldWhy() {
        admin.createUser("carol", "Carol", "carol@example.invalid", "carol-pw", Set.of());
        RocketChatAdmin carol = new RocketChatAdmin(login("carol", "carol-pw"));
        assertThatThrownBy(() -> carol.createUser("mallory", "M", "m@example.invalid", "pw", Set.of()))
            .isInstanceOfSatisfying(RocketChatException.class, e -> assertThat(e.status()).isEqualTo(403))
            .hasMessageContaining("use an admin account");
        assertThatThrownBy(() -> carol.setting("API_Enable_Rate_Limiter")).hasMessageContaining("403");
        // Refused for the permission before the names are looked at.
        assertThatThrownBy(() -> carol.createDirect("any.one", "any.other"))
            .isInstanceOfSatisfying(RocketChatException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void duplicateNamesAreRefusedWithTheServersReason() {
        admin.createRoom("c", "taken-name", List.of());
        assertThatThrownBy(() -> admin.createRoom("c", "taken-name", List.of()))
            .isInstanceOfSatisfying(RocketChatException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> admin.createRoom("d", "x", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsAreReadAndWrittenAndUnknownIdsExplained() {
        admin.setSetting("Message_MaxAllowedSize", 1234);
        assertThat(admin.setting("Message_MaxAllowedSize").asLong()).isEqualTo(1234);
        admin.setSetting("Message_MaxAllowedSize", 5000);
        assertThatThrownBy(() -> admin.setting("No_Such_Setting")).isInstanceOf(RocketChatException.class)
            .hasMessageContaining("check the setting id");
        assertThatThrownBy(() -> admin.setSetting("Message_MaxAllowedSize", true)).isInstanceOf(RocketChatException.class)
            .hasMessageContaining("type of its value");
    }

    @Test
    void rateLimitSettingsSayWhetherTheyDistortALoadTestAndA429CarriesItsResetTime() {
        RateLimitSettings off = admin.rateLimitSettings();
        assertThat(off.distortsLoadTest()).isFalse();
        assertThat(off.ddpRules()).extracting(RateLimitSettings.DdpRule::name).containsExactlyElementsOf(RateLimitSettings.DDP_RULES);
        assertThat(off.ddpRules().get(3).requestsAllowed()).isEqualTo(20);
        admin.createUser("dave", "Dave", "dave@example.invalid", "dave-pw", Set.of());
        RestClient dave = login("dave", "dave-pw");
        try {
            admin.setSetting("API_Enable_Rate_Limiter_Limit_Calls_Default", 3);
            admin.setSetting("API_Enable_Rate_Limiter", true);
            RateLimitSettings on = admin.rateLimitSettings();
            assertThat(on.distortsLoadTest()).isTrue();
            assertThat(on.distortions()).singleElement().asString()
                .contains("3 calls per 60 s").contains("API_Enable_Rate_Limiter=false");
            RestReply first = RestClient.await(dave.getAsync("/api/v1/me"));
            assertThat(first.rateLimit()).hasValueSatisfying(l -> {
                assertThat(l.limit()).isEqualTo(3);
                assertThat(l.remaining()).isEqualTo(2);
            });
            dave.get("/api/v1/me");
            dave.get("/api/v1/me");
            long before = System.currentTimeMillis();
            assertThatThrownBy(() -> dave.get("/api/v1/me")).isInstanceOfSatisfying(RateLimitedException.class, e -> {
                assertThat(e.status()).isEqualTo(429);
                assertThat(e.resetEpochMs()).isBetween(before, before + 60_000);
                assertThat(e.waitMs(before)).isPositive();
            }).hasMessageContaining("retry after").hasMessageContaining("API_Enable_Rate_Limiter=false");
        } finally {
            admin.setSetting("API_Enable_Rate_Limiter", false);
            admin.setSetting("API_Enable_Rate_Limiter_Limit_Calls_Default", 10);
        }
        admin.disableRateLimits();
        assertThat(admin.rateLimitSettings().distortsLoadTest()).isFalse();
    }

    @Test
    void anAdminClientNeedsCredentials() {
        assertThatThrownBy(() -> new RocketChatAdmin(RestClient.create(ws.baseUri())))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log in as an admin");
    }
}
