package io.rcbench.simulations;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.rcbench.bench.InjectorCpuBench;
import io.rcbench.gatling.RunContext;
import io.rcbench.run.LoadPlan;
import io.rcbench.workspace.service.Accounts;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The injector CPU benchmark's reference: the same DDP calls as {@link RcbenchDdpCallSimulation}, written as a
 * Gatling user would with Gatling's stock WebSocket DSL ({@code ws(...)}, text frames, substring checks matched by
 * call id) and no rcbench code on the call path. Each user connects, sends DDP {@code connect} and {@code login}
 * (password digest), then calls {@link #METHOD} paced at the plan's per-user rate until the end of the hold.
 * The plan's {@code messagesPerMinute} is the per-user call rate. Not a load profile: a yardstick.
 */
public class StockDdpCallSimulation extends Simulation {
    /** A cheap method with a small answer, so the target stays far from its limit at 1,000 calls/s on one core. */
    public static final String METHOD = "license:isEnterprise";
    /**
     * Counts a call for the benchmark, answered or failed (a failed check or action marks the session; the mark is
     * cleared so the next call counts on its own); both call simulations run it after each call alike.
     */
    static final java.util.function.Function<io.gatling.javaapi.core.Session, io.gatling.javaapi.core.Session> COUNTED =
        s -> {
            if (s.isFailed()) {
                InjectorCpuBench.FAILED_CALLS.increment();
                return s.markAsSucceeded();
            }
            InjectorCpuBench.CALLS.increment();
            return s;
        };
    private static final int FIRST = Integer.getInteger(InjectorCpuBench.FIRST_USER, 0);
    private final RunContext run = RunContext.current();
    private final LoadPlan plan = run.plan();
    private final String digest = Accounts.sha256Hex(plan.password());
    private final Duration pace = Duration.ofNanos((long) (60e9 / plan.rates().messagesPerMinute()));
    private final Duration loop = plan.ramp().plus(plan.warmup()).plus(plan.hold());

    @Override
    public void before() {
        run.begin();
    }

    private final ScenarioBuilder users = scenario("stock-ddp-calls")
        .feed(IntStream.range(0, plan.activeUsers())
            .mapToObj(i -> Map.<String, Object>of("username", plan.userPrefix() + (FIRST + i))).iterator())
        .exec(ws("open").connect("/websocket"))
        .exec(ws("connect").sendText("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\"]}")
            .await(10).on(ws.checkTextMessage("connected").matching(substring("\"msg\":\"connected\""))
                .check(substring("\"session\""))))
        .exec(ws("login").sendText("{\"msg\":\"method\",\"method\":\"login\",\"id\":\"login\",\"params\":[{\"user\":"
                + "{\"username\":\"#{username}\"},\"password\":{\"digest\":\"" + digest + "\",\"algorithm\":\"sha-256\"}}]}")
            .await(10).on(ws.checkTextMessage("logged in").matching(substring("\"id\":\"login\""))
                .check(regex("\"token\":\"([^\"]+)\"").exists())))
        .during(loop, "i").on(exec(ws(METHOD).sendText("{\"msg\":\"method\",\"method\":\"" + METHOD
                + "\",\"id\":\"c#{i}\",\"params\":[]}")
            .await(10).on(ws.checkTextMessage("result").matching(substring("\"id\":\"c#{i}\""))
                .check(substring("\"msg\":\"result\""))))
            .exec(COUNTED)
            .pace(pace))
        .exec(ws("close").close());

    {
        setUp(users.injectOpen(rampUsers(plan.activeUsers()).during(plan.ramp())))
            .protocols(http.wsBaseUrl("ws://" + plan.baseUrl().getHost() + ":" + plan.baseUrl().getPort()))
            .maxDuration(run.maxDuration());
    }
}
