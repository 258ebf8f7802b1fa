package io.rcbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.rcbench.gatling.RcbenchDsl.step;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Each user meets the failures {@link FailureSemanticsTest} counts, against a {@link NotInsertingTarget}: a send the
 * server did not insert (through the DSL's send and through {@link Chat#sendText()}), a subscription that is never
 * ready, a step whose completion has no session, an undecodable frame, a DDP error frame and a listener that throws. Every user must still reach {@code end}. The simulation's own
 * maxDuration only keeps a broken build from hanging the test.
 */
public class FailureSemanticsSimulation extends Simulation {
    private final RunContext run = RunContext.current();

    private final ScenarioBuilder users = scenario("failure-semantics")
        .exec(s -> s.set(Chat.INDEX, 0))
        .exec(Chat.becomeUser(true))
        .exec(Ddp.connect())
        .exec(Ddp.login(Chat::username, Chat::password))
        .exec(Ddp.send(s -> "R1", s -> "hello").named("dslSend"))
        .exec(Chat.findAnyRoom())
        .exec(Chat.sendText())
        .exec(step("listen", s -> {
            Ddp.client(s).onStream("stream-room-messages", "R1", e -> {
                throw new IllegalStateException("a listener that throws, on purpose");
            });
            return CompletableFuture.completedFuture(s);
        }))
        .exec(Ddp.subscribeAll("neverReady", s -> List.of(new io.rcbench.rocketchat.WebClientSubscriptions.Sub(
            "stream-room-messages", io.rcbench.ddp.Json.array().add("R1").add(false)))))
        .exec(step("noSession", s -> CompletableFuture.completedFuture(null)))
        .exec(step("end", s -> CompletableFuture.completedFuture(s)))
        .exec(exec(Ddp.close()));

    @Override
    public void before() {
        run.begin();
    }

    {
        setUp(users.injectOpen(atOnceUsers(run.plan().activeUsers()))).maxDuration(Duration.ofSeconds(30));
    }
}
