package io.rcbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.rcbench.rocketchat.MessageActions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every user of one room does each action of {@link Actions} once, in a fixed order, on the embedded workspace:
 * {@link ActionsEndToEndTest} counts them, their fan-out and their failures. Users wait for each other (all have
 * the room open) before acting and before leaving, so every change is expected of the others. Then each fails
 * on purpose (a delete of a message that does not exist) and makes one change no action registers (a raw
 * {@code updateMessage}), which the others must count as unmatched. Every text mentions the room's bot with a
 * command, which it answers once however often the message is re-sent changed. Bounded by the
 * simulation's maxDuration and each wait's deadline.
 */
public class ActionsSimulation extends Simulation {
    static final String MISSING = "NoSuchMessage0000";
    private static final AtomicInteger ROOM_OPEN = new AtomicInteger();
    private static final AtomicInteger DONE = new AtomicInteger();
    /** Bots listening: a command sent before would reach a bot only when changed, and be answered late. */
    private static final AtomicInteger BOTS_READY = new AtomicInteger();
    private final RunContext run = RunContext.current();
    private final int users = run.plan().activeUsers();


    /** Account indexes 0 .. n-1, one per virtual user. */
    private static java.util.Iterator<java.util.Map<String, Object>> indexes(int n) {
        return java.util.stream.IntStream.range(0, n).<java.util.Map<String, Object>>mapToObj(i -> java.util.Map.of(Chat.INDEX, i))
            .iterator();
    }

    /** Waits until {@code counter} reaches every user, at most 10 s. */
    private ChainBuilder all(AtomicInteger counter) {
        return exec(s -> {
            counter.incrementAndGet();
            return s.set("rcb.t.deadline", System.nanoTime() + Duration.ofSeconds(10).toNanos());
        }).asLongAs(s -> (counter.get() < users || BOTS_READY.get() < run.plan().bots())
                && System.nanoTime() < s.getLong("rcb.t.deadline"))
            .on(pause(Duration.ofMillis(50)));
    }

    private final ScenarioBuilder scenario = scenario("actions")
        .feed(indexes(users))
        .exec(Chat.becomeUser(false))
        // the web client's login and first room opening, as in ChatSimulation
        .exec(ClientLogin.chooseClient()).exec(ClientLogin.passwordLogin())
        .exec(ClientLogin.openFirstRoom())
        .exec(all(ROOM_OPEN))
        // a little history to act on, seen by everyone
        .exec(Chat.sendText()).exec(Chat.sendText())
        .pause(Duration.ofMillis(400))
        .exec(Actions.setStatus())
        .exec(Actions.presence())
        .exec(Actions.react())
        .exec(Actions.edit())
        .exec(Actions.threadReply())
        .pause(Duration.ofMillis(200))
        .exec(Actions.threadMessages())
        .exec(Actions.search())
        .exec(Actions.historyPage())
        .exec(Actions.unreadCounts())
        .exec(Actions.delete())
        // failures on purpose: the server refuses both, their expected fan-out is withdrawn
        .exec(s -> {
            ChatUser u = s.get(ChatUser.KEY);
            u.view().sent(MISSING, u.rid());
            return s;
        })
        .exec(Actions.delete())
        // a change no action registered, of a message nobody acted on: the other members count it as unmatched
        .exec(Chat.sendText())
        .pause(Duration.ofMillis(300))
        .exec(Ddp.call(MessageActions.UPDATE_MESSAGE, s -> {
            ChatUser u = s.get(ChatUser.KEY);
            return MessageActions.updateMessageParams(u.view().ownMessage(false).id(), u.rid(), "changed behind rcbench");
        }, null).named("rawEdit"))
        .pause(Duration.ofMillis(500))
        .exec(RcbenchDsl.settle())
        .exec(all(DONE))
        .exec(Chat.leave());

    private final ScenarioBuilder bots = scenario("bots")
        .feed(indexes(run.plan().bots()))
        .exec(Chat.becomeUser(true))
        .exec(Ddp.connect())
        .exec(Ddp.login(Chat::username, Chat::password))
        .exec(Chat.listenToAllRooms())
        .exec(s -> {
            BOTS_READY.incrementAndGet();
            return s;
        })
        .exec(s -> s.set("rcb.t.deadline", System.nanoTime() + Duration.ofSeconds(30).toNanos()))
        .asLongAs(s -> DONE.get() < users && System.nanoTime() < s.getLong("rcb.t.deadline"))
        .on(pause(Duration.ofMillis(50)))
        .exec(Chat.leave());

    @Override
    public void before() {
        ROOM_OPEN.set(0);
        DONE.set(0);
        BOTS_READY.set(0);
        run.begin();
    }

    {
        setUp(scenario.injectOpen(atOnceUsers(users)), bots.injectOpen(atOnceUsers(run.plan().bots()))).protocols(http.baseUrl(run.plan().baseUrl().toString())
            .shareConnections()).maxDuration(Duration.ofSeconds(40));
    }
}
