package io.rcbench.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.ddp.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace in its own JVM is held to its envelope and answers as itself. */
class WorkspaceProcessTest {
    @TempDir
    Path dir;

    @Test
    void childJvmIsPinnedToTheEnvelopeAndServes() throws Exception {
        try (WorkspaceProcess p = WorkspaceProcess.start(new Envelope(1, 256), dir, "child-admin-pw", List.of("--users", "3"))) {
            String info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(p.baseUri().resolve("/api/info")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            assertThat(Json.parse(info).path("product").asText()).isEqualTo(Workspace.PRODUCT);
            String status = Files.readString(Path.of("/proc/" + p.pid() + "/status"));
            assertThat(status).containsPattern("Cpus_allowed_list:\\s+0\\n");
            String cmdline = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
            assertThat(cmdline).contains("-XX:ActiveProcessorCount=1", "-Xmx256m").doesNotContain("child-admin-pw");
            assertThat(p.metricsPort()).isPositive();
        }
        assertThat(Files.readString(dir.resolve("workspace.log"))).contains("seeded 3 users").doesNotContain("child-admin-pw");
    }
}
