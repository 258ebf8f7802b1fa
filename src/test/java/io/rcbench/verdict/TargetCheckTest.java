package io.rcbench.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.profile.Envelope;
import io.rcbench.profile.ProfileLoader;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is known of the target is compared with the profile's envelope and printed beside the verdict. */
class TargetCheckTest {
    static Envelope envelope(String profile) throws Exception {
        return new ProfileLoader(Path.of("profiles")).load(profile).envelope();
    }

    @Test
    void embeddedWorkspaceHeldToTheEnvelopeMatches() throws Exception {
        List<TargetCheck.Finding> f = TargetCheck.check(envelope("minimal-vps"), ObservedTarget.embedded("0.1.0", 1, 1024));
        assertThat(f).extracting(TargetCheck.Finding::line).contains(
            "target: embedded workspace, rcbench-workspace 0.1.0",
            "cores: 1 (profile 1)", "memory limit: 1024 MB (profile 1024 MB)", "instances: 1 (profile 1)",
            "clock: not observable on this target (profile 2 GHz)", "disk: not observable on this target (profile 30 GB ssd)");
        assertThat(f).noneMatch(x -> x.match() == TargetCheck.Match.MISMATCH);
    }

    @Test
    void aBiggerTargetIsAMismatch() throws Exception {
        List<TargetCheck.Finding> f = TargetCheck.check(envelope("minimal-vps"), ObservedTarget.embedded("0.1.0", 2, 2048));
        assertThat(f).filteredOn(x -> x.match() == TargetCheck.Match.MISMATCH).extracting(TargetCheck.Finding::line)
            .containsExactly("cores: target 2, profile 1 - MISMATCH", "memory limit: target 2048 MB, profile 1024 MB - MISMATCH");
    }

    @Test
    void rocketChatExpositionGivesVersionInstancesAndMemory() throws Exception {
        String text = String.join("\n",
            "# HELP rocketchat_info Rocket.Chat info",
            "# TYPE rocketchat_info gauge",
            "rocketchat_info{version=\"7.4.1\",unique_id=\"abc\",site_url=\"https://chat.example\"} 1",
            "rocketchat_instance_count 3",
            "process_resident_memory_bytes 734003200",
            "");
        ObservedTarget t = ObservedTarget.fromPrometheus("https://chat.example", text);
        assertThat(t.version()).contains("7.4.1");
        assertThat(t.product()).contains("Rocket.Chat");
        assertThat(t.instances()).hasValue(3);
        assertThat(t.residentMemoryMb()).hasValue(700);
        assertThat(TargetCheck.check(envelope("recommended-vps"), t)).extracting(TargetCheck.Finding::line).contains(
            "instances: target 3, profile 1 - MISMATCH", "resident memory: 700 MB (profile <= 2048 MB)",
            "cores: not observable on this target (profile 2)");
    }

    @Test
    void embeddedWorkspaceScrapeIsRecognised(@TempDir Path dir) throws Exception {
        try (Workspace ws = TestWorkspaces.start(dir)) {
            String text = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ws.metricsPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            ObservedTarget t = ObservedTarget.fromPrometheus("127.0.0.1", text);
            assertThat(t.product()).contains("rcbench-workspace");
            assertThat(t.version()).isPresent().get().asString().isNotBlank();
            assertThat(t.residentMemoryMb()).isPresent();
        }
    }
}
