package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.ddp.Json;
import io.rcbench.workspace.Rest;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits, reactions, deletes, leaves, renames, role and permission changes survive a restart on the same data directory. */
class ActionsPersistenceTest {
    @TempDir
    Path dir;

    @Test
    void changesSurviveARestart() throws Exception {
        String rid;
        String kept;
        String gone;
        try (Workspace ws = TestWorkspaces.start(dir)) {
            rid = ws.seeder().seed(new SeedPlan(2, 1, 2, "c", 0, 0, "pw", 4)).roomIds().get(0);
            Rest admin = Rest.login(ws, TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
            Rest owner = Rest.login(ws, "user.0", "pw");
            Rest member = Rest.login(ws, "user.1", "pw");
            kept = SharedWorkspaceTest.send(member, rid, "before edit").path("_id").asText();
            gone = SharedWorkspaceTest.send(member, rid, "to delete").path("_id").asText();
            SharedWorkspaceTest.ok(member.post("/api/v1/chat.update", Json.object().put("roomId", rid).put("msgId", kept)
                .put("text", "after edit")));
            SharedWorkspaceTest.ok(owner.post("/api/v1/chat.react", Json.object().put("messageId", kept).put("emoji", "tada")));
            SharedWorkspaceTest.ok(member.post("/api/v1/chat.delete", Json.object().put("roomId", rid).put("msgId", gone)));
            SharedWorkspaceTest.ok(member.post("/api/v1/channels.leave", Json.object().put("roomId", rid)));
            SharedWorkspaceTest.ok(member.post("/api/v1/users.updateOwnBasicInfo",
                Json.object().set("data", Json.object().put("name", "Renamed One"))));
            SharedWorkspaceTest.ok(admin.post("/api/v1/roles.addUserToRole", Json.object().put("roleName", "guest").put("username", "user.1")));
            SharedWorkspaceTest.ok(admin.post("/api/v1/permissions.update", Json.object().set("permissions",
                Json.array().add(Json.object().put("_id", "pin-message").set("roles", Json.array().add("admin"))))));
        }
        try (Workspace ws = TestWorkspaces.start(dir)) {
            var doc = ws.stores().messages.byId(kept).orElseThrow();
            assertThat(doc.path("msg").asText()).isEqualTo("after edit");
            assertThat(doc.path("reactions").path(":tada:").path("usernames").toString()).isEqualTo("[\"user.0\"]");
            assertThat(ws.stores().messages.byId(gone)).isEmpty();
            var one = ws.stores().users.byUsername("user.1").orElseThrow();
            assertThat(ws.stores().rooms.isMember(rid, one.id())).isFalse();
            assertThat(one.name()).isEqualTo("Renamed One");
            assertThat(one.roles()).contains("guest", "user");
            Rest owner = Rest.login(ws, "user.0", "pw");
            SharedWorkspaceTest.failure(owner.post("/api/v1/chat.pinMessage", Json.object().put("messageId", kept)), 400,
                "not-authorized");
        }
    }
}
