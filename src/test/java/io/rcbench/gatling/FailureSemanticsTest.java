package io.rcbench.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.run.LoadPlan;
import io.rcbench.run.Membership;
import io.rcbench.run.RunMetrics;
import io.rcbench.run.RunSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Success means success and nothing waits forever, through Gatling against a real (loopback) DDP server. */
class FailureSemanticsTest {
    private static final int USERS = 3;

    @Test
    void emptySendResultsFailAndNoUserHangs(@TempDir Path dir) throws Exception {
        try (NotInsertingTarget target = new NotInsertingTarget()) {
            LoadPlan plan = plan(target, "ddp");
            RunMetrics metrics = new RunMetrics(plan.lateness(), plan.deliveryTimeout());
            RunContext ctx = new RunContext(plan, metrics, Duration.ZERO);
            long t0 = System.nanoTime();
            GatlingDriver.run(ctx, FailureSemanticsSimulation.class.getName(), dir);
            long tookMs = (System.nanoTime() - t0) / 1_000_000;

            Map<String, RunSummary.ActionCounts> counts = metrics.counters().totals();
            // Rocket.Chat's "nothing inserted": a failure through the DSL and through Chat.sendText alike
            assertThat(counts.get("dslSend").ok()).isZero();
            assertThat(counts.get("dslSend").failed()).isEqualTo(USERS);
            assertThat(counts.get("sendMessage").ok()).isZero();
            assertThat(counts.get("sendMessage").failed()).isEqualTo(USERS);
            // a subscription never ready fails as a timeout after the action timeout (+1 s grace)
            assertThat(counts.get("neverReady").failed()).isEqualTo(USERS);
            assertThat(metrics.counters().errors()).containsEntry("timeout", (long) USERS);
            // a step completing without a session is that step's failure, and the user goes on
            assertThat(counts.get("noSession").failed()).isEqualTo(USERS);
            assertThat(counts.get("end").ok()).isEqualTo(USERS);
            // failures inside the client: counted, and folded into the errors by reason the error SLO reads
            RunSummary.ClientFailures client = metrics.clientFailures();
            assertThat(client.malformedFrames()).isEqualTo(USERS);
            assertThat(client.protocolErrors()).isEqualTo(USERS);
            assertThat(client.listenerErrors()).isEqualTo(USERS);
            metrics.foldClientFailures();
            assertThat(metrics.counters().errors()).containsEntry("malformed-frame", (long) USERS)
                .containsEntry("protocol-error", (long) USERS).containsEntry("listener-error", (long) USERS);
            // well before the simulation's 30 s maxDuration (which only a hanging user would reach)
            assertThat(tookMs).isLessThan(25_000);
        }
    }

    @Test
    void aRestSendAnswered200WithoutTheMessageFailsAndAnUnansweredHttpStepTimesOut(@TempDir Path dir) throws Exception {
        try (NotInsertingTarget target = new NotInsertingTarget()) {
            RunMetrics metrics = new RunMetrics(Duration.ofMillis(50), Duration.ofSeconds(5));
            RunContext ctx = new RunContext(plan(target, "rest").on(target.baseUrl(),
                List.of(new LoadPlan.Webhook("h1", "t1", "general"))), metrics, Duration.ZERO);
            long t0 = System.nanoTime();
            GatlingDriver.run(ctx, RestSendSimulation.class.getName(), dir);
            long tookMs = (System.nanoTime() - t0) / 1_000_000;

            RunSummary.ActionCounts send = metrics.counters().totals().get("sendMessage");
            // before: status 200 was all that was checked, and this counted as a sent message
            assertThat(send.ok()).isZero();
            assertThat(send.failed()).isEqualTo(USERS);
            // an HTTP step never answered fails as a timeout after the action timeout, not Gatling's minute
            assertThat(metrics.counters().totals().get("webhook").failed()).isEqualTo(USERS);
            assertThat(metrics.counters().errors()).containsEntry("timeout", (long) USERS);
            assertThat(tookMs).isLessThan(25_000);
        }
    }

    private static LoadPlan plan(NotInsertingTarget target, String transport) {
        return new LoadPlan("failure-semantics", target.baseUrl(), transport, "user.", "bot.",
            new Membership(Map.of(0, List.of(new Membership.RoomKey("c", "general"))),
                Membership.Shares.CHANNELS_ONLY), "pw", USERS, 0, 10, Duration.ZERO, Duration.ofSeconds(1),
            LoadPlan.Rates.textOnly(1), 0, List.of(), 1, Duration.ofSeconds(1), Duration.ofMillis(50),
            Duration.ofSeconds(5), null);
    }
}
