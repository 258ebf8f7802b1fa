package io.rcbench.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.profile.MetricNames;
import io.rcbench.run.ActionRates;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.Membership;
import io.rcbench.run.RunMetrics;
import io.rcbench.run.RunSummary;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mixes' actions besides sending, end to end: three users of one channel on the embedded workspace (real
 * sockets, loopback) each change their status, look up and watch presence, react, edit, reply in a thread, open the
 * thread, search, page back, refresh unread counts and delete, over DDP and over REST ({@link ActionsSimulation}).
 * Each is counted and timed under its own metric; the edits', reactions', thread counters' and deletes' fan-out
 * reaches the two other members as change deliveries, none lost; a failed delete is counted with its reason and
 * its fan-out withdrawn; a change no action made is counted as unmatched, not dropped; the room's bot answers each
 * command once, whatever changes of the command's message it sees.
 */
class ActionsEndToEndTest {
    private static final int USERS = 3;
    private static final String PW = "performance";
    private static final List<String> ACTIONS = List.of(MetricNames.SET_STATUS, MetricNames.PRESENCE,
        MetricNames.PRESENCE_WATCH, MetricNames.REACT, MetricNames.EDIT_MESSAGE, MetricNames.THREAD_REPLY,
        MetricNames.THREAD_MESSAGES, MetricNames.SEARCH, MetricNames.HISTORY_PAGE, MetricNames.UNREAD_COUNTS);
    @TempDir
    static Path data;
    private static Workspace ws;

    @BeforeAll
    static void start() {
        ws = TestWorkspaces.start(data);
        ws.seeder().seed(new SeedPlan(USERS, 1, USERS, "c", 1, 0, PW, 4));
    }

    @AfterAll
    static void stop() {
        ws.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ddp", "rest"})
    void everyActionHappensIsTimedAndItsFanOutReachesTheRoom(String transport, @TempDir Path dir) throws Exception {
        LoadPlan plan = plan(transport);
        RunMetrics metrics = new RunMetrics(plan.lateness(), plan.deliveryTimeout());
        long t0 = System.nanoTime();
        GatlingDriver.run(new RunContext(plan, metrics, Duration.ZERO), ActionsSimulation.class.getName(), dir);
        System.out.printf("actions e2e %s: %d ms%n", transport, (System.nanoTime() - t0) / 1_000_000);

        Map<String, RunSummary.ActionCounts> counts = metrics.counters().totals();
        Map<String, Histogram> h = metrics.latency().takeIntervals();
        for (String action : ACTIONS) {
            assertThat(counts).as(transport + " " + action).containsKey(action);
            assertThat(counts.get(action).ok()).as(transport + " " + action + " ok").isEqualTo(USERS);
            assertThat(counts.get(action).failed()).as(transport + " " + action + " failed").isZero();
            assertThat(h.get(action).getTotalCount()).as(transport + " " + action + " timed").isEqualTo(USERS);
            assertThat(h.get(action + ".raw").getTotalCount()).as(transport + " " + action + " raw").isEqualTo(USERS);
        }
        // each user deletes its reply, then a message that does not exist: refused by the server, with its reason
        assertThat(counts.get(MetricNames.DELETE_MESSAGE).ok()).isEqualTo(USERS);
        assertThat(counts.get(MetricNames.DELETE_MESSAGE).failed()).isEqualTo(USERS);
        assertThat(metrics.counters().errors()).containsEntry("server-error", (long) USERS);

        metrics.deliveries().expireAll();
        RunSummary.Deliveries d = metrics.deliveries().totals();
        // per user 3 messages + 1 reply to 2 others, and 4 changes (reaction, edit, thread counters, delete) to 2
        long messages = USERS * 4L * (USERS - 1);
        long changes = USERS * 4L * (USERS - 1);
        assertThat(d.lost()).as(transport + " lost").isZero();
        assertThat(d.expected()).as(transport + " expected").isEqualTo(messages + changes);
        assertThat(d.received()).isEqualTo(d.expected());
        assertThat(h.get(MetricNames.CHANGE_DELIVERY).getTotalCount()).isEqualTo(changes);
        assertThat(h.get(MetricNames.DELIVERY).getTotalCount()).isEqualTo(messages);
        // each command answered once: reactions, edits and thread counters re-send it to the bot, not as new
        assertThat(counts.get(MetricNames.BOT_ANSWER).attempted()).as(transport + " bot answers").isEqualTo(USERS * 3L);
        // the raw edits nobody registered reach the two others each: counted, not dropped
        assertThat(metrics.deliveries().unmatched()).isGreaterThanOrEqualTo(USERS * (USERS - 1L));
    }

    private static LoadPlan plan(String transport) {
        Map<Integer, List<Membership.RoomKey>> rooms = IntStream.range(0, USERS).boxed().collect(Collectors.toMap(
            i -> i, i -> List.of(new Membership.RoomKey("c", SeedPlan.roomName(0)))));
        // every text mentions the bot with a command
        LoadPlan.Rates rates = new LoadPlan.Rates(0, 0, 0, 0, 0, 0, List.of(), 0, 1, 0, 0, 0, 0,
            new ActionRates(0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0));
        return new LoadPlan("actions-" + transport, ws.baseUri(), transport, "user.", "bot.",
            new Membership(rooms, Membership.Shares.CHANNELS_ONLY), PW, USERS, 0, 10, Duration.ZERO,
            Duration.ofSeconds(1), rates, 1, List.of(), 1, Duration.ofSeconds(5), Duration.ofMillis(50),
            Duration.ofSeconds(5), null);
    }
}
