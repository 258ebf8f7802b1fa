package io.rcbench.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.client.DdpClient;
import io.rcbench.ddp.client.Registration;
import io.rcbench.ddp.client.StreamEvent;
import io.rcbench.ddp.client.Subscription;
import io.rcbench.profile.MetricNames;
import io.rcbench.run.DeliveryTracker;
import io.rcbench.run.RunMetrics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What a person sees of the room they have open, and what they act on besides sending: its recent messages (what
 * they react to, reply to in threads, whose authors' presence they watch), their own recent messages in any room
 * (what they edit and delete), how far back they have scrolled, and when the unread counts were last synced. It
 * tells changes of messages (edits, reactions, thread counters on {@code stream-room-messages <rid>}; deletes on
 * {@code <rid>/deleteMessage}) from new ones and hands them to the delivery tracker. Confined to its virtual user's
 * event loop, like {@link ChatUser}, which owns it.
 */
final class RoomView {
    /** The recent messages a client shows: what reactions and thread replies go to. */
    private static final int RECENT = 50;
    /** Own messages remembered for edits and deletes. */
    private static final int OWN = 16;
    private final ArrayDeque<Seen> recent = new ArrayDeque<>();
    private final Set<String> recentIds = new LinkedHashSet<>();
    private final ArrayDeque<Own> own = new ArrayDeque<>();
    private final PresenceWatch presence = new PresenceWatch();
    private ChatUser.Room room;
    private String uid;
    private Registration deletes;
    private boolean viewing;
    /** The {@code ts} (ms) the next older page ends at; 0: not scrolled back yet. */
    private long pageEndMs;
    /** The REST offset of the next older page; 0: not scrolled back yet. */
    private int pageOffset;
    private long lastSyncMs;

    /** A message seen in the open room: its author and whether it is a thread reply or has replies. */
    record Seen(String id, String authorId, long tsMs, boolean reply, int replies) {
    }

    /** One of the user's own messages. */
    record Own(String id, String rid) {
    }

    /** Opens {@code room}: forgets the previous room's messages and listens to the new room's deletes. */
    void open(DdpClient client, ChatUser.Room room, String userId, RunContext run) {
        unview(run);
        if (deletes != null) {
            deletes.remove();
        }
        this.room = room;
        this.uid = userId;
        recent.clear();
        recentIds.clear();
        pageEndMs = 0;
        pageOffset = 0;
        deletes = client.onStream("stream-notify-room", room.rid() + "/deleteMessage", e -> onDeleted(e, run));
    }

    /**
     * The room's subscriptions were sent: once all are ready this member receives its changes, and counts as a
     * receiver of them (a change made before would not reach it).
     */
    void subscribed(List<Subscription> subscriptions, RunContext run) {
        ChatUser.Room opened = room;
        CompletableFuture.allOf(subscriptions.stream().map(Subscription::ready).toArray(CompletableFuture[]::new))
            .whenComplete((v, t) -> {
                if (t == null && opened == room && uid != null && !viewing) {
                    viewing = true;
                    run.metrics().deliveries().viewing(opened.rid(), uid);
                }
            });
    }

    /** The connection closes: nothing more is expected of this member; the presence watch ends with it. */
    void close(RunContext run) {
        unview(run);
        if (deletes != null) {
            deletes.remove();
            deletes = null;
        }
        presence.reset();
    }

    private void unview(RunContext run) {
        if (viewing) {
            viewing = false;
            run.metrics().deliveries().unviewing(room.rid(), uid);
        }
    }

    /**
     * A message on the open room's stream. Returns true when it was a change of a message (an edit, a reaction, a
     * thread's counters), now matched to its action; false for a new message, left to {@link ChatUser}'s delivery.
     */
    boolean onRoomMessage(JsonNode msg, long receivedNanos, RunContext run) {
        String id = msg.path("_id").asText(null);
        if (id == null || uid == null) {
            return false;
        }
        DeliveryTracker deliveries = run.metrics().deliveries();
        if (deliveries.awaits(id, uid)) {
            remember(msg);
            return false;
        }
        boolean known = recentIds.contains(id);
        if (known || msg.has("editedAt") || msg.has("reactions") || msg.has("tcount")) {
            RunMetrics metrics = run.metrics();
            deliveries.receivedChange(id, DeliveryTracker.UPDATE, uid, receivedNanos,
                micros -> metrics.record(MetricNames.CHANGE_DELIVERY, micros));
            if (known) {
                replace(msg);
            }
            return true;
        }
        remember(msg);
        return false;
    }

    private void onDeleted(StreamEvent e, RunContext run) {
        String id = e.args().tree().path(0).path("_id").asText(null);
        if (id == null) {
            return;
        }
        forget(id);
        RunMetrics metrics = run.metrics();
        metrics.deliveries().receivedChange(id, DeliveryTracker.DELETE, uid, e.receivedNanos(),
            micros -> metrics.record(MetricNames.CHANGE_DELIVERY, micros));
    }

    /**
     * The page of history the room's opening loaded ({@code loadHistory}'s {@code {messages}}, newest first): what
     * the client shows before anything new arrives. Messages of another room (a switch since) are left out.
     */
    void shown(JsonNode page) {
        List<JsonNode> messages = new ArrayList<>();
        page.path("messages").forEach(messages::add);
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if (room != null && room.rid().equals(m.path("rid").asText()) && m.hasNonNull("_id")
                && !m.hasNonNull("t")) {
                remember(m);
            }
        }
    }

    private void remember(JsonNode msg) {
        Seen s = seen(msg);
        if (recentIds.add(s.id())) {
            recent.addLast(s);
            if (recent.size() > RECENT) {
                recentIds.remove(recent.removeFirst().id());
            }
        }
    }

    private void replace(JsonNode msg) {
        Seen s = seen(msg);
        List<Seen> copy = new ArrayList<>(recent);
        recent.clear();
        copy.forEach(x -> recent.addLast(x.id().equals(s.id()) ? s : x));
    }

    private static Seen seen(JsonNode msg) {
        return new Seen(msg.path("_id").asText(), msg.path("u").path("_id").asText(""),
            msg.path("ts").path("$date").asLong(0), msg.hasNonNull("tmid"), msg.path("tcount").asInt(0));
    }

    private void forget(String id) {
        if (recentIds.remove(id)) {
            recent.removeIf(s -> s.id().equals(id));
        }
        own.removeIf(o -> o.id().equals(id));
    }

    /** This user sent {@code id} to {@code rid} (edits and deletes go to own messages). */
    void sent(String id, String rid) {
        own.addLast(new Own(id, rid));
        if (own.size() > OWN) {
            own.removeFirst();
        }
    }

    /** The newest own message, or null; {@code take} removes it (a delete). */
    Own ownMessage(boolean take) {
        return take ? own.pollLast() : own.peekLast();
    }

    /** A recent message of the open room drawn by {@code x} in [0, 1), or null; {@code topLevel}: no thread reply. */
    Seen recentMessage(double x, boolean topLevel) {
        List<Seen> pool = recent.stream().filter(s -> !topLevel || !s.reply()).toList();
        return pool.isEmpty() ? null : pool.get(Math.min(pool.size() - 1, (int) (x * pool.size())));
    }

    /** A thread to open: the newest recent message with replies, else a recent top-level message, or null. */
    Seen thread(double x) {
        for (Iterator<Seen> it = recent.descendingIterator(); it.hasNext(); ) {
            Seen s = it.next();
            if (s.replies() > 0) {
                return s;
            }
        }
        return recentMessage(x, true);
    }

    /** The authors of the open room's recent messages but this user, newest first, at most {@code max}. */
    List<String> shownMembers(int max) {
        Set<String> out = new LinkedHashSet<>();
        for (Iterator<Seen> it = recent.descendingIterator(); it.hasNext() && out.size() < max; ) {
            String author = it.next().authorId();
            if (!author.isEmpty() && !author.equals(uid)) {
                out.add(author);
            }
        }
        return List.copyOf(out);
    }

    PresenceWatch presence() {
        return presence;
    }

    ChatUser.Room room() {
        return room;
    }

    /** The end of the next older page: where the last page ended, else the oldest message shown, else now. */
    long pageEndMs() {
        if (pageEndMs > 0) {
            return pageEndMs;
        }
        return recent.stream().mapToLong(Seen::tsMs).filter(t -> t > 0).min().orElse(System.currentTimeMillis());
    }

    /** The page before {@code oldestMs} was loaded; 0 (an empty page): the start of the room, back to the newest. */
    void paged(long oldestMs) {
        pageEndMs = oldestMs;
    }

    /** The REST offset of the next older page of {@code count}, advancing it. */
    int nextOffset(int count) {
        pageOffset += count;
        return pageOffset;
    }

    /** An empty REST page: the start of the room; the next page starts from the newest again. */
    void pagedToStart() {
        pageOffset = 0;
    }

    /** When the unread counts were last synced (ms), or {@code fallbackMs} before the first; then now. */
    long syncSince(long fallbackMs) {
        long since = lastSyncMs > 0 ? lastSyncMs : fallbackMs;
        lastSyncMs = System.currentTimeMillis();
        return since;
    }
}
