package io.rcbench.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileLoader;
import io.rcbench.run.RunSummary;
import io.rcbench.verdict.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile asking for more cores than this machine has, run on the embedded workspace: the run says what the
 * workspace really got (summary.json, the target check) and the verdict is INCONCLUSIVE for it, whatever the SLOs.
 */
class EnvelopeRunTest {
    @TempDir
    Path reports;

    @Test
    void aRunOnFewerCpusThanTheProfileIsInconclusiveAndSaysWhatItGot() throws Exception {
        int machine = Runtime.getRuntime().availableProcessors();
        List<String> overrides = new ArrayList<>(CapacityJobTest.TEST_MIX);
        overrides.add("envelope.cores=" + (machine + 4));
        overrides.add("envelope.memoryMb=512");
        Profile p = new ProfileLoader(Path.of("profiles")).load("ci-smoke", overrides);
        JobSpec spec = ProfilePlans.jobSpec(p, "envelope", new ProfilePlans.Target(null, "ddp", 5, false, null),
            reports, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        MainJob.Outcome o = new MainJob(spec, io.rcbench.cli.Wiring.adapters(), new PrintStream(out, true, StandardCharsets.UTF_8)).run();

        RunSummary s = o.folder().readSummary();
        assertThat(s.target().kind()).isEqualTo("embedded rcbench-workspace");
        assertThat(s.target().cores()).as("CPUs the workspace really had, not the %d asked", machine + 4)
            .isEqualTo(machine);
        assertThat(s.target().memoryMb()).as("heap its JVM reports").isBetween(450, 512);
        assertThat(o.verdict().status()).isEqualTo(Status.INCONCLUSIVE);
        assertThat(o.verdict().inconclusiveReasons()).anyMatch(r -> r.contains("cores: target " + machine)
            && r.contains("SMALLER"));
        String verdictJson = Files.readString(o.folder().dir().resolve("verdict.json"));
        assertThat(verdictJson).contains("cores: target " + machine).contains("peak resident memory: ")
            .contains("CPU sharing: the injector runs on CPUs");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("target check: cores: target " + machine);
        // one source for metric names: whatever the run recorded, an SLO may name
        java.util.regex.Matcher tags = java.util.regex.Pattern.compile("Tag=([^,]+),")
            .matcher(Files.readString(o.folder().latencyLog(-1)));
        java.util.Set<String> recorded = new java.util.TreeSet<>();
        while (tags.find()) {
            recorded.add(tags.group(1));
        }
        assertThat(recorded).contains("sendMessage", "subscribeRoom")
            .allSatisfy(t -> assertThat(io.rcbench.profile.MetricNames.isRecorded(t)).as(t).isTrue());
    }
}
