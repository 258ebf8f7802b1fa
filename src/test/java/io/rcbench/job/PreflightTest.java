package io.rcbench.job;

import io.rcbench.sut.PreflightException;
import io.rcbench.sut.Preflight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rcbench.cli.Main;
import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileLoader;
import io.rcbench.verdict.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets that cannot be measured are run errors before any load, with a message that says why. */
class PreflightTest {
    @TempDir
    Path reports;

    @Test
    void aTargetThatNeverAnswersDdpIsARunErrorBeforeAnyLoad() throws Exception {
        try (FaultyTarget target = new FaultyTarget(FaultyTarget.Fault.SILENT_DDP)) {
            assertThatThrownBy(() -> Preflight.check(target.baseUrl(), null, null, false, quiet()))
                .isInstanceOf(PreflightException.class)
                .hasMessageContaining("answers REST but not DDP").hasMessageContaining("did not open a DDP session");

            long t0 = System.nanoTime();
            int code = Main.run("run", "--target", target.baseUrl().toString(), "--provisioned", "--reports",
                reports.toString());
            assertThat(code).isEqualTo(ExitCodes.RUN_ERROR);
            assertThat((System.nanoTime() - t0) / 1_000_000_000).as("seconds: the realtime check's timeout, not a run")
                .isLessThan(40);
            try (Stream<Path> runs = Files.list(reports)) {
                assertThat(runs).as("nothing run, nothing judged").isEmpty();
            }
        }
    }

    @Test
    void incompleteRestDocumentsAreARunErrorNotFailuresInsideTheRun() throws Exception {
        Profile p = new ProfileLoader(Path.of("profiles")).load("ci-smoke", List.of("hold.seconds=5"));
        try (FaultyTarget target = new FaultyTarget(FaultyTarget.Fault.INCOMPLETE_DOCUMENTS)) {
            JobSpec s = ProfilePlans.jobSpec(p, "incomplete", new ProfilePlans.Target(target.baseUrl(), "ddp", 1, false,
                null), reports, List.of());
            JobSpec withAdmin = new JobSpec(s.target(), s.envelope(), s.population(), s.plan(), s.profile(),
                s.prometheus(), false, "admin", "admin-password", s.reports(), s.simulation(), s.drain(),
                s.workspaceArgs(), 0, 1, false, false, false);
            assertThatThrownBy(() -> new MainJob(withAdmin, io.rcbench.cli.Wiring.adapters(), quiet()).run()).isInstanceOf(PreflightException.class)
                .hasMessageContaining("provisioning the target failed")
                .hasMessageContaining("users.create succeeded without user._id");
        }
    }

    @Test
    void aRealTargetWithoutAdminCredentialsIsRefusedUnlessProvisioned() throws Exception {
        Profile p = new ProfileLoader(Path.of("profiles")).load("ci-smoke", List.of());
        // refused before any contact: the port is never dialled
        JobSpec s = ProfilePlans.jobSpec(p, "no-admin", new ProfilePlans.Target(java.net.URI.create(
            "http://127.0.0.1:9"), "ddp", 1, false, null), reports, List.of());
        JobSpec noAdmin = new JobSpec(s.target(), s.envelope(), s.population(), s.plan(), s.profile(), s.prometheus(),
            false, null, null, s.reports(), s.simulation(), s.drain(), s.workspaceArgs(), 0, 1, false, false, false);
        assertThatThrownBy(() -> new MainJob(noAdmin, io.rcbench.cli.Wiring.adapters(), quiet()).run()).isInstanceOf(PreflightException.class)
            .hasMessageContaining("no admin credentials").hasMessageContaining("--provisioned");

        JobSpec provisioned = new JobSpec(s.target(), s.envelope(), s.population(), s.plan(), s.profile(),
            s.prometheus(), false, null, null, s.reports(), s.simulation(), s.drain(), s.workspaceArgs(), 0, 1, false,
            true, false);
        // allowed past that check: it now fails only because nothing listens there
        assertThatThrownBy(() -> new MainJob(provisioned, io.rcbench.cli.Wiring.adapters(), quiet()).run()).isInstanceOf(PreflightException.class)
            .hasMessageContaining("unreachable");
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
