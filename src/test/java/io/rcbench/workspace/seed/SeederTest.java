package io.rcbench.workspace.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.model.Room;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeederTest {
    @TempDir
    Path dir;

    @Test
    void seedsUsersRoomsBotsAndHooksThatWorkAndSurviveARestart() throws Exception {
        SeedResult r;
        try (Workspace ws = TestWorkspaces.start(dir)) {
            r = ws.seeder().seed(new SeedPlan(50, 5, 10, "p", 2, 3, "seeded-pw", 4));
            assertThat(r.usersCreated()).isEqualTo(50);
            assertThat(r.botsCreated()).isEqualTo(2);
            assertThat(r.roomsCreated()).isEqualTo(5);
            assertThat(r.webhookPaths()).hasSize(3).allMatch(p -> p.startsWith("/hooks/"));
            Room room = ws.stores().rooms.byName("loadtest-2").orElseThrow();
            assertThat(room.t()).isEqualTo("p");
            assertThat(ws.stores().rooms.members(room.id())).hasSize(12);
            // A seeded password logs in over DDP like any other.
            try (DdpTestClient c = DdpTestClient.login(ws, "user.25", "seeded-pw")) {
                assertThat(c.call("rooms/get").path("result").findValuesAsText("name")).containsExactly("loadtest-2");
            }
            // Seeding again is a no-op for what exists.
            assertThat(ws.seeder().seed(new SeedPlan(50, 5, 10, "p", 2, 0, "seeded-pw", 4)).usersCreated()).isZero();
        }
        try (Workspace again = TestWorkspaces.start(dir)) {
            assertThat(again.stores().users.byUsername("user.49")).isPresent();
            assertThat(again.stores().rooms.members(again.stores().rooms.byName("loadtest-4").orElseThrow().id())).hasSize(12);
            assertThat(again.stores().integrations.all()).hasSize(3);
        }
    }

    @Test
    void rejectsImpossiblePlans() {
        assertThatThrownBy(() -> new SeedPlan(5, 1, 10, "c", 0, 0, "pw", 4)).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new SeedPlan(5, 1, 2, "x", 0, 0, "pw", 4)).hasMessageContaining("room type");
        assertThatThrownBy(() -> new SeedPlan(5, 1, 2, "c", 0, 1, "pw", 4)).hasMessageContaining("webhooks need");
    }
}
