package io.rcbench.workspace;

import io.rcbench.workspace.info.WorkspaceInfo;
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

/**
 * A workspace in its own JVM is held to its envelope, answers as itself, and is observed as the operating system
 * and its JVM see it. Assumes a machine with at least two CPUs (this one has two).
 */
class WorkspaceProcessTest {
    @TempDir
    Path dir;

    private static CpuSet cpusOf(String pid) throws Exception {
        return ProcStatus.cpus(pid);
    }

    @Test
    void workspaceAndInjectorRunOnSeparateCpusWhenThereAreEnough() throws Exception {
        CpuSet before = cpusOf("self");
        assertThat(before.size()).as("this test needs 2 CPUs").isGreaterThanOrEqualTo(2);
        try (WorkspaceProcess p = WorkspaceProcess.start(io.rcbench.cli.Wiring.workspaceEntry(), new Envelope(1, 256), dir, "child-admin-pw", List.of())) {
            Observation o = p.observe();
            assertThat(o.cpus().size()).isEqualTo(1);
            assertThat(o.cpus()).isEqualTo(cpusOf(Long.toString(p.pid())));
            assertThat(cpusOf("self")).as("the injector, while the workspace runs").isEqualTo(before.minus(o.cpus()));
            assertThat(o.sharesCpus()).isFalse();
            assertThat(o.heapMaxMb()).as("the heap the workspace's JVM reports").isPresent();
            assertThat(o.heapMaxMb().getAsLong()).isBetween(200L, 256L);
            assertThat(o.peakResidentMb()).isPositive().isGreaterThanOrEqualTo(o.residentMb());
            assertThat(o.disk()).contains(" GB");
        }
        assertThat(cpusOf("self")).as("the injector's CPUs, given back").isEqualTo(before);
    }

    @Test
    void aMachineWithFewerCpusThanTheEnvelopeGivesFewerAndSaysSo() throws Exception {
        CpuSet mine = cpusOf("self");
        int asked = mine.size() + 4; // bare metal's 6 cores on this 2-CPU machine
        try (WorkspaceProcess p = WorkspaceProcess.start(io.rcbench.cli.Wiring.workspaceEntry(), new Envelope(asked, 256), dir, "child-admin-pw", List.of())) {
            Observation o = p.observe();
            assertThat(o.cpus().size()).as("CPUs really given").isEqualTo(mine.size());
            assertThat(o.sharesCpus()).as("no CPU left for the injector alone").isTrue();
            String cmdline = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
            assertThat(cmdline).contains("-XX:ActiveProcessorCount=" + mine.size());
        }
    }

    @Test
    void childJvmIsPinnedToTheEnvelopeAndServes() throws Exception {
        try (WorkspaceProcess p = WorkspaceProcess.start(io.rcbench.cli.Wiring.workspaceEntry(), new Envelope(1, 256), dir, "child-admin-pw", List.of("--users", "3"))) {
            String info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(p.baseUri().resolve("/api/info")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            assertThat(Json.parse(info).path("product").asText()).isEqualTo(WorkspaceInfo.PRODUCT);
            String status = Files.readString(Path.of("/proc/" + p.pid() + "/status"));
            assertThat(status).containsPattern("Cpus_allowed_list:\\s+\\d+\\n");
            String cmdline = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
            assertThat(cmdline).contains("-XX:ActiveProcessorCount=1", "-Xmx256m").doesNotContain("child-admin-pw");
            assertThat(p.metricsPort()).isPositive();
        }
        assertThat(Files.readString(dir.resolve("workspace.log"))).contains("seeded 3 users").doesNotContain("child-admin-pw");
    }
}
