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
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is known of the target is compared with the profile's envelope and printed beside the verdict. */
class TargetCheckTest {
    static Envelope envelope(String profile) throws Exception {
        return new ProfileLoader(Path.of("profiles")).load(profile).envelope();
    }

    private static ObservedTarget embedded(String cpuList, int cpus, long heapMb, long peakMb, boolean shared) {
        return ObservedTarget.embedded("0.1.0", cpuList, cpus, OptionalLong.of(heapMb), peakMb,
            new ObservedTarget.CpuSharing(shared ? "0-1" : "0", shared), "/dev/vda (ext4), 252 GB, non-rotational");
    }

    @Test
    void embeddedWorkspaceHeldToTheEnvelopeMatches() throws Exception {
        List<TargetCheck.Finding> f = TargetCheck.check(envelope("minimal-vps"), embedded("1", 1, 989, 310, false));
        assertThat(f).extracting(TargetCheck.Finding::line).contains(
            "target: embedded workspace, rcbench-workspace 0.1.0",
            "cores: 1 (CPUs 1) (profile 1)", "memory limit: 989 MB (profile 1024 MB)",
            "peak resident memory: 310 MB (profile <= 1024 MB)", "instances: 1 (profile 1)",
            "CPU sharing: none: the injector runs on CPUs 0",
            "clock: not observable on this target (profile 2 GHz)",
            "disk: /dev/vda (ext4), 252 GB, non-rotational (profile 30 GB ssd, not enforced)");
        assertThat(TargetCheck.inconclusiveReasons(f, false)).isEmpty();
    }

    @Test
    void aMachineWithFewerCpusThanTheProfileCannotJudgeIt() throws Exception {
        // bare metal's 6 cores on a 2-CPU machine: the workspace got 2
        List<TargetCheck.Finding> f = TargetCheck.check(envelope("bare-metal"), embedded("0-1", 2, 3950, 900, true));
        assertThat(f).filteredOn(TargetCheck.Finding::envelopeNotHeld).extracting(TargetCheck.Finding::line)
            .containsExactly("cores: target 2 (CPUs 0-1), profile 6 - SMALLER than the profile's envelope");
        assertThat(f).extracting(TargetCheck.Finding::line).anyMatch(l -> l.startsWith("CPU sharing: the injector runs"
            + " on CPUs 0-1, too") && l.endsWith("SHARED"));
        assertThat(TargetCheck.inconclusiveReasons(f, false)).singleElement().asString()
            .contains("cores: target 2", "--allow-smaller-envelope");
        assertThat(TargetCheck.inconclusiveReasons(f, true)).as("asked for explicitly").isEmpty();
    }

    @Test
    void aTargetLargerThanTheProfileIsNeverAllowed() throws Exception {
        List<TargetCheck.Finding> f = TargetCheck.check(envelope("minimal-vps"), embedded("0-1", 2, 2048, 1500, false));
        assertThat(f).filteredOn(x -> x.match() == TargetCheck.Match.LARGER).extracting(TargetCheck.Finding::line)
            .containsExactly("cores: target 2 (CPUs 0-1), profile 1 - LARGER than the profile's envelope",
                "memory limit: target 2048 MB, profile 1024 MB - LARGER than the profile's envelope",
                "peak resident memory: target 1500 MB, profile <= 1024 MB - LARGER than the profile's envelope");
        assertThat(TargetCheck.inconclusiveReasons(f, true)).hasSize(3);
    }

    @Test
    void aSmallerHeapThanTheEnvelopeIsSmaller() throws Exception {
        List<TargetCheck.Finding> f = TargetCheck.check(envelope("minimal-vps"), embedded("1", 1, 512, 300, false));
        assertThat(f).filteredOn(TargetCheck.Finding::envelopeNotHeld).extracting(TargetCheck.Finding::match)
            .containsExactly(TargetCheck.Match.SMALLER);
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
            "instances: target 3, profile 1 - LARGER than the profile's envelope", "resident memory: 700 MB (profile <= 2048 MB)",
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
