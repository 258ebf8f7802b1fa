package io.rcbench.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.capacity.CapacitySearch;
import io.rcbench.capacity.NextStep;
import io.rcbench.capacity.model.ModelWarnings;
import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileLoader;
import io.rcbench.run.CapacityResult;
import io.rcbench.report.Html;
import io.rcbench.run.ScalabilityModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short capacity search on the embedded workspace (its own JVM, one core) twice: both land on the same ceiling
 * within 30% (or 4 users). The ceiling is made by the workspace's service-time fault: sendMessage served one at a time, 100 ms
 * each (at most 10 per second), so it depends on the offered load far more than on how busy this machine is. Users
 * send a message every two seconds (well under the 5 per second rule, even in bursts); sendMessage p95 must stay
 * under 800 ms, which an M/D/1 queue crosses near 16 users (load 0.8). The first search also fits its scalability
 * model, probing past the ceiling until sendMessage's throughput bends (20 users offer the 10 per second the fault
 * serves); its predicted ceiling (where latency starts to climb) must reach the measured ceiling within its own
 * interval, and its predicted peak must hold the measured one or the model must say why it cannot be trusted (poor
 * fit, too few loads, an unbounded interval), here and in the report. Every step
 * records the workspace's peak resident memory, which sizing fits against active users.
 */
class CapacityJobTest {
    static final List<String> TEST_MIX = List.of("mix.level=moderate", "mix.messagesPerActiveUserPerMinute=30", "mix.typing.share=0",
        "mix.uploads.share=0", "mix.bots.count=0", "mix.bots.commandShare=0", "mix.reconnects.perConnectedUserPerHour=0",
        "mix.history.roomOpensPerActiveUserPerMinute=0", "mix.reads.perActiveUserPerMinute=0",
        "mix.webhooks.ciPerMinutePer100ActiveUsers=0", "mix.webhooks.alertsPerMinutePer100ActiveUsers=0",
        "slo.latency.login.required=false", "slo.latency.sendMessage.p95Ms=800", "slo.latency.sendMessage.p99Ms=null",
        // this test checks the search and its repeatability, not the injector's budget on a shared machine
        "injector.maxCpuPercent=100", "injector.maxGcPauseMs=2000", "injector.maxEventLoopLagMs=5000",
        // ci-smoke's ramp is ~17 s at any scale (its length is kept when scaled); a second is enough to log 40 in
        "ramp.loginsPerSecond=90", "warmup.seconds=2", "hold.seconds=6");

    @Test
    void twoSearchesAgreeOnTheCeiling(@TempDir Path reports) throws Exception {
        // the subject is the search, not CPU isolation: on a loaded 2-CPU machine an injector pinned to the one CPU
        // the workspace leaves it adds its own delay and moves the ceiling (docs/decisions.md, Envelope)
        String pin = System.setProperty(io.rcbench.workspace.WorkspaceProcess.PIN_INJECTOR_PROPERTY, "false");
        try {
            search(reports);
        } finally {
            if (pin == null) {
                System.clearProperty(io.rcbench.workspace.WorkspaceProcess.PIN_INJECTOR_PROPERTY);
            } else {
                System.setProperty(io.rcbench.workspace.WorkspaceProcess.PIN_INJECTOR_PROPERTY, pin);
            }
        }
    }

    private void search(Path reports) throws Exception {
        Profile p = new ProfileLoader(Path.of("profiles")).load("ci-smoke", TEST_MIX);
        NextStep decide = new NextStep(8, 32, 2, 0.10, 2);
        ProfilePlans.Target target = new ProfilePlans.Target(null, "ddp", 7, false, null);
        List<String> fault = List.of("--fault-service", "sendMessage=100ms");

        // the first search may probe past its ceiling (at most 2 levels) so its model sees the throughput bend
        CapacitySearch.Outcome a = new CapacityJob(p, target, reports.resolve("a"), fault, io.rcbench.cli.Wiring.adapters(), System.out).run(decide, 10, 2);
        CapacitySearch.Outcome b = new CapacityJob(p, target, reports.resolve("b"), fault, io.rcbench.cli.Wiring.adapters(), System.out).run(decide, 10);

        Integer ca = a.result().ceilingUsers();
        Integer cb = b.result().ceilingUsers();
        assertThat(ca).as("first ceiling").isNotNull().isBetween(8, 24);
        assertThat(cb).as("second ceiling").isNotNull();
        // six-second holds give ~40 sends per step near the ceiling, so a p95 at the SLO's edge moves a level either
        // way between searches (seen: 10 and 14 on a loaded CI machine); a broken search misses by far more
        assertThat(Math.abs(ca - cb)).as("ceilings %d and %d", ca, cb).isLessThanOrEqualTo(Math.max(4, (int) Math.ceil(0.3 * ca)));
        assertThat(a.steps()).anyMatch(s -> !s.passed());
        CapacityResult.Step top = a.result().steps().stream().filter(CapacityResult.Step::pass)
            .max(java.util.Comparator.comparingInt(CapacityResult.Step::activeUsers)).orElseThrow();
        assertThat(top.actions().get("sendMessage").p95Ms()).isLessThanOrEqualTo(800);
        // the model: fitted to sendMessage completions/s, which the fault caps at 10/s. Six-second holds on a shared
        // machine measure them roughly (one level measured 4.7 and 8.8/s in two runs; on 2026-12-06 the same 10-user
        // level 6.8 and 4.4/s, and 16 users 1.4/s beside 8.4/s at 14), so the model must either hold the measured
        // peak within its own interval, or say plainly why it cannot be trusted (docs/capacity.md, Measured: a known ceiling)
        ScalabilityModel m = a.result().model();
        assertThat(m).as("model").isNotNull();
        assertThat(m.throughputOf()).isEqualTo("sendMessage");
        double measuredPeak = m.measuredPeak(a.result());
        boolean distrusted = m.warns(ModelWarnings.POOR_FIT) || m.warns(ModelWarnings.FEW_LOADS)
            || m.warns(ModelWarnings.WIDE_INTERVAL);
        assertThat(distrusted || m.peakThroughputPerSec().contains(measuredPeak))
            .as("measured peak %.2f/s inside predicted %s, or a warning (%s)", measuredPeak, m.peakThroughputPerSec(),
                m.warnings()).isTrue();
        // the model's predicted ceiling, the load where latency starts to climb (its offered work fills what the
        // target completes at the peak: Little's law), against the measured one. The measured ceiling is a range
        // itself: at least the highest passing level, below the lowest failing one; the model's interval must reach it
        // A level at the SLO's edge passes or fails by chance (the same target's first searches measured 10, 12 and
        // 14), so the measured range is taken one search step (the finest, 2 users) wider on each side
        int failedAbove = a.result().steps().stream().filter(s -> !s.pass() && !s.probe() && s.activeUsers() > ca)
            .mapToInt(CapacityResult.Step::activeUsers).min().orElse(ca);
        int edge = decide.minResolutionUsers();
        ScalabilityModel.Estimate climb = m.climbUsers();
        assertThat(climb.value()).as("predicted ceiling").isNotNull();
        assertThat(climb.overlaps(ca - edge, failedAbove + edge))
            .as("predicted ceiling %.0f [%s, %s] reaches the measured %d-%d (± %d)", climb.value(), climb.low(),
                climb.high(), ca, failedAbove, edge).isTrue();
        // every step recorded the workspace's peak resident memory, for sizing by memory
        assertThat(a.result().steps()).allMatch(s -> s.memory() != null && s.memory().peakResidentMb() != null
            && s.memory().peakResidentMb() > 0);
        assertThat(a.result().steps().stream().filter(CapacityResult.Step::probe))
            .as("probes never pass and never move the ceiling").allMatch(s -> s.activeUsers() > ca);
        try (var runs = Files.list(reports.resolve("a"))) {
            Path capacityRun = runs.filter(d -> Files.exists(d.resolve(CapacityResult.FILE))).findFirst().orElseThrow();
            String html = Files.readString(capacityRun.resolve("index.html"));
            assertThat(html).contains("apacity", "Scalability model", "of the work serialises");
            m.warnings().forEach(w -> assertThat(html).contains(Html.esc(w.message())));
        }
    }
}
