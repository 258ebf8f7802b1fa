package io.rcbench.simulations;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.rcbench.gatling.RcbenchDsl.nextArrival;
import static io.rcbench.gatling.RcbenchDsl.startArrivals;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.rcbench.gatling.Actions;
import io.rcbench.gatling.Chat;
import io.rcbench.gatling.ClientLogin;
import io.rcbench.gatling.RcbenchDsl;
import io.rcbench.gatling.RunContext;
import io.rcbench.run.LoadPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The main job's simulation: the text, upload and bot mixes of a {@link LoadPlan}.
 *
 * <ul>
 *   <li><b>active users</b> log in as their client does (the web client, or the mix's mobile share on the app:
 *   the calls before and after the credentials, the ~35 or 6 subscriptions, the room list), find their rooms
 *   (channels, groups, direct messages) and open one as their client does (4 more, history, roles, read), then act on an open-model
 *   Poisson schedule at the plan's rates until the end of the hold: text messages in the open room (some typed
 *   first, some mentioning a bot), uploads, room switches (drawn by the mix's message
 *   shares; history + read), read receipts, and the mix's other actions ({@link Actions}: status, presence,
 *   reactions, edits, deletes, thread replies and opens, search, history pages, unread counts); they download a
 *   share of the files they see. They receive every room they are in: the open one
 *   on its message stream, the others on {@code rooms-changed}.</li>
 *   <li><b>idle users</b> connect, subscribe and open a room the same way and only receive.</li>
 *   <li><b>bots</b> listen to every room they are in and answer commands addressed to them (chat-ops).</li>
 *   <li><b>webhooks</b> post CI notifications and monitoring alerts at workspace-wide rates (open model).</li>
 * </ul>
 * Logins of all connecting accounts arrive at the plan's login rate; the hold starts when the ramp ends.
 */
public class ChatSimulation extends Simulation {
    private final RunContext run = RunContext.current();
    private final LoadPlan plan = run.plan();

    @Override
    public void before() {
        run.begin();
    }

    /**
     * Login as the user's client does it (web, or the mix's mobile share on the app): connect, the calls before and
     * after the credentials, the subscriptions, the room list; one {@code login} (docs/workload.md).
     */
    private ChainBuilder login() {
        return exec(ClientLogin.chooseClient()).exec(ClientLogin.passwordLogin());
    }

    private ChainBuilder connectAndSubscribe() {
        return exec(login()).exec(ClientLogin.openFirstRoom());
    }

    private ChainBuilder untilEndOfRun() {
        return asLongAs(s -> !run.holdOver()).on(pause(Duration.ofMillis(500)))
            .pause(s -> Duration.ofMillis(run.millisUntil(run.endNanos())));
    }

    /** One activity, chosen from the user's own random stream by the mix's rates. */
    private ChainBuilder activity() {
        LoadPlan.Rates r = plan.rates();
        double base = r.messagesPerMinute() + r.roomOpensPerMinute() + r.readsPerMinute() + r.reconnectsPerMinute();
        double total = base + r.actions().perMinute();
        return exec(s -> {
            double x = RcbenchDsl.schedule(s).uniform() * total;
            String kind;
            if (x >= base) {
                kind = Actions.kind(r.actions(), x - base);
            } else if (x < r.messagesPerMinute()) {
                double y = RcbenchDsl.schedule(s).uniform();
                kind = y < r.uploadShare() ? "upload"
                    : RcbenchDsl.schedule(s).uniform() < r.typingShare() ? "typed" : "text";
            } else if (x < r.messagesPerMinute() + r.roomOpensPerMinute()) {
                kind = "open";
            } else {
                kind = x < r.messagesPerMinute() + r.roomOpensPerMinute() + r.readsPerMinute() ? "read" : "reconnect";
            }
            return s.set("rcb.activity", kind);
        }).doSwitch(s -> s.getString("rcb.activity")).on(
            onCase("text").then(Chat.sendText()),
            onCase("typed").then(exec(Chat.typing()).exec(Chat.sendText())),
            onCase("upload").then(Chat.upload()),
            onCase("open").then(Chat.switchRoom()),
            onCase("read").then(Chat.read()),
            onCase("reconnect").then(Chat.reconnect()),
            onCase(Actions.THREAD_REPLY).then(Actions.threadReply()),
            onCase(Actions.SET_STATUS).then(Actions.setStatus()),
            onCase(Actions.PRESENCE).then(Actions.presence()),
            onCase(Actions.REACT).then(Actions.react()),
            onCase(Actions.EDIT).then(Actions.edit()),
            onCase(Actions.DELETE).then(Actions.delete()),
            onCase(Actions.THREAD_MESSAGES).then(Actions.threadMessages()),
            onCase(Actions.SEARCH).then(Actions.search()),
            onCase(Actions.HISTORY_PAGE).then(Actions.historyPage()),
            onCase(Actions.UNREAD_COUNTS).then(Actions.unreadCounts()));
    }

    private final ScenarioBuilder active = scenario("active users")
        .feed(indexes(activeAccounts()))
        .exec(Chat.becomeUser(false))
        .exitHereIf(s -> run.stopping().get())
        .exec(connectAndSubscribe())
        .exec(s -> {
            run.metrics().activeUsers().incrementAndGet();
            return s;
        })
        .exec(startArrivals(s -> plan.rates().activitiesPerSecond(), s -> plan.seed() * 31 + s.getInt(Chat.INDEX)))
        .asLongAs(RcbenchDsl::arrivalsOpen).on(exec(nextArrival()).exec(activity()).exec(Chat.downloadIfAny()))
        .exec(s -> {
            if (!run.stopping().get()) {
                run.metrics().counters().missed("activity", RcbenchDsl.schedule(s).drainBefore(run.holdEndNanos()));
            }
            return s;
        })
        // a user whose next action would fall after the hold is still an active user until the hold ends
        .pause(s -> Duration.ofMillis(run.millisUntil(run.holdEndNanos())))
        .exec(s -> {
            run.metrics().activeUsers().decrementAndGet();
            return s;
        })
        // stopped (Ctrl-C): Gatling would otherwise keep injecting the open webhook scenarios to their planned end
        .exec(stopLoadGeneratorIf("stopped: measured figures are kept", s -> run.stopping().get()))
        .pause(s -> Duration.ofMillis(run.millisUntil(run.endNanos())))
        .exec(Chat.leave());

    private final ScenarioBuilder idle = scenario("idle users")
        .feed(indexes(idleAccounts()))
        .exec(Chat.becomeUser(false))
        .exitHereIf(s -> run.stopping().get())
        .exec(connectAndSubscribe())
        .doIfOrElse(s -> plan.rates().reconnectsPerMinute() > 0).then(
            // idle clients only come back now and then (sleep, network change)
            exec(startArrivals(s -> plan.rates().reconnectsPerMinute() / 60.0,
                s -> plan.seed() * 37 + s.getInt(Chat.INDEX)))
                .asLongAs(RcbenchDsl::arrivalsOpen).on(exec(nextArrival()).exec(Chat.reconnect()))
                .pause(s -> Duration.ofMillis(run.millisUntil(run.endNanos()))))
        .orElse(untilEndOfRun())
        .exec(Chat.leave());

    private final ScenarioBuilder bots = scenario("bots")
        .feed(indexes(plan.accounts().bots()))
        .exec(Chat.becomeUser(true))
        .exitHereIf(s -> run.stopping().get())
        .exec(ClientLogin.botLogin())
        .exec(Chat.listenToAllRooms())
        .exec(untilEndOfRun())
        .exec(Chat.leave());

    private final ScenarioBuilder ciHooks = scenario("ci webhooks").exitHereIf(s -> run.holdOver())
        .exec(Chat.postWebhook("ci"));
    private final ScenarioBuilder alertHooks = scenario("alert webhooks").exitHereIf(s -> run.holdOver())
        .exec(Chat.postWebhook("alert"));

    {
        Duration ramp = plan.ramp();
        Duration rampAndHold = ramp.plus(plan.hold());
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(active.injectOpen(arrive(activeAccounts().size(), ramp)));
        if (!idleAccounts().isEmpty()) {
            populations.add(idle.injectOpen(arrive(idleAccounts().size(), ramp)));
        }
        if (!plan.accounts().bots().isEmpty()) {
            populations.add(bots.injectOpen(arrive(plan.accounts().bots().size(), ramp)));
        }
        if (!plan.webhooks().isEmpty() && plan.rates().ciWebhooksPerMinute() > 0) {
            populations.add(ciHooks.injectOpen(constantUsersPerSec(plan.rates().ciWebhooksPerMinute() / 60.0)
                .during(rampAndHold).randomized()));
        }
        if (!plan.webhooks().isEmpty() && plan.rates().alertWebhooksPerMinute() > 0) {
            populations.add(alertHooks.injectOpen(constantUsersPerSec(plan.rates().alertWebhooksPerMinute() / 60.0)
                .during(rampAndHold).randomized()));
        }
        setUp(populations).protocols(http.baseUrl(plan.baseUrl().toString()).shareConnections()
            .userAgentHeader("rcbench (Gatling)")).maxDuration(run.maxDuration());
    }

    /** Logins spread over the ramp; Gatling injects nothing for ramps under a second, so those arrive at once. */
    private static OpenInjectionStep arrive(int users, Duration ramp) {
        return ramp.toMillis() < 1000 ? atOnceUsers(users) : rampUsers(users).during(ramp);
    }

    private List<Integer> activeAccounts() {
        return plan.accounts().active();
    }

    private List<Integer> idleAccounts() {
        return plan.accounts().idle();
    }

    private static Iterator<Map<String, Object>> indexes(List<Integer> accounts) {
        Iterator<Integer> it = accounts.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                return Map.of(Chat.INDEX, it.next());
            }
        };
    }

}
