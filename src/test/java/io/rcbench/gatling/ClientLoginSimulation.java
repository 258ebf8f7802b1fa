package io.rcbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Every user of the plan once through its client's sequences: login, first room, a room switch, a typed message
 * (mentioning the bot, which answers), a reconnect, and leaving; one bot listens meanwhile. Bounded: each user runs
 * the chain once, the bot stays until all are done, at most {@link #BOT_MILLIS}.
 */
public class ClientLoginSimulation extends Simulation {
    static final long BOT_MILLIS = 15_000;
    private final RunContext run = RunContext.current();

    /** Users that have finished: the bot leaves once all have. */
    static final java.util.concurrent.atomic.AtomicInteger DONE = new java.util.concurrent.atomic.AtomicInteger();

    private final ScenarioBuilder users = scenario("clients")
        .feed(indexes(run.plan().activeUsers()))
        .exec(Chat.becomeUser(false))
        .exec(ClientLogin.chooseClient())
        .exec(ClientLogin.passwordLogin())
        .exec(ClientLogin.openFirstRoom())
        .exec(Chat.switchRoom())
        .exec(Chat.typing())
        .exec(Chat.sendText())
        .exec(Chat.reconnect())
        .exec(Chat.leave())
        .exec(s -> {
            DONE.incrementAndGet();
            return s;
        });

    private final ScenarioBuilder bots = scenario("bots")
        .feed(indexes(run.plan().bots()))
        .exec(Chat.becomeUser(true))
        .exec(ClientLogin.botLogin())
        .exec(Chat.listenToAllRooms())
        .exec(s -> s.set("until", System.nanoTime() + BOT_MILLIS * 1_000_000))
        .asLongAs(s -> DONE.get() < run.plan().activeUsers() && System.nanoTime() - s.getLong("until") < 0)
        .on(pause(Duration.ofMillis(50)))
        .exec(Chat.leave());

    @Override
    public void before() {
        run.begin();
    }

    {
        setUp(bots.injectOpen(atOnceUsers(run.plan().bots())),
            users.injectOpen(nothingFor(Duration.ofMillis(300)), atOnceUsers(run.plan().activeUsers())))
            .protocols(http.baseUrl(run.plan().baseUrl().toString()).shareConnections())
            .maxDuration(Duration.ofSeconds(30));
    }

    private static Iterator<Map<String, Object>> indexes(int n) {
        return IntStream.range(0, n).<Map<String, Object>>mapToObj(i -> Map.of(Chat.INDEX, i)).iterator();
    }
}
