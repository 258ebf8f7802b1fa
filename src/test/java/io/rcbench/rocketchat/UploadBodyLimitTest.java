package io.rcbench.rocketchat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body far over the limit is refused by the server before the route sees it (the workspace aggregates at most
 * FileUpload_MaxFileSize + 1 MiB, like a proxy's body limit); the client still says what happened and what to do.
 */
class UploadBodyLimitTest {
    @TempDir
    Path dir;

    @Test
    void aBodyOverTheServersBodyLimitIsRefusedWithAClearError() {
        Map<String, String> settings = new HashMap<>(TestWorkspaces.NO_LIMITS);
        settings.put("FileUpload_MaxFileSize", "1000");
        try (Workspace ws = Workspace.start(TestWorkspaces.config(dir).withSettings(settings))) {
            String rid = ws.seeder().seed(new SeedPlan(1, 1, 1, "c", 0, 0, "pw", 4)).roomIds().get(0);
            Uploads uploads = new Uploads(RocketChatAdminTest.loginOn(ws, "user.0", "pw"));
            assertThatThrownBy(() -> RestClient.await(uploads.upload(rid, "huge.bin", "application/octet-stream", new byte[3 << 20])))
                .isInstanceOf(RocketChatException.class)
                .hasMessageContaining("(413)").hasMessageContaining("keep uploads under FileUpload_MaxFileSize");
        }
    }
}
