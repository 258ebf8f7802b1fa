package io.rcbench.simulations;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.rcbench.gatling.RcbenchDsl.nextArrival;
import static io.rcbench.gatling.RcbenchDsl.startArrivals;

import io.gatling.javaapi.core.ChainBuilder;
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
 * The injector CPU benchmark's receiving case: the plan's active users log in, find their rooms and open one (the
 * web client's four room subscriptions, the room's messages among them), then only receive until the end of the run;
 * the plan's bots send text messages into their first room at {@code messagesPerMinute} each. Every receipt is a
 * delivery, timed at the socket and recorded against the send, as in a chat run: the injector's CPU is dominated by
 * received stream events.
 */
public class RcbenchFanoutSimulation extends Simulation {
    private final RunContext run = RunContext.current();
    private final LoadPlan plan = run.plan();

    @Override
    public void before() {
        run.begin();
    }

    private ChainBuilder untilEndOfRun() {
        return asLongAs(s -> !run.holdOver()).on(pause(Duration.ofMillis(500)))
            .pause(s -> Duration.ofMillis(run.millisUntil(run.endNanos())));
    }

    private final ScenarioBuilder receivers = scenario("receivers")
        .feed(IntStream.range(0, plan.activeUsers()).mapToObj(i -> Map.<String, Object>of(Chat.INDEX, i)).iterator())
        .exec(Chat.becomeUser(false))
        .exec(Ddp.connect())
        .exec(Ddp.login(Chat::username, Chat::password))
        .exec(Chat.enterRooms())
        .exec(untilEndOfRun())
        .exec(Ddp.close());

    private final ScenarioBuilder senders = scenario("senders")
        .feed(IntStream.range(0, plan.bots()).mapToObj(i -> Map.<String, Object>of(Chat.INDEX, i)).iterator())
        .exec(Chat.becomeUser(true))
        .exec(Ddp.connect())
        .exec(Ddp.login(Chat::username, Chat::password))
        .exec(Chat.findAnyRoom())
        // the senders start after every receiver is in: the warm-up begins with the first message
        .pause(s -> Duration.ofMillis(run.millisUntil(run.startNanos() + plan.ramp().toNanos())))
        .exec(startArrivals(s -> plan.rates().messagesPerMinute() / 60.0, s -> plan.seed() * 37 + s.getInt(Chat.INDEX)))
        .asLongAs(RcbenchDsl::arrivalsOpen).on(exec(nextArrival()).exec(Chat.sendText()))
        .exec(RcbenchDsl.settle())
        .pause(s -> Duration.ofMillis(run.millisUntil(run.endNanos())))
        .exec(Ddp.close());

    {
        setUp(receivers.injectOpen(rampUsers(plan.activeUsers()).during(plan.ramp())),
            senders.injectOpen(rampUsers(plan.bots()).during(Duration.ofSeconds(1))))
            .maxDuration(run.maxDuration());
    }
}
