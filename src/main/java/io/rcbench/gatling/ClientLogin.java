package io.rcbench.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.Session;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.LoginRequests;
import io.rcbench.ddp.client.DdpClient;
import io.rcbench.ddp.client.Deadline;
import io.rcbench.rocketchat.ActionTransport;
import io.rcbench.rocketchat.CallTimer;
import io.rcbench.rocketchat.ChatMethods;
import io.rcbench.rocketchat.ClientCalls;
import io.rcbench.rocketchat.Credentials;
import io.rcbench.rocketchat.MobileClientLogin;
import io.rcbench.rocketchat.RestClient;
import io.rcbench.rocketchat.WebClientLogin;
import io.rcbench.rocketchat.WebClientSubscriptions;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.RunMetrics;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A simulated person's login and room opening as its client does them: the web client ({@link WebClientLogin}) or,
 * for the plan's mobile share of users, the mobile app ({@link MobileClientLogin}). One measured {@code login} spans
 * the whole sequence from the connect until the room list is known (what a person waits for before the client shows
 * it); every call inside it is recorded under its own name as well ({@code connect}, {@code authenticate},
 * {@code subscribe}, {@code rooms}...), and a failed call is counted under its own name with its reason and fails the
 * login. One measured {@code openRoom} spans a room's calls (history, roles, read...). With {@code transport: rest}
 * no DDP method is called apart from the {@code login {resume}} that authenticates the stream connection.
 */
public final class ClientLogin {
    /** Session key: true for a user on the mobile app. */
    static final String MOBILE = "rcb.mobile";
    /** The history page a client loads when it opens a room (the web client's 50). */
    private static final int PAGE = 50;

    private ClientLogin() {
    }

    /** Draws whether the user behind {@code rcb.index} is on the mobile app: repeatable per account and seed. */
    public static Function<Session, Session> chooseClient() {
        return s -> {
            LoadPlan plan = RunContext.current().plan();
            return s.set(MOBILE, mobile(plan.seed(), s.getInt(Chat.INDEX), plan.rates().mobileShare()));
        };
    }

    /** Whether account {@code index} is on the mobile app in a run of {@code seed} with {@code share} mobile users. */
    static boolean mobile(long seed, int index, double share) {
        return share > 0 && new SplittableRandom(seed * 7_919L + index).nextDouble() < share;
    }

    /** The user's client kind (web unless {@link #chooseClient()} said mobile). */
    static WebClientSubscriptions.Profile profile(Session s) {
        return s.contains(MOBILE) && s.getBoolean(MOBILE) ? WebClientSubscriptions.Profile.MOBILE
            : WebClientSubscriptions.Profile.WEB;
    }

    /** A first login with the account's password: connect, the client's calls, the user's rooms found. */
    public static StepActionBuilder passwordLogin() {
        return login(false);
    }

    /** A client coming back (reload, network change): the same sequence, authenticated by the stored token. */
    public static StepActionBuilder resumeLogin() {
        return login(true);
    }

    private static StepActionBuilder login(boolean resume) {
        return StepActionBuilder.withContext("login", ctx -> {
            RunContext run = RunContext.current();
            return s -> {
                LoadPlan plan = run.plan();
                ActionTransport transport = transport(plan);
                boolean mobile = profile(s) == WebClientSubscriptions.Profile.MOBILE;
                CallTimer timer = timer(run.metrics());
                ClientCalls none = new ClientCalls(rest(plan), null, timer);
                java.util.concurrent.atomic.AtomicReference<DdpClient> opened = new java.util.concurrent.atomic.AtomicReference<>();
                CompletableFuture<Session> out = none.timed("connect", () -> Ddp.open(run, ctx, s))
                    .thenCompose(connected -> {
                        opened.set(Ddp.client(connected));
                        ClientCalls anonymous = new ClientCalls(rest(plan), Ddp.client(connected), timer);
                        CompletableFuture<Void> before = mobile ? CompletableFuture.completedFuture(null)
                            : WebClientLogin.beforeLogin(anonymous, transport);
                        return before.thenCompose(v -> authenticate(anonymous, connected, resume, transport, !mobile))
                            .thenCompose(c -> {
                                ClientCalls calls = anonymous.as(c);
                                Session in = connected.set(Ddp.UID, c.userId()).set(Ddp.TOKEN, c.authToken())
                                    .set(Ddp.USERNAME, c.username());
                                CompletableFuture<JsonNode> rooms = mobile ? MobileClientLogin.afterLogin(calls, c.userId())
                                    : WebClientLogin.afterLogin(calls, c.userId(), transport);
                                // the user's state is confined to its event loop
                                return rooms.thenApplyAsync(r -> Chat.joinRooms(in, r), s.asScala().eventLoop());
                            });
                    });
                // a login that fails or outlives its bound leaves no half-open connection behind, now or when
                // its connect completes late
                return Deadline.within(out, bound(plan), s.asScala().eventLoop())
                    .whenComplete((after, t) -> {
                        if (t != null) {
                            closeOpened(opened);
                            out.handle((late, e) -> closeOpened(opened));
                        }
                    });
            };
        }).timeout(bound(RunContext.current().plan()).plus(StepActionBuilder.GRACE));
    }

    /**
     * How long a whole login may take before it fails as a timeout: twice the action timeout, as it is a chain of
     * dependent calls (connect, credentials, the load), each bounded by the action timeout itself.
     */
    private static java.time.Duration bound(LoadPlan plan) {
        return plan.actionTimeout().multipliedBy(2);
    }

    private static Void closeOpened(java.util.concurrent.atomic.AtomicReference<DdpClient> opened) {
        DdpClient c = opened.get();
        if (c != null) {
            c.close();
        }
        return null;
    }

    /** The first room a logged-in user opens: its subscriptions, then its calls as the user's client makes them. */
    public static io.gatling.javaapi.core.ChainBuilder openFirstRoom() {
        return io.gatling.javaapi.core.CoreDsl.exec(Chat.openPickedRoom()).exec(roomCalls());
    }

    /**
     * A bot's login: connect, then over DDP the password digest, over REST {@code /api/v1/login} and the stream
     * connection's resume; measured as {@code authenticate} (bots are not people waiting for a room list). The bot
     * answers over REST in a REST run ({@link ChatUser#answerOverRest}).
     */
    public static io.gatling.javaapi.core.ChainBuilder botLogin() {
        StepActionBuilder auth = StepActionBuilder.withContext("authenticate", ctx -> {
            RunContext run = RunContext.current();
            return s -> {
                CallTimer parts = timer(run.metrics());
                // the step itself is the authenticate action; its resume part is recorded on its own
                CallTimer timer = (metric, start, end, failure) -> {
                    if (!metric.equals("authenticate")) {
                        parts.timed(metric, start, end, failure);
                    }
                };
                ClientCalls calls = new ClientCalls(rest(run.plan()), Ddp.client(s), timer);
                return authenticate(calls, s, false, transport(run.plan()), false).thenApply(c -> {
                    ((ChatUser) s.get(ChatUser.KEY)).answerOverRest(transport(run.plan()) == ActionTransport.REST
                        ? rest(run.plan()).withCredentials(c) : null);
                    return s.set(Ddp.UID, c.userId()).set(Ddp.TOKEN, c.authToken()).set(Ddp.USERNAME, c.username());
                });
            };
        });
        return io.gatling.javaapi.core.CoreDsl.exec(Ddp.connect()).exec(auth);
    }

    /**
     * The credentials: with the stored token a DDP {@code login {resume}} ({@code resume}); else the password
     * ({@code authenticate}) then the resume that authenticates the stream connection ({@code resume}): over REST
     * {@code /api/v1/login}; over DDP the web client's {@code method.callAnon/login} with the password digest (its
     * ddpOverREST sends a password login over REST and then {@code Meteor.loginWithToken} on the socket), the
     * mobile app's and a bot's DDP {@code login} with the digest (no resume needed: the socket is logged in).
     */
    private static CompletableFuture<Credentials> authenticate(ClientCalls calls, Session s, boolean resume,
                                                               ActionTransport transport, boolean webClient) {
        String username = Chat.username(s);
        // a client whose first login failed has no token to resume with: it logs in with the password again
        if (resume && s.contains(Ddp.TOKEN) && s.contains(Ddp.UID)) {
            return resume(calls, new Credentials(s.getString(Ddp.UID), username, s.getString(Ddp.TOKEN)));
        }
        if (transport == ActionTransport.REST) {
            return calls.post("authenticate", "/api/v1/login",
                    Json.object().put("user", username).put("password", Chat.password(s)))
                .thenCompose(r -> {
                    JsonNode data = r.path("data");
                    return resume(calls, new Credentials(data.path("userId").asText(), username,
                        data.path("authToken").asText()));
                });
        }
        if (webClient) {
            return calls.method("authenticate", "login", LoginRequests.password(username, Chat.password(s)))
                .thenCompose(r -> {
                    JsonNode in = ChatMethods.loggedIn(r);
                    return resume(calls, new Credentials(in.path("id").asText(), username, in.path("token").asText()));
                });
        }
        return calls.ddpMethod("authenticate", "login", LoginRequests.password(username, Chat.password(s)))
            .thenApply(r -> {
                JsonNode in = ChatMethods.loggedIn(r);
                return new Credentials(in.path("id").asText(), username, in.path("token").asText());
            });
    }

    private static CompletableFuture<Credentials> resume(ClientCalls calls, Credentials c) {
        return calls.ddpMethod("resume", "login", LoginRequests.resume(c.authToken()))
            .thenApply(r -> new Credentials(c.userId(), c.username(), ChatMethods.loggedIn(r).path("token").asText()));
    }

    /**
     * The open room's calls as the user's client makes them (web: history and {@code rooms.roles}, then
     * {@code subscriptions.read}; mobile: members, roles, history, {@code commands.list}, then the read), measured
     * together as {@code openRoom} and each under its own name. Detached: the client sends them with the room's
     * subscriptions, and the person goes on.
     */
    public static StepActionBuilder roomCalls() {
        return StepActionBuilder.withContext("openRoom", ctx -> {
            RunContext run = RunContext.current();
            return s -> {
                ChatUser user = s.get(ChatUser.KEY);
                ChatUser.Room room = user.openRoom();
                if (room == null) {
                    throw new Failures.ActionFailure(io.rcbench.run.ErrorReason.CLIENT_ERROR, "no room open");
                }
                ClientCalls calls = new ClientCalls(rest(run.plan()), Ddp.client(s), timer(run.metrics()))
                    .as(new Credentials(s.getString(Ddp.UID), s.getString(Ddp.USERNAME), s.getString(Ddp.TOKEN)));
                CompletableFuture<JsonNode> done = profile(s) == WebClientSubscriptions.Profile.MOBILE
                    ? MobileClientLogin.openRoom(calls, room.rid(), room.type(), PAGE)
                    : WebClientLogin.openRoom(calls, room.rid(), room.type(), PAGE, transport(run.plan()));
                // what the client shows of the room (the actions pick from it); the user's state lives on its loop
                return done.thenApplyAsync(h -> {
                    user.view().shown(h);
                    return s;
                }, s.asScala().eventLoop());
            };
        }).detached();
    }

    /** Each call of a sequence as its own action: counted, and timed from its start (it has no schedule of its own). */
    private static CallTimer timer(RunMetrics metrics) {
        return (metric, start, end, failure) -> {
            metrics.started(metric, start, start);
            if (failure == null) {
                metrics.succeeded(metric, start, start, end);
            } else {
                metrics.failed(metric, Failures.reason(failure));
            }
        };
    }

    private static RestClient rest(LoadPlan plan) {
        return RestClient.create(plan.baseUrl(), RestClient.sharedHttpClient(), plan.actionTimeout());
    }

    private static ActionTransport transport(LoadPlan plan) {
        return plan.transport().equals("rest") ? ActionTransport.REST : ActionTransport.DDP;
    }
}
