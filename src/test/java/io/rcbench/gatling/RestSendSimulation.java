package io.rcbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * {@link Chat#sendText()} over REST against a {@link NotInsertingTarget} (200, success, and no message), then a
 * webhook post the target never answers.
 */
public class RestSendSimulation extends Simulation {
    private final RunContext run = RunContext.current();

    private final ScenarioBuilder users = scenario("rest-send")
        .exec(s -> s.set(Chat.INDEX, 0))
        .exec(Chat.becomeUser(true))
        .exec(Ddp.connect())
        .exec(Ddp.login(Chat::username, Chat::password))
        .exec(Chat.findAnyRoom())
        .exec(Chat.sendText())
        .exec(Chat.postWebhook("ci"))
        .exec(Ddp.close());

    @Override
    public void before() {
        run.begin();
    }

    {
        setUp(users.injectOpen(atOnceUsers(run.plan().activeUsers())))
            .protocols(http.baseUrl(run.plan().baseUrl().toString())).maxDuration(Duration.ofSeconds(30));
    }
}
