package io.rcbench.job;

import io.rcbench.sut.PreflightException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileLoader;
import io.rcbench.rocketchat.RestActions;
import io.rcbench.rocketchat.RestClient;
import io.rcbench.rocketchat.RocketChatAdmin;
import io.rcbench.run.RunSummary;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --relax-rate-limits} against a workspace reached by URL whose limiters are on (the embedded workspace in
 * this JVM with Rocket.Chat's defaults): the run switches them off and, however it ends, puts them back, says so and
 * keeps it in {@code summary.json}. Settings are read back over REST as an admin, as a person would check.
 */
class RelaxedLimitsRestoreTest {
    private static final List<String> SWITCHES = List.of("API_Enable_Rate_Limiter", "DDP_Rate_Limit_IP_Enabled",
        "DDP_Rate_Limit_User_Enabled", "DDP_Rate_Limit_Connection_Enabled", "DDP_Rate_Limit_User_By_Method_Enabled",
        "DDP_Rate_Limit_Connection_By_Method_Enabled");

    @TempDir
    Path dir;

    @Test
    void aFinishedRunPutsTheLimitersBackAndRecordsIt() throws Exception {
        try (Workspace ws = Workspace.start(TestWorkspaces.config(dir.resolve("ws")))) {
            RocketChatAdmin admin = admin(ws);
            admin.setSetting("DDP_Rate_Limit_IP_Enabled", false); // already off: must stay off, not be "restored" on
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            MainJob.Outcome o = new MainJob(spec(ws, 0), io.rcbench.cli.Wiring.adapters(), new PrintStream(out, true, StandardCharsets.UTF_8)).run();

            for (String id : SWITCHES) {
                assertThat(admin.setting(id).asBoolean()).as(id).isEqualTo(!id.equals("DDP_Rate_Limit_IP_Enabled"));
            }
            assertThat(o.folder().readSummary().target().kind()).as("reached by --target, never 'embedded'")
                .isEqualTo("rcbench-workspace (by URL)");
            RunSummary.ChangedSettings changed = o.folder().readSummary().targetSettings();
            assertThat(changed).as("summary.json's targetSettings").isNotNull();
            assertThat(changed.restored()).isTrue();
            assertThat(changed.changed()).extracting(RunSummary.ChangedSettings.Setting::id)
                .containsExactlyInAnyOrder("API_Enable_Rate_Limiter", "DDP_Rate_Limit_User_Enabled",
                    "DDP_Rate_Limit_Connection_Enabled", "DDP_Rate_Limit_User_By_Method_Enabled",
                    "DDP_Rate_Limit_Connection_By_Method_Enabled");
            assertThat(changed.changed()).allSatisfy(s -> {
                assertThat(s.before()).isEqualTo("true");
                assertThat(s.during()).isEqualTo("false");
            });
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("API_Enable_Rate_Limiter true -> false")
                .contains("target settings restored: API_Enable_Rate_Limiter back to true");
        }
    }

    @Test
    void aRunThatFailsAfterPreflightStillPutsThemBack() throws Exception {
        try (Workspace ws = Workspace.start(TestWorkspaces.config(dir.resolve("ws")))) {
            RocketChatAdmin admin = admin(ws);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // a common start long past fails the run after preflight relaxed the limiters
            JobSpec late = spec(ws, System.currentTimeMillis() - 600_000);

            assertThatThrownBy(() -> new MainJob(late, io.rcbench.cli.Wiring.adapters(), new PrintStream(out, true, StandardCharsets.UTF_8)).run())
                .isInstanceOf(PreflightException.class).hasMessageContaining("common start");

            for (String id : SWITCHES) {
                assertThat(admin.setting(id).asBoolean()).as(id + " after a failed run").isTrue();
            }
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("target settings restored");
        }
    }

    @Test
    void ctrlCPutsThemBack() throws Exception {
        try (Workspace ws = Workspace.start(TestWorkspaces.config(dir.resolve("ws")))) {
            RocketChatAdmin admin = admin(ws);
            Path log = dir.resolve("run.log");
            List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), io.rcbench.cli.Main.class.getName(), "run",
                "--target", ws.baseUri().toString(), "--relax-rate-limits", "--reports", dir.resolve("reports").toString()));
            CapacityJobTest.TEST_MIX.forEach(s -> cmd.addAll(List.of("--set", s)));
            cmd.addAll(List.of("--set", "hold.seconds=120"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("RCBENCH_ADMIN_USER", TestWorkspaces.ADMIN);
            pb.environment().put("RCBENCH_ADMIN_PASSWORD", TestWorkspaces.ADMIN_PASSWORD);
            Process p = pb.start();
            try {
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
                while (!java.nio.file.Files.readString(log).contains("elapsed,") && System.nanoTime() < deadline
                    && p.isAlive()) {
                    Thread.sleep(500);
                }
                assertThat(admin.setting("API_Enable_Rate_Limiter").asBoolean()).as("off during the run").isFalse();
                p.destroy(); // SIGTERM: the same shutdown hooks as Ctrl-C's SIGINT
                assertThat(p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("stopped in time").isTrue();
            } finally {
                p.destroyForcibly();
            }
            for (String id : SWITCHES) {
                assertThat(admin.setting(id).asBoolean()).as(id + " after Ctrl-C").isTrue();
            }
            assertThat(java.nio.file.Files.readString(log)).contains("target settings restored");
        }
    }

    private static RocketChatAdmin admin(Workspace ws) {
        RestClient anon = RestClient.create(ws.baseUri());
        return new RocketChatAdmin(anon.withCredentials(RestClient.await(new RestActions(anon)
            .login(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD))));
    }

    private JobSpec spec(Workspace ws, long startAtEpochMs) throws Exception {
        Profile p = new ProfileLoader(Path.of("profiles")).load("ci-smoke", CapacityJobTest.TEST_MIX);
        JobSpec s = ProfilePlans.jobSpec(p, "relax", new ProfilePlans.Target(ws.baseUri(), "ddp", 3, true, null),
            dir.resolve("reports"), List.of());
        return new JobSpec(s.target(), s.envelope(), s.population(), s.plan(), s.profile(), null, true,
            TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD, s.reports(), s.simulation(), s.drain(),
            s.workspaceArgs(), startAtEpochMs, 1, false);
    }
}
