package io.rcbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.rcbench.gatling.RcbenchDsl.nextArrival;
import static io.rcbench.gatling.RcbenchDsl.startArrivals;
import static io.rcbench.gatling.RcbenchDsl.step;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Exercises the internal-API adapter (plain Action, logResponse, next.!, event-loop scheduling) with steps that
 * complete on a foreign thread after a fixed delay, and one that fails: a Gatling upgrade that breaks the adapter
 * fails {@link GatlingDriverTest} instead of hanging a run.
 */
public class AdapterSmokeSimulation extends Simulation {
    static final long STEP_MILLIS = 20;

    private final RunContext run = RunContext.current();

    private final ScenarioBuilder users = scenario("adapter-smoke")
        .exec(startArrivals(s -> 20.0, s -> s.userId()))
        .exec(step("boot", s -> CompletableFuture.completedFuture(s.set("booted", true))))
        .asLongAs(RcbenchDsl::arrivalsOpen).on(
            exec(nextArrival())
                .exec(step("work", s -> CompletableFuture.supplyAsync(() -> s,
                    CompletableFuture.delayedExecutor(STEP_MILLIS, TimeUnit.MILLISECONDS)))))
        .exec(step("fail", s -> CompletableFuture.failedFuture(new java.util.concurrent.TimeoutException("on purpose"))));

    @Override
    public void before() {
        run.begin();
    }

    {
        setUp(users.injectOpen(rampUsers(run.plan().activeUsers()).during(run.plan().ramp())));
    }
}
