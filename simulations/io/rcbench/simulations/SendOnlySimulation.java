package io.rcbench.simulations;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.rcbench.gatling.RcbenchDsl.nextArrival;
import static io.rcbench.gatling.RcbenchDsl.startArrivals;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.rcbench.gatling.Chat;
import io.rcbench.gatling.Ddp;
import io.rcbench.gatling.RcbenchDsl;
import io.rcbench.gatling.RunContext;
import io.rcbench.run.LoadPlan;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The accuracy benchmark's simulation: only {@code sendMessage}, on an open-model schedule, so rcbench's
 * percentiles can be held against a latency distribution injected into the target. The senders are the plan's
 * bot accounts ({@code activeUsers} of them), which the target exempts from its 5-messages-per-second rule, so
 * rates above that are possible without tripping the limiter.
 */
public class SendOnlySimulation extends Simulation {
    private final RunContext run = RunContext.current();
    private final LoadPlan plan = run.plan();

    @Override
    public void before() {
        run.begin();
    }

    private final ScenarioBuilder senders = scenario("senders")
        .feed(IntStream.range(0, plan.activeUsers()).mapToObj(i -> Map.<String, Object>of(Chat.INDEX, i)).iterator())
        .exec(Chat.becomeUser(true))
        .exec(Ddp.connect())
        .exec(Ddp.login(Chat::username, Chat::password))
        .exec(Chat.findAnyRoom()) // not subscribed: no fan-out, so the server's cost is the injected delay
        .exec(startArrivals(s -> plan.rates().messagesPerMinute() / 60.0, s -> plan.seed() * 31 + s.getInt(Chat.INDEX)))
        .asLongAs(RcbenchDsl::arrivalsOpen).on(exec(nextArrival()).exec(Chat.sendText()))
        .pause(s -> Duration.ofMillis(run.millisUntil(run.endNanos())))
        .exec(Chat.leave());

    {
        setUp(senders.injectOpen(rampUsers(plan.activeUsers()).during(Duration.ofSeconds(1))))
            .maxDuration(run.maxDuration());
    }
}
