package io.rcbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.RandomId;
import io.rcbench.ddp.client.DdpClient;
import io.rcbench.ddp.client.Subscription;
import io.rcbench.rocketchat.ChatMethods;
import io.rcbench.rocketchat.WebClientSubscriptions;
import io.rcbench.run.ErrorReason;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.Membership;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The chat activities of a simulated person, built on {@link Ddp} and Gatling's HTTP DSL: enter its rooms
 * ({@code rooms/get}, the open room's four subscriptions), switch rooms, load history, mark read, type, send text
 * (DDP or REST by the plan's transport), upload and download files, and post webhooks. Every activity is measured; the first one after
 * {@link RcbenchDsl#nextArrival()} is measured from its intended start.
 */
public final class Chat {
    /** The feeder key carrying the user's account index. */
    public static final String INDEX = "rcb.index";
    private static final String UPLOAD_SIZE = "rcb.uploadSize";
    private static final String UPLOAD_CLASS = "rcb.uploadClass";
    private static final String FILE_ID = "rcb.fileId";
    private static final String DOWNLOAD = "rcb.download";
    private static final String SENT_MS = "rcb.sentMs";
    private static final String SERVER_TS = "rcb.serverTs";
    private static final byte[] NOISE = noise(10 * 1024 * 1024);

    private Chat() {
    }

    private static RunContext run() {
        return RunContext.current();
    }

    private static ChatUser user(Session s) {
        return s.get(ChatUser.KEY);
    }

    /** Creates the person behind account {@code rcb.index}: a user, or a bot when {@code bot}. */
    public static Function<Session, Session> becomeUser(boolean bot) {
        return s -> {
            int i = s.getInt(INDEX);
            LoadPlan plan = run().plan();
            String name = (bot ? plan.botPrefix() : plan.userPrefix()) + i;
            return s.set(ChatUser.KEY, new ChatUser(name, bot, plan.seed() * 1_000_003L + i * 2L + (bot ? 1 : 0)));
        };
    }

    /** The account's username (for {@link Ddp#login}). */
    public static String username(Session s) {
        return user(s).username();
    }

    /** The seeded accounts' password (from the environment; never logged). */
    public static String password(Session s) {
        return run().plan().password();
    }

    /**
     * Finds the user's rooms ({@code rooms/get}) and opens one with its four room subscriptions, without the client's
     * login sequence or room calls: for benchmarks that only receive ({@code bench-injector-cpu}'s fan-out).
     */
    public static ChainBuilder enterRooms() {
        return exec(findRooms()).exec(openPickedRoom());
    }

    /**
     * Opens a room of the rooms the user has found: on a first entry drawn by the plan's message shares, after a
     * reconnect the one that was open; the user then counts as a receiver of all its rooms.
     */
    static ChainBuilder openPickedRoom() {
        return exec(openRoom(s -> {
                ChatUser u = user(s);
                ChatUser.Room was = u.openRoom();
                return was != null && u.rooms().contains(was) ? was : u.pick(run().plan().membership().shares());
            }))
            .exec(s -> {
                user(s).listening(run());
                return s;
            });
    }

    /**
     * A room switch: another of the user's rooms (drawn by the message shares) is opened the way the user's client
     * opens one ({@link ClientLogin#roomCalls()}: history, roles, read...). The person picks the room; the client sends
     * the room's subscriptions and its calls at once, without waiting for one another.
     */
    public static ChainBuilder switchRoom() {
        return exec(openRoom(s -> user(s).pick(run().plan().membership().shares())).detached())
            .exec(ClientLogin.roomCalls());
    }

    /** Opens {@code room}: the previous room's subscriptions stop, the new room's four are sent (one step). */
    private static StepActionBuilder openRoom(Function<Session, ChatUser.Room> room) {
        return StepActionBuilder.withContext("subscribeRoom", ctx -> s -> {
            ChatUser u = user(s);
            DdpClient c = Ddp.client(s);
            u.open(c, room.apply(s), run());
            List<Subscription> subs = WebClientSubscriptions.perRoom(ClientLogin.profile(s), u.rid()).stream()
                .map(sub -> c.subscribe(sub.name(), Ddp.toArray(sub.params()))).toList();
            u.subscribed(subs);
            return CompletableFuture.allOf(subs.stream().map(sub -> Ddp.ready(s, sub)).toArray(CompletableFuture[]::new))
                .thenApply(v -> s);
        });
    }

    /** {@code rooms/get}: the user's rooms of the plan, as ids on the target (nothing subscribed yet). */
    public static ChainBuilder findRooms() {
        return exec(StepActionBuilder.withContext("rooms", ctx -> s -> Ddp.invoke(s, "rooms/get")
            .thenApply(r -> joinRooms(s, r.tree()))));
    }

    /**
     * The user's rooms of the plan among {@code rooms} (a {@code rooms/get} or {@code rooms.get} answer) become the
     * rooms it receives; fails when it is not in all of them. Call on the user's event loop.
     */
    static Session joinRooms(Session s, JsonNode rooms) {
        ChatUser u = user(s);
        List<Membership.RoomKey> mine = run().plan().membership().of(s.getInt(INDEX));
        List<ChatUser.Room> found = resolve(rooms, mine);
        if (mine.isEmpty() || found.size() < mine.size()) {
            throw new Failures.ActionFailure(ErrorReason.SERVER_ERROR, u.username() + " is in "
                + found.size() + " of its " + mine.size() + " rooms: was the target provisioned?");
        }
        u.join(Ddp.client(s), s.getString(Ddp.UID), found, run());
        return s;
    }

    /**
     * A sender without rooms of its own (the accuracy benchmark's bots): {@code rooms/get}, then the first of the plan's
     * channels and groups it is in becomes its open room, not subscribed.
     */
    public static ChainBuilder findAnyRoom() {
        return exec(StepActionBuilder.withContext("rooms", ctx -> s -> Ddp.invoke(s, "rooms/get")
            .thenApply(r -> {
                java.util.Set<String> named = new java.util.HashSet<>();
                run().plan().membership().byUser().values().forEach(keys -> keys.stream()
                    .filter(k -> !k.type().equals("d")).forEach(k -> named.add(k.key())));
                for (JsonNode room : roomList(r.tree())) {
                    if (named.contains(room.path("name").asText(""))) {
                        user(s).join(Ddp.client(s), s.getString(Ddp.UID), List.of(), run());
                        user(s).open(Ddp.client(s), new ChatUser.Room(room.path("_id").asText(), room.path("t").asText("c")), run());
                        return s;
                    }
                }
                throw new Failures.ActionFailure(ErrorReason.SERVER_ERROR,
                    user(s).username() + " is in none of the plan's rooms: was the target provisioned?");
            })));
    }

    /**
     * A bot's view: every message of every room it is in ({@code stream-room-messages __my_messages__}); it answers
     * commands addressed to it in the room they came from. Bots are not counted as receivers of deliveries.
     */
    public static ChainBuilder listenToAllRooms() {
        return exec(StepActionBuilder.withContext("subscribeRoom", ctx -> s -> {
            user(s).listenToAll(Ddp.client(s), s.getString(Ddp.UID), run());
            return Ddp.ready(s, Ddp.client(s).subscribeStream("stream-room-messages", ChatUser.ALL_ROOMS, null))
                .thenApply(v -> s);
        }));
    }

    /** The user's rooms among {@code rooms/get}'s: channels and groups by name, direct messages by the other member. */
    private static List<ChatUser.Room> resolve(JsonNode rooms, List<Membership.RoomKey> mine) {
        java.util.Map<String, ChatUser.Room> byKey = new java.util.HashMap<>();
        for (JsonNode r : roomList(rooms)) {
            String type = r.path("t").asText("");
            ChatUser.Room room = new ChatUser.Room(r.path("_id").asText(), type);
            if (type.equals("d")) {
                r.path("usernames").forEach(n -> byKey.put("d:" + n.asText(), room));
            } else if (r.hasNonNull("name")) {
                byKey.put(type + ":" + r.path("name").asText(), room);
            }
        }
        List<ChatUser.Room> out = new java.util.ArrayList<>();
        for (Membership.RoomKey k : mine) {
            ChatUser.Room room = byKey.get(k.type() + ":" + k.key());
            if (room != null) {
                out.add(room);
            }
        }
        return out;
    }

    private static JsonNode roomList(JsonNode rooms) {
        return rooms.isArray() ? rooms : rooms.path("update");
    }

    /** Marks the open room read ({@code readMessages}, or {@code subscriptions.read} over REST). */
    public static ChainBuilder read() {
        if (rest()) {
            return Measured.http(s -> "read", exec(Measured.checked(auth(http("read").post("/api/v1/subscriptions.read")
                .body(StringBody(s -> Json.object().put("rid", user(s).rid()).toString())).asJson()))), null);
        }
        return exec(Ddp.call("readMessages", s -> new Object[] {user(s).rid()}, null).named("read").detached());
    }

    /**
     * Typing in the open room: the client announces it (not waited for) and the person types for
     * {@code typingMillis}; the message that follows is intended {@code typingMillis} after the typing's intended
     * start, and the user is busy until then (an arrival that falls into the typing is not waiting on the target).
     */
    public static ChainBuilder typing() {
        long typingNanos = Duration.ofMillis(run().plan().rates().typingMillis()).toNanos();
        return exec(StepActionBuilder.withContext("typing", ctx -> s -> Ddp.invoke(s, ChatMethods.TYPING_METHOD,
                ChatMethods.typingParams(user(s).rid(), user(s).username(), true)).thenApply(r -> s)).detached())
            .exec(s -> s.set(Arrivals.INTENDED, Arrivals.current(s) + typingNanos)
                .set(Arrivals.USER_BUSY_UNTIL, Arrivals.current(s) + typingNanos))
            .pause(Duration.ofMillis(run().plan().rates().typingMillis()));
    }

    /**
     * Sends a text message to the open room with a client-chosen id; every other connected member's receipt is a
     * delivery. A share of messages mention a bot with a command, whose answer is timed as {@code botReply}.
     */
    public static ChainBuilder sendText() {
        if (rest()) {
            return exec(s -> s.set("rcb.msg", compose(s)).set(SENT_MS, System.currentTimeMillis()))
                .exec(Measured.http(s -> "sendMessage", exec(Measured.checked(auth(http("sendMessage")
                    .post(ChatMethods.SEND_MESSAGE_PATH).body(StringBody(s -> {
                        Message m = s.get("rcb.msg");
                        m.register(s);
                        return ChatMethods.sendMessageBody(m.id, m.rid, m.text).toString();
                    })).asJson()).check(bodyString().transform(ChatMethods::insertedOverRest).is(true),
                        jsonPath("$.message.ts").optional().saveAs(SERVER_TS)))),
                    (s, ok) -> {
                        if (!ok) {
                            run().metrics().deliveries().cancel(((Message) s.get("rcb.msg")).id);
                        } else {
                            ((Message) s.get("rcb.msg")).sent(s);
                            // the clock offset from REST sends too: a REST run calls no DDP method to sample it on
                            long serverMs = s.contains(SERVER_TS) ? ChatMethods.restTimestamp(s.getString(SERVER_TS)) : 0;
                            if (serverMs > 0) {
                                run().metrics().clock().sample(s.getLong(SENT_MS), System.currentTimeMillis(), serverMs);
                            }
                        }
                    }));
        }
        return exec(StepActionBuilder.withContext("sendMessage", ctx -> s -> {
            Message m = compose(s);
            m.register(s);
            long sentMs = System.currentTimeMillis();
            return Ddp.invoke(s, ChatMethods.SEND_MESSAGE, ChatMethods.sendMessageParams(m.id, m.rid, m.text))
                .handle((r, t) -> {
                    JsonNode sent;
                    try {
                        if (t != null) {
                            throw t instanceof RuntimeException re ? re : new java.util.concurrent.CompletionException(t);
                        }
                        sent = ChatMethods.sentMessage(r.tree(), m.id);
                    } catch (RuntimeException e) {
                        // nothing was inserted: no member will receive it
                        run().metrics().deliveries().cancel(m.id);
                        throw e;
                    }
                    m.sent(s);
                    long serverMs = sent.path("ts").path("$date").asLong(0);
                    if (serverMs > 0) {
                        run().metrics().clock().sample(sentMs, System.currentTimeMillis(), serverMs);
                    }
                    return s;
                });
        }).detached());
    }

    /** A message about to be sent. */
    private record Message(String id, String rid, String text, boolean mention) {
        void register(Session s) {
            long now = System.nanoTime();
            ChatUser u = user(s);
            run().metrics().deliveries().sent(id, rid, u.uid(), now);
            if (mention) {
                u.mentioned(id, now);
            }
        }

        /** The server stored it: the sender may edit or delete it later ({@link Actions}). */
        void sent(Session s) {
            user(s).view().sent(id, rid);
        }
    }

    private static Message compose(Session s) {
        ChatUser u = user(s);
        LoadPlan plan = run().plan();
        String id = RandomId.id();
        // bots are in every channel and group, not in direct messages
        boolean mention = plan.bots() > 0 && !"d".equals(u.openRoom().type()) && u.uniform() < plan.rates().mentionShare();
        String text = mention
            ? "@" + plan.botPrefix() + (int) (u.uniform() * plan.bots()) + " !status build " + id.substring(0, 6)
            : TEXTS.get((int) (u.uniform() * TEXTS.size()));
        return new Message(id, u.rid(), text, mention);
    }

    private static final List<String> TEXTS = List.of("ok", "sounds good, merging after lunch",
        "the build on main is green again", "can someone review the capacity report before the meeting?",
        "I moved the standup to 10:30; the calendar invite is updated and the notes are in the usual folder",
        "deploying the hotfix now", "thanks!", "which profile did the last run use?");

    /**
     * Uploads a file to the open room ({@code rooms.media} then {@code rooms.mediaConfirm}); its class drawn from the
     * mix's file classes by share, its size log-uniform within the class. Measured as {@code upload.<class>}.
     */
    public static ChainBuilder upload() {
        return exec(s -> {
            LoadPlan.FileClass c = fileClass(user(s), run().plan().rates());
            return s.set(UPLOAD_CLASS, c.metric()).set(UPLOAD_SIZE, uploadSize(user(s), c));
        }).exec(Measured.http(s -> s.getString(UPLOAD_CLASS), exec(Measured.checked(auth(http("rooms.media")
                    .post(s -> "/api/v1/rooms.media/" + user(s).rid())
                    .bodyPart(ByteArrayBodyPart("file", s -> java.util.Arrays.copyOf(NOISE, s.getInt(UPLOAD_SIZE)))
                        .fileName(s -> "rcbench-" + s.getInt(UPLOAD_SIZE) + ".bin")
                        .contentType("application/octet-stream"))
                    .asMultipartForm()).check(jsonPath("$.file._id").saveAs(FILE_ID))))
                .exec(Measured.checked(auth(http("rooms.mediaConfirm")
                    .post(s -> "/api/v1/rooms.mediaConfirm/" + user(s).rid() + "/" + s.getString(FILE_ID))
                    .body(StringBody("{\"msg\":\"have a look\"}")).asJson()))), null));
    }

    static LoadPlan.FileClass fileClass(ChatUser u, LoadPlan.Rates r) {
        double x = u.uniform();
        for (LoadPlan.FileClass c : r.files()) {
            if ((x -= c.share()) < 0) {
                return c;
            }
        }
        return r.files().get(r.files().size() - 1);
    }

    static int uploadSize(ChatUser u, LoadPlan.FileClass c) {
        double logSize = Math.log(c.minBytes()) + u.uniform() * (Math.log(c.maxBytes()) - Math.log(c.minBytes()));
        return (int) Math.min(NOISE.length, Math.max(1, Math.round(Math.exp(logSize))));
    }

    /** Downloads a file this user saw posted, if one is waiting. */
    public static ChainBuilder downloadIfAny() {
        return exec(s -> {
            String d = user(s).nextDownload();
            return d == null ? s.remove(DOWNLOAD) : s.set(DOWNLOAD, d);
        }).doIf(s -> s.contains(DOWNLOAD)).then(Measured.http(s -> "download",
            exec(Measured.checked(auth(http("download").get(s -> s.getString(DOWNLOAD))))), null));
    }

    /** Posts an incoming webhook (CI or alert) into its room; measured as {@code webhook}. */
    public static ChainBuilder postWebhook(String kind) {
        return Measured.http(s -> "webhook", exec(Measured.checked(http("webhook." + kind)
            .post(s -> hookPath(s)).body(StringBody(s -> Json.object().put("text", kind.equals("ci")
                ? "CI: pipeline #" + s.userId() + " passed on main" : "ALERT: p99 latency above budget on node-"
                + s.userId() % 7).toString())).asJson())), null);
    }

    private static String hookPath(Session s) {
        List<LoadPlan.Webhook> hooks = run().plan().webhooks();
        LoadPlan.Webhook h = hooks.get((int) (s.userId() % hooks.size()));
        return "/hooks/" + h.id() + "/" + h.token();
    }

    /**
     * A client coming back after its connection dropped (sleep, network change, reload): its client's whole login
     * sequence again with the stored token instead of the password ({@link ClientLogin#resumeLogin()}, measured as
     * {@code login}), then the room that was open, opened as its client opens a room. Messages sent while it was away
     * are not expected of it.
     */
    public static ChainBuilder reconnect() {
        return exec(leave())
            .exec(ClientLogin.resumeLogin())
            .exec(openPickedRoom())
            .exec(ClientLogin.roomCalls());
    }

    /**
     * Stops receiving and closes the connection, once the calls the user made are answered (a close holds the
     * user back until then: see {@link RcbenchDsl#settle()}).
     */
    public static ChainBuilder leave() {
        return exec(RcbenchDsl.settle()).exec(s -> {
            ChatUser u = s.get(ChatUser.KEY);
            if (u != null) {
                u.close(run());
            }
            return s;
        }).exec(Ddp.close());
    }

    private static io.gatling.javaapi.http.HttpRequestActionBuilder auth(
        io.gatling.javaapi.http.HttpRequestActionBuilder r) {
        return r.header("X-User-Id", s -> s.getString(Ddp.UID)).header("X-Auth-Token", s -> s.getString(Ddp.TOKEN));
    }

    private static boolean rest() {
        return run().plan().transport().equals("rest");
    }

    private static byte[] noise(int n) {
        byte[] b = new byte[n];
        new java.util.SplittableRandom(42).nextBytes(b);
        return b;
    }

}
