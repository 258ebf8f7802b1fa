package io.rcbench.workspace.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.ddp.Json;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus endpoint exposes Rocket.Chat's metric names with live values. */
class MetricsEndpointTest {
    @TempDir
    Path dir;

    @Test
    void scrapeShowsSessionsMethodsMessagesAndProcessMetrics() throws Exception {
        try (Workspace ws = TestWorkspaces.start(dir)) {
            String rid = ws.seeder().seed(new SeedPlan(2, 1, 2, "c", 0, 0, "pw", 4)).roomIds().get(0);
            try (DdpTestClient c = DdpTestClient.login(ws, "user.0", "pw")) {
                c.call("sendMessage", Json.object().put("rid", rid).put("msg", "counted"));
                String text = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ws.metricsPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
                assertThat(text).contains("rocketchat_ddp_sessions_count 1.0", "rocketchat_ddp_sessions_auth 1.0",
                    "rocketchat_ddp_connected_users 1.0", "rocketchat_message_sent_total 1.0",
                    "rocketchat_meteor_methods_count{has_connection=\"true\",has_user=\"true\",method=\"sendMessage\"} 1",
                    "process_cpu_seconds_total", "jvm_gc_collection_seconds", "rcbench_workspace_info{");
            }
        }
    }
}
