package io.rcbench.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.RandomId;
import io.rcbench.ddp.client.DdpClient;
import io.rcbench.ddp.client.Registration;
import io.rcbench.ddp.client.StreamEvent;
import io.rcbench.run.RunMetrics;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What one simulated person knows beyond their connection: the room they have open, the bot mentions they are
 * waiting on, the files they mean to download. It receives the open room's messages: each is a delivery (recorded
 * against the sender's send time), may be a bot's answer, may carry a file. A bot answers mentions addressed to it.
 * Confined to its virtual user's event loop (the DDP client is pinned there), so it needs no locks.
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
    private String rid;
    private Registration listener;

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
        return rid;
    }

    String uid() {
        return uid;
    }

    double uniform() {
        return random.nextDouble();
    }

    /** Starts receiving {@code roomId}'s messages on {@code client} (called before its subscription is sent). */
    void open(DdpClient client, String userId, String roomId, RunContext run) {
        close(run);
        this.uid = userId;
        this.rid = roomId;
        this.listener = client.onStream("stream-room-messages", roomId, e -> onMessage(e, client, run));
    }

    /** Counts this user as a receiver of the open room (once its subscription is ready). */
    void listening(RunContext run) {
        if (!bot) {
            run.metrics().deliveries().listen(rid, uid);
        }
    }

    void close(RunContext run) {
        if (listener != null) {
            listener.remove();
            listener = null;
            if (!bot) {
                run.metrics().deliveries().unlisten(rid, uid);
            }
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

    private void onMessage(StreamEvent event, DdpClient client, RunContext run) {
        JsonNode msg = event.args().tree().path(0);
        String id = msg.path("_id").asText(null);
        String sender = msg.path("u").path("_id").asText("");
        if (id == null || sender.equals(uid) || msg.has("editedAt")) {
            return; // own echo, or an update of a message already delivered
        }
        RunMetrics metrics = run.metrics();
        if (!bot) {
            // bots see every room's messages but are not among the receivers a delivery is expected of
            metrics.deliveries().received(id, uid, event.receivedNanos(), micros -> metrics.record("delivery", micros));
        }
        String text = msg.path("msg").asText("");
        if (text.startsWith("re:") && !mentions.isEmpty()) {
            int sp = text.indexOf(' ');
            Long sent = mentions.remove(sp < 0 ? text.substring(3) : text.substring(3, sp));
            if (sent != null) {
                metrics.record("botReply", (event.receivedNanos() - sent) / 1000);
            }
        }
        JsonNode file = msg.path("file");
        if (!file.isMissingNode() && !bot && downloads.size() < MAX_PENDING
            && random.nextDouble() < run.plan().rates().downloadShare()) {
            downloads.add("/file-upload/" + file.path("_id").asText() + "/" + file.path("name").asText("file"));
        }
        if (bot && text.contains("@" + username + " !")) {
            answer(client, msg.path("rid").asText(rid), id, text, run);
        }
    }

    /** A chat-ops bot's answer to a command: one message, measured as the bot's own {@code botAnswer} action. */
    private void answer(DdpClient client, String roomId, String messageId, String text, RunContext run) {
        long start = System.nanoTime();
        RunMetrics metrics = run.metrics();
        metrics.started("botAnswer", start, start);
        String command = text.substring(text.indexOf('!') + 1).split("\\s", 2)[0];
        client.call("sendMessage", Json.object().put("_id", RandomId.id()).put("rid", roomId)
            .put("msg", "re:" + messageId + " " + command + ": ok, all checks green")).whenComplete((r, t) -> {
                if (t == null) {
                    metrics.succeeded("botAnswer", start, start, System.nanoTime());
                } else {
                    metrics.failed("botAnswer", Failures.reason(t));
                }
            });
    }

    @Override
    public String toString() {
        return "ChatUser[" + username + (bot ? " bot" : "") + " room=" + rid + "]";
    }
}
