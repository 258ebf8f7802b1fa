package io.rcbench.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.RandomId;
import io.rcbench.ddp.client.DdpClient;
import io.rcbench.ddp.client.Registration;
import io.rcbench.ddp.client.StreamEvent;
import io.rcbench.ddp.client.Subscription;
import io.rcbench.rocketchat.ChatMethods;
import io.rcbench.run.Membership;
import io.rcbench.run.RunMetrics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What one simulated person knows beyond their connection: the rooms they are in, the one they have open, the bot
 * mentions they are waiting on, the files they mean to download. A member receives a new message of the open room on
 * {@code stream-room-messages <rid>} and of all its rooms as the room's {@code lastMessage} on
 * {@code <uid>/rooms-changed} (the web client's sidebar): the first to arrive is the delivery, recorded against the sender's send
 * time. A message may be a bot's answer or carry a file. A bot listens to all its rooms ({@code __my_messages__})
 * and answers mentions addressed to it. Confined to its virtual user's event loop (the DDP client is pinned there),
 * so it needs no locks.
 */
public final class ChatUser {
    static final String KEY = "rcb.user";
    /** The stream event name that carries every room's messages to its members (what bots listen to). */
    static final String ALL_ROOMS = "__my_messages__";
    private static final int MAX_PENDING = 64;
    private final String username;
    private final boolean bot;
    private final SplittableRandom random;
    private final ArrayDeque<String> downloads = new ArrayDeque<>();
    private final Map<String, Long> mentions = new HashMap<>();
    private String uid;
    private List<Room> rooms = List.of();
    private Room open;
    private List<Subscription> openSubscriptions = List.of();
    private final List<Registration> listeners = new ArrayList<>();
    private Registration roomListener;
    private boolean listening;

    /** One of the user's rooms on the target: its id and type ({@code c}, {@code p} or {@code d}). */
    public record Room(String rid, String type) {
    }

    ChatUser(String username, boolean bot, long seed) {
        this.username = username;
        this.bot = bot;
        this.random = new SplittableRandom(seed);
    }

    public String username() {
        return username;
    }

    public boolean isBot() {
        return bot;
    }

    /** The room this user has open, or null before {@link #open}. */
    public String rid() {
        return open == null ? null : open.rid();
    }

    /** The room this user has open, or null. */
    Room openRoom() {
        return open;
    }

    List<Room> rooms() {
        return rooms;
    }

    String uid() {
        return uid;
    }

    double uniform() {
        return random.nextDouble();
    }

    /**
     * Starts receiving the messages of all {@code rooms} on {@code client}: those of rooms not open arrive on
     * {@code <uid>/rooms-changed}, which the web client's subscriptions include.
     */
    void join(DdpClient client, String userId, List<Room> rooms, RunContext run) {
        close(run);
        this.uid = userId;
        this.rooms = List.copyOf(rooms);
        listeners.add(client.onStream("stream-notify-user", userId + "/rooms-changed", e -> onRoomChanged(e, client, run)));
    }

    /** A bot: receives every room it is in on {@code __my_messages__}. */
    void listenToAll(DdpClient client, String userId, RunContext run) {
        close(run);
        this.uid = userId;
        listeners.add(listenToRoom(client, ALL_ROOMS, run));
    }

    /** Receives {@code eventName}'s messages on {@code stream-room-messages} (one room, or all of a bot's). */
    private Registration listenToRoom(DdpClient client, String eventName, RunContext run) {
        return client.onStream("stream-room-messages", eventName, e -> onMessage(ReceivedMessage.first(e.args()),
            e.receivedNanos(), client, run));
    }

    /**
     * A room to open, drawn by the plan's message shares among the types this user has rooms of, then uniformly
     * among its rooms of that type; null when it has none.
     */
    Room pick(Membership.Shares shares) {
        Map<String, Integer> perType = new HashMap<>();
        rooms.forEach(r -> perType.merge(r.type(), 1, Integer::sum));
        double[] weights = new double[rooms.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            String type = rooms.get(i).type();
            weights[i] = shares.of(type) / perType.get(type);
            total += weights[i];
        }
        if (total <= 0) {
            return rooms.isEmpty() ? null : rooms.get((int) (uniform() * rooms.size()));
        }
        double x = uniform() * total;
        for (int i = 0; i < weights.length; i++) {
            if ((x -= weights[i]) < 0) {
                return rooms.get(i);
            }
        }
        return rooms.get(rooms.size() - 1);
    }

    /**
     * Makes {@code room} the open one: stops the previous room's subscriptions and listens to {@code room}'s messages
     * (called before its subscriptions are sent; {@link #subscribed} keeps those, to stop them on the next switch).
     */
    void open(DdpClient client, Room room, RunContext run) {
        // a room left before its subscriptions were ready (a quick switch: the user does not wait for them) stops
        // them once they are: stopping earlier would cancel their ready, and the open would count neither as a
        // success nor as the target's failure
        openSubscriptions.forEach(sub -> sub.ready().whenComplete((v, t) -> sub.stop()));
        openSubscriptions = List.of();
        if (roomListener != null) {
            roomListener.remove();
        }
        this.open = room;
        this.roomListener = listenToRoom(client, room.rid(), run);
    }

    void subscribed(List<Subscription> subscriptions) {
        this.openSubscriptions = List.copyOf(subscriptions);
    }

    /** Counts this user as a receiver of all its rooms (once its subscriptions are ready). */
    void listening(RunContext run) {
        if (!bot && !listening) {
            listening = true;
            for (Room r : rooms) {
                run.metrics().deliveries().listen(r.rid(), uid);
            }
        }
    }

    /** Stops receiving: what is on its way to this user is no longer expected of it. */
    void close(RunContext run) {
        listeners.forEach(Registration::remove);
        listeners.clear();
        if (roomListener != null) {
            roomListener.remove();
            roomListener = null;
        }
        openSubscriptions = List.of(); // the connection is closing: its subscriptions end with it
        if (listening) {
            listening = false;
            run.metrics().deliveries().unlisten(rooms.stream().map(Room::rid).toList(), uid);
        }
    }

    /** A mention of a bot was sent at {@code sentNanos}; its answer will carry {@code re:<messageId>}. */
    void mentioned(String messageId, long sentNanos) {
        if (mentions.size() < MAX_PENDING) {
            mentions.put(messageId, sentNanos);
        }
    }

    /** A file this user will download at its next activity, if any. */
    String nextDownload() {
        return downloads.pollFirst();
    }

    /**
     * {@code [action, room]} on {@code rooms-changed}: a new message is the room's lastMessage. The open room's come on
     * its message stream as well; whichever arrives first is the delivery (the tracker takes one receipt per member),
     * so a message racing with a room switch is not lost between the two.
     */
    private void onRoomChanged(StreamEvent event, DdpClient client, RunContext run) {
        JsonNode args = event.args().tree();
        JsonNode room = args.path(1);
        if (!"updated".equals(args.path(0).asText())) {
            return; // a join or a removal
        }
        JsonNode last = room.path("lastMessage");
        if (last.isMissingNode()) {
            return;
        }
        if (room.path("_id").asText("").equals(rid())) {
            deliver(last, event.receivedNanos(), run); // the room stream does the rest (replies, files)
        } else {
            onMessage(last, event.receivedNanos(), client, run);
        }
    }

    /** Records the receipt of {@code msg} as a delivery; false for an own echo or an update of a message. */
    private boolean deliver(JsonNode msg, long receivedNanos, RunContext run) {
        String id = msg.path("_id").asText(null);
        String sender = msg.path("u").path("_id").asText("");
        if (id == null || sender.equals(uid) || msg.has("editedAt")) {
            return false;
        }
        if (!bot) {
            // bots see every room's messages but are not among the receivers a delivery is expected of
            RunMetrics metrics = run.metrics();
            metrics.deliveries().received(id, uid, receivedNanos, micros -> metrics.record("delivery", micros));
        }
        return true;
    }

    private void onMessage(JsonNode msg, long receivedNanos, DdpClient client, RunContext run) {
        if (!deliver(msg, receivedNanos, run)) {
            return;
        }
        RunMetrics metrics = run.metrics();
        String id = msg.path("_id").asText();
        String text = msg.path("msg").asText("");
        if (text.startsWith("re:") && !mentions.isEmpty()) {
            int sp = text.indexOf(' ');
            Long sent = mentions.remove(sp < 0 ? text.substring(3) : text.substring(3, sp));
            if (sent != null) {
                metrics.record("botReply", (receivedNanos - sent) / 1000);
            }
        }
        JsonNode file = msg.path("file");
        if (!file.isMissingNode() && !bot && downloads.size() < MAX_PENDING
            && random.nextDouble() < run.plan().rates().downloadShare()) {
            downloads.add("/file-upload/" + file.path("_id").asText() + "/" + file.path("name").asText("file"));
        }
        if (bot && text.contains("@" + username + " !")) {
            answer(client, msg.path("rid").asText(), id, text, run);
        }
    }

    /** A chat-ops bot's answer to a command: one message, measured as the bot's own {@code botAnswer} action. */
    private void answer(DdpClient client, String roomId, String messageId, String text, RunContext run) {
        long start = System.nanoTime();
        RunMetrics metrics = run.metrics();
        metrics.started("botAnswer", start, start);
        String command = text.substring(text.indexOf('!') + 1).split("\\s", 2)[0];
        String answerId = RandomId.id();
        var call = client.invoke(ChatMethods.SEND_MESSAGE, client.callTimeout(), ChatMethods.sendMessageParams(answerId,
            roomId, "re:" + messageId + " " + command + ": ok, all checks green"));
        call.result().thenApply(r -> ChatMethods.sentMessage(r.tree(), answerId)).whenComplete((r, t) -> {
            if (t == null) {
                // raw on the wire: from the frame leaving to the result being read
                metrics.succeeded("botAnswer", start, call.sentNanos() != 0 ? call.sentNanos() : start,
                    call.answeredNanos() != 0 ? call.answeredNanos() : System.nanoTime());
            } else {
                metrics.failed("botAnswer", Failures.reason(t));
            }
        });
    }

    @Override
    public String toString() {
        return "ChatUser[" + username + (bot ? " bot" : "") + " rooms=" + rooms.size() + " open=" + rid() + "]";
    }
}
