package io.rcbench.rocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import io.rcbench.workspace.seed.SeedResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rooms.media + rooms.mediaConfirm, downloads, and incoming webhooks, against the embedded workspace. */
class UploadsAndWebhooksTest {
    @TempDir
    static Path dir;
    static Workspace ws;
    static SeedResult seed;
    static RocketChatAdmin admin;

    @BeforeAll
    static void start() {
        ws = TestWorkspaces.start(dir);
        seed = ws.seeder().seed(new SeedPlan(3, 1, 2, "p", 1, 0, "pw", 4));
        admin = new RocketChatAdmin(RocketChatAdminTest.loginOn(ws, TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        ws.close();
    }

    @Test
    void uploadConfirmAndDownloadRoundTripTheBytes() {
        RestClient user = RocketChatAdminTest.loginOn(ws, "user.0", "pw");
        Uploads uploads = new Uploads(user);
        String rid = seed.roomIds().get(0);
        byte[] content = "report body \u00e9\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        Uploads.UploadedFile f = RestClient.await(uploads.upload(rid, "notes 1.txt", "text/plain", content));
        assertThat(f.url()).startsWith("/file-upload/" + f.id() + "/");
        JsonNode message = RestClient.await(uploads.confirm(rid, f.id(), "see attached", "the notes"));
        assertThat(message.path("file").path("_id").asText()).isEqualTo(f.id());
        assertThat(message.path("attachments").get(0).path("description").asText()).isEqualTo("the notes");
        assertThat(RestClient.await(uploads.download(f.url()))).isEqualTo(content);
        String link = message.path("attachments").get(0).path("title_link").asText();
        RestClient member = RocketChatAdminTest.loginOn(ws, "user.1", "pw");
        assertThat(RestClient.await(new Uploads(member).download(link))).isEqualTo(content);
    }

    @Test
    void downloadsNeedAccessToTheRoom() {
        String rid = seed.roomIds().get(0);
        Uploads uploads = new Uploads(RocketChatAdminTest.loginOn(ws, "user.0", "pw"));
        Uploads.UploadedFile f = RestClient.await(uploads.upload(rid, "secret.bin", "application/octet-stream", new byte[] {1, 2, 3}));
        RestClient outsider = RocketChatAdminTest.loginOn(ws, "user.2", "pw");
        assertThatThrownBy(() -> RestClient.await(new Uploads(outsider).download(f.url())))
            .isInstanceOfSatisfying(RocketChatException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedWithAClearError() {
        admin.setSetting("FileUpload_MaxFileSize", 1000);
        try {
            Uploads uploads = new Uploads(RocketChatAdminTest.loginOn(ws, "user.0", "pw"));
            assertThatThrownBy(() -> RestClient.await(uploads.upload(seed.roomIds().get(0), "big.bin", "application/octet-stream",
                new byte[1001])))
                .isInstanceOfSatisfying(RocketChatException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorType()).isEqualTo("error-file-too-large");
                })
                .hasMessageContaining("1000 bytes").hasMessageContaining("upload a smaller file or raise FileUpload_MaxFileSize");
        } finally {
            admin.setSetting("FileUpload_MaxFileSize", 104_857_600L);
        }
    }

    @Test
    void aWebhookPostsIntoItsChannelAndABadTokenIsExplainedWithoutLeakingIt() {
        admin.createUser("hookbot", "Hook Bot", "hookbot@example.invalid", "hookbot-pw", Set.of("bot"));
        admin.createRoom("c", "hooked", List.of("hookbot", "user.0"));
        IncomingWebhook hook = admin.createIncomingWebhook("test hook", "hookbot", "#hooked");
        assertThat(hook.toString()).doesNotContain(hook.token());
        RestClient anon = RestClient.create(ws.baseUri());
        RestClient.await(hook.post(anon, "deploy finished"));
        RestClient user = RocketChatAdminTest.loginOn(ws, "user.0", "pw");
        String rid = ws.stores().rooms.byName("hooked").orElseThrow().id();
        List<JsonNode> history = RestClient.await(new RestActions(user).history(rid, 10));
        assertThat(history).anySatisfy(m -> {
            assertThat(m.path("msg").asText()).isEqualTo("deploy finished");
            assertThat(m.path("u").path("username").asText()).isEqualTo("hookbot");
        });
        IncomingWebhook forged = new IncomingWebhook(hook.integrationId(), "not-the-token");
        assertThatThrownBy(() -> RestClient.await(forged.post(anon, "spoof")))
            .isInstanceOfSatisfying(RocketChatException.class, e -> assertThat(e.status()).isEqualTo(404))
            .hasMessageContaining("check the integration id and token")
            .hasMessageNotContaining("not-the-token");
    }
}
