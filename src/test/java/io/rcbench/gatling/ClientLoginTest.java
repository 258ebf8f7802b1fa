package io.rcbench.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.profile.MetricNames;
import io.rcbench.rocketchat.Credentials;
import io.rcbench.rocketchat.RestActions;
import io.rcbench.rocketchat.RestClient;
import io.rcbench.rocketchat.RocketChatAdmin;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.Membership;
import io.rcbench.run.RunMetrics;
import io.rcbench.run.RunSummary;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web and mobile clients' login and room-opening sequences through Gatling against the embedded workspace (real
 * sockets): the calls each client kind makes, each counted under its own name, the {@code login} spanning the
 * sequence, and with {@code transport rest} no DDP method leaving the client but the stream connection's
 * {@code login {resume}} and the typing stream write. Four users (web and mobile) in a channel, a private group and a
 * direct message, and one bot; each user runs {@link ClientLoginSimulation} once.
 */
class ClientLoginTest {
    private static final int USERS = 4;
    private static final String PW = "performance";
    /** The DDP methods a REST-transport client may still send (docs/workload.md, Transports). */
    private static final List<String> REST_RUN_METHODS = List.of("login", "stream-notify-room");
    @TempDir
    static Path dir;
    private static Workspace ws;
    private static long seed;
    private static int mobileUsers;
    private static String groupId;

    @BeforeAll
    static void workspace() throws Exception {
        ws = TestWorkspaces.start(dir.resolve("ws"));
        ws.seeder().seed(new SeedPlan(USERS, 1, USERS, "c", 1, 0, PW, 4));
        RestClient anonymous = RestClient.create(ws.baseUri());
        Credentials admin = new RestActions(anonymous).login(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD).get();
        RocketChatAdmin a = new RocketChatAdmin(anonymous.withCredentials(admin));
        groupId = a.createRoom("p", "login-group", List.of("user.0", "user.1", "user.2", "user.3", "bot.0")).id();
        a.createDirect("user.0", "user.1");
        a.createDirect("user.2", "user.3");
        // a seed that puts both client kinds among the four users
        for (seed = 1; ; seed++) {
            mobileUsers = 0;
            for (int i = 0; i < USERS; i++) {
                mobileUsers += ClientLogin.mobile(seed, i, 0.5) ? 1 : 0;
            }
            if (mobileUsers == 2) {
                break;
            }
        }
    }

    @AfterAll
    static void stop() {
        if (ws != null) {
            ws.close();
        }
    }

    @Test
    void webAndMobileClientsLogInAndOpenRoomsAsTheirClientsDo() throws Exception {
        RunMetrics metrics = run("ddp", "ddp-run");
        Map<String, RunSummary.ActionCounts> c = metrics.counters().totals();
        int web = USERS - mobileUsers;
        int logins = 2 * USERS; // the password login and the reconnect's resume login
        c.forEach((name, n) -> assertThat(n.failed()).as("failed " + name).isZero());
        assertThat(ok(c, "login")).isEqualTo(logins);
        // the web client: before login, then its post-login load (method.call), each call on its own
        for (String part : List.of("actionButtons", "rolesList", "getModules", "listCustomSounds",
            "listCustomUserStatus", "isEnterprise")) {
            assertThat(ok(c, part)).as(part).isEqualTo(2 * web);
        }
        // the mobile app's REST load; both kinds load permissions, subscriptions and rooms
        assertThat(ok(c, "me")).isEqualTo(2 * mobileUsers);
        for (String part : List.of("settings", "permissions", "subscriptions", "rooms", "subscribe")) {
            assertThat(ok(c, part)).as(part).isEqualTo(logins);
        }
        assertThat(ok(c, "authenticate")).as("password logins of users and the bot").isEqualTo(USERS + 1);
        // the web client's password login goes over method.callAnon, then resumes on the socket; reconnects resume
        assertThat(ok(c, "resume")).as("web logins and reconnects").isEqualTo(web + USERS);
        assertThat(ok(c, "connect")).isEqualTo(logins + 1);
        // three room openings per user (first, switch, after the reconnect), each as its client opens a room
        int opens = 3 * USERS;
        for (String part : List.of("openRoom", "loadHistory", "roomRoles", "read")) {
            assertThat(ok(c, part)).as(part).isEqualTo(opens);
        }
        assertThat(ok(c, "subscribeRoom")).as("room subscriptions, and the bot's all-rooms one").isEqualTo(opens + 1);
        assertThat(ok(c, "members")).isEqualTo(3 * mobileUsers);
        assertThat(ok(c, "commands")).isEqualTo(3 * mobileUsers);
        assertThat(c.keySet()).allSatisfy(m -> assertThat(MetricNames.isRecorded(m)).as(m).isTrue());
        // the login spans its sequence: connect, credentials, then the load that ends with the room list
        Map<String, Histogram> h = metrics.latency().takeIntervals();
        assertThat(h.get("login").getMinValue()).isGreaterThanOrEqualTo(h.get("connect").getMinValue()
            + Math.min(h.get("authenticate").getMinValue(), h.get("resume").getMinValue()) + h.get("rooms").getMinValue());
    }

    @Test
    void aRestTransportRunCallsNoDdpMethodButTheStreamLoginAndTyping() throws Exception {
        Map<String, Double> before = ddpMethods();
        RunMetrics metrics = run("rest", "rest-run");
        Map<String, Double> after = ddpMethods();
        Map<String, Double> sent = new HashMap<>();
        after.forEach((m, n) -> {
            double d = n - before.getOrDefault(m, 0.0);
            if (d > 0) {
                sent.put(m, d);
            }
        });
        // counted at the workspace: DDP method frames by name
        assertThat(sent.keySet()).as("DDP methods a REST run sent").isSubsetOf(REST_RUN_METHODS).contains("login");
        // a stream login per connection: users twice, the bot once
        assertThat(sent.get("login")).isEqualTo(2.0 * USERS + 1);
        Map<String, RunSummary.ActionCounts> c = metrics.counters().totals();
        c.forEach((name, n) -> assertThat(n.failed()).as("failed " + name).isZero());
        assertThat(ok(c, "login")).isEqualTo(2 * USERS);
        assertThat(ok(c, "rooms")).isEqualTo(2 * USERS);
        assertThat(ok(c, "subscriptions")).isEqualTo(2 * USERS);
        assertThat(ok(c, "loadHistory")).isEqualTo(3 * USERS);
        assertThat(c).doesNotContainKey("getModules");
        assertThat(ok(c, "sendMessage")).isEqualTo(USERS);
        assertThat(metrics.clock().offsetMs()).as("clock offset from REST sends").isNotNull();
        assertThat(metrics.clock().uncertaintyMs()).isLessThan(1_000.0);
    }

    @Test
    void restHistoryOfAPrivateGroupUsesItsOwnRoute() throws Exception {
        RestClient anonymous = RestClient.create(ws.baseUri());
        RestActions user = new RestActions(anonymous.withCredentials(new RestActions(anonymous).login("user.0", PW).get()));
        // groups.history: Rocket.Chat and the embedded workspace refuse channels.history for a group, so the wrong route fails here
        assertThat(user.history(groupId, "p", 10).get()).isNotNull();
    }

    private static long ok(Map<String, RunSummary.ActionCounts> c, String metric) {
        RunSummary.ActionCounts n = c.get(metric);
        return n == null ? 0 : n.ok();
    }

    private static RunMetrics run(String transport, String name) throws Exception {
        Map<Integer, List<Membership.RoomKey>> rooms = new HashMap<>();
        for (int i = 0; i < USERS; i++) {
            rooms.put(i, List.of(new Membership.RoomKey("c", SeedPlan.roomName(0)),
                new Membership.RoomKey("p", "login-group"), new Membership.RoomKey("d", "user." + (i ^ 1))));
        }
        LoadPlan.Rates rates = new LoadPlan.Rates(1, 0, 0, 1, 100, 0, List.of(), 0, 1, 0, 0, 0, 0.5, io.rcbench.run.ActionRates.NONE);
        LoadPlan plan = new LoadPlan(name, ws.baseUri(), transport, "user.", "bot.",
            new Membership(rooms, new Membership.Shares(1, 1, 1)), PW, USERS, 0, 100, Duration.ZERO,
            Duration.ofSeconds(1), rates, 1, List.of(), seed, Duration.ofSeconds(5), Duration.ofMillis(50),
            Duration.ofSeconds(5), null);
        RunMetrics metrics = new RunMetrics(plan.lateness(), plan.deliveryTimeout());
        ClientLoginSimulation.DONE.set(0);
        RunContext ctx = new RunContext(plan, metrics, Duration.ZERO);
        // GatlingDriver.run without Gatling's HTML report (seconds of test time for nothing asserted here)
        RunContext.publish(ctx);
        try {
            int exit = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"--simulation",
                ClientLoginSimulation.class.getName(), "--results-folder", dir.resolve(name).toString(), "--no-reports"});
            assertThat(exit).isZero();
        } finally {
            RunContext.clear(ctx);
        }
        return metrics;
    }

    /** DDP method frames the workspace has answered, by method (its Prometheus summary of connection methods). */
    private static Map<String, Double> ddpMethods() throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + ws.metricsPort() + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("rocketchat_meteor_methods_count\\{([^}]*)} ([0-9.eE+]+)").matcher(text);
        Map<String, Double> out = new HashMap<>();
        while (m.find()) {
            String labels = m.group(1);
            Matcher method = Pattern.compile("method=\"([^\"]+)\"").matcher(labels);
            if (labels.contains("has_connection=\"true\"") && method.find()) {
                out.merge(method.group(1), Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        return out;
    }
}
