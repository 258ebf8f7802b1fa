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
 * The injector CPU benchmark's rcbench side: {@link StockDdpCallSimulation}'s calls in rcbench's DSL. Each user
 * connects, logs in, then calls the same method on an open-model schedule at the plan's per-user rate
 * ({@code messagesPerMinute}) until the end of the hold; every call is timed on the wire and recorded (corrected and
 * raw) like any action of a run.
 */
public class RcbenchDdpCallSimulation extends Simulation {
    private static final Object[] NO_PARAMS = {};
    private static final int FIRST = Integer.getInteger(io.rcbench.bench.InjectorCpuBench.FIRST_USER, 0);
    private final RunContext run = RunContext.current();
    private final LoadPlan plan = run.plan();

    @Override
    public void before() {
        run.begin();
    }

    private final ScenarioBuilder users = scenario("rcbench-ddp-calls")
        .feed(IntStream.range(0, plan.activeUsers()).map(i -> FIRST + i).mapToObj(i -> Map.<String, Object>of(Chat.INDEX, i)).iterator())
        .exec(Chat.becomeUser(false))
        .exec(Ddp.connect())
        .exec(Ddp.login(Chat::username, Chat::password))
        .exec(startArrivals(s -> plan.rates().messagesPerMinute() / 60.0, s -> plan.seed() * 31 + s.getInt(Chat.INDEX)))
        .asLongAs(RcbenchDsl::arrivalsOpen).on(exec(nextArrival())
            .exec(Ddp.call(StockDdpCallSimulation.METHOD, s -> NO_PARAMS, null))
            .exec(StockDdpCallSimulation.COUNTED))
        .exec(Ddp.close());

    {
        setUp(users.injectOpen(rampUsers(plan.activeUsers()).during(plan.ramp()))).maxDuration(run.maxDuration());
    }
}
