package io.rcbench.run;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * Cross-user delivery latency: a sent message is expected by every member listening to its room at send time except
 * the sender; each such member's first receipt records send-to-receipt latency; what has not arrived after the
 * timeout is lost. A member that stops listening (disconnects, reconnects) before a message reaches it is no longer
 * expected to receive it: a client that was away reloads history, it is not sent what it missed.
 * Thread-safe: senders and receivers call from their event loops, {@link #expire(long)} from the sampler.
 * Memory is bounded by the messages sent within one timeout (entries leave on expiry, received or not, so that a
 * late copy is still recognised as a duplicate).
 *
 * <p>Changes of a message (an edit or a reaction, sent again on the room's message stream; a delete, on
 * {@code <rid>/deleteMessage}) are deliveries too, expected of the members who have the room open when the change is
 * made ({@link #viewing}) except its actor: {@link #changed} registers one, {@link #receivedChange} matches a receipt
 * to the oldest change of that message and kind still waiting for that member. They count in the same totals as
 * messages (expected, received, lost, unmatched, duplicates), so a lost edit is judged like a lost message.
 */
public final class DeliveryTracker {
    private final Map<String, Set<String>> listeners = new ConcurrentHashMap<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final LongAdder expected = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder unmatched = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder holdExpected = new LongAdder();
    private final LongAdder holdReceived = new LongAdder();
    private final LongAdder holdLost = new LongAdder();
    private final long timeoutNanos;
    private volatile java.util.function.LongPredicate inHold = sentNanos -> false;
    /** Who has each room open (receives its changes on the room's streams). */
    private final Map<String, Set<String>> viewers = new ConcurrentHashMap<>();
    /** Changes on their way, by message id, oldest first. */
    private final Map<String, java.util.Queue<Change>> changes = new ConcurrentHashMap<>();

    /** A stream event's kind: a changed message on the room's message stream. */
    public static final String UPDATE = "update";
    /** A stream event's kind: a deleted message on {@code <rid>/deleteMessage}. */
    public static final String DELETE = "delete";

    /** A change of a message on its way: who still has to receive it; its actor does not. */
    private record Change(String kind, String roomId, String actorId, long sentNanos, Set<String> waiting,
                          boolean inHold) {
    }

    /** A message on its way: who still has to receive it; {@code inHold} when it was sent in the hold window. */
    private record Pending(String roomId, long sentNanos, Set<String> waiting, boolean inHold) {
    }

    public DeliveryTracker(java.time.Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Which send times ({@link System#nanoTime()}) fall in the hold window; deliveries of messages sent then are also
     * counted apart ({@link #hold()}), so lost deliveries are judged over the hold like every other SLO. Set before
     * the first send; none is in the hold until it is.
     */
    public void holdWindow(java.util.function.LongPredicate sentInHold) {
        this.inHold = sentInHold;
    }

    /** {@code userId} now receives the messages of {@code roomId} (connected and subscribed). */
    public void listen(String roomId, String userId) {
        listeners.computeIfAbsent(roomId, k -> ConcurrentHashMap.newKeySet()).add(userId);
    }

    /** {@code userId} no longer receives (disconnected or left): messages still on their way to it are not expected. */
    public void unlisten(String roomId, String userId) {
        unlisten(List.of(roomId), userId);
    }

    /** {@link #unlisten(String, String)} for several rooms at once: one pass over the messages in flight. */
    public void unlisten(Collection<String> roomIds, String userId) {
        for (String roomId : roomIds) {
            Set<String> s = listeners.get(roomId);
            if (s != null) {
                s.remove(userId);
            }
        }
        Set<String> rooms = roomIds instanceof Set<String> set ? set : Set.copyOf(roomIds);
        for (Map.Entry<String, Pending> e : inFlight.entrySet()) {
            Pending p = e.getValue();
            if (rooms.contains(p.roomId) && p.waiting.remove(userId)) {
                expected.decrement();
                if (p.inHold) {
                    holdExpected.decrement();
                }
            }
        }
    }

    /** {@code userId} has {@code roomId} open: the room's changes are expected of it from now on. */
    public void viewing(String roomId, String userId) {
        viewers.computeIfAbsent(roomId, k -> ConcurrentHashMap.newKeySet()).add(userId);
    }

    /** {@code userId} closed {@code roomId} (switched, disconnected): changes on their way are not expected of it. */
    public void unviewing(String roomId, String userId) {
        Set<String> s = viewers.get(roomId);
        if (s != null) {
            s.remove(userId);
        }
        for (java.util.Queue<Change> q : changes.values()) {
            for (Change c : q) {
                if (c.roomId.equals(roomId) && c.waiting.remove(userId)) {
                    unexpect(c.inHold);
                }
            }
        }
    }

    private void unexpect(boolean hold) {
        expected.decrement();
        if (hold) {
            holdExpected.decrement();
        }
    }

    /**
     * Registers a change of {@code messageId} ({@link #UPDATE} or {@link #DELETE}) by {@code actorId}, about to be
     * sent at {@code sentNanos}; expected of everyone with the room open but the actor. Returns how many.
     */
    public int changed(String messageId, String kind, String roomId, String actorId, long sentNanos) {
        Set<String> s = viewers.get(roomId);
        if (s == null) {
            return 0;
        }
        Set<String> waiting = ConcurrentHashMap.newKeySet();
        waiting.addAll(s);
        waiting.remove(actorId);
        if (waiting.isEmpty()) {
            return 0;
        }
        boolean hold = inHold.test(sentNanos);
        Change change = new Change(kind, roomId, actorId, sentNanos, waiting, hold);
        // compute, not computeIfAbsent().add(): the expiry drops empty queues atomically with this add
        changes.compute(messageId, (k, q) -> {
            java.util.Queue<Change> out = q != null ? q : new java.util.concurrent.ConcurrentLinkedQueue<>();
            out.add(change);
            return out;
        });
        expected.add(waiting.size());
        if (hold) {
            holdExpected.add(waiting.size());
        }
        return waiting.size();
    }

    /** The change registered by {@code actorId} at {@code sentNanos} failed: its receipts are no longer expected. */
    public void cancelChange(String messageId, String actorId, long sentNanos) {
        java.util.Queue<Change> q = changes.get(messageId);
        if (q == null) {
            return;
        }
        for (Change c : q) {
            if (c.actorId.equals(actorId) && c.sentNanos == sentNanos && q.remove(c)) {
                for (String uid : Set.copyOf(c.waiting)) {
                    if (c.waiting.remove(uid)) {
                        unexpect(c.inHold);
                    }
                }
            }
        }
    }

    /** True when {@code messageId} (a new message) is still expected of {@code receiverId}. */
    public boolean awaits(String messageId, String receiverId) {
        Pending p = inFlight.get(messageId);
        return p != null && p.waiting.contains(receiverId);
    }

    /**
     * {@code receiverId} saw a change of {@code messageId} of {@code kind} at {@code nowNanos}; passes the latency in
     * µs to {@code sink} when it matches the oldest such change still expected of that receiver. An actor's own
     * change coming back is ignored; a change nobody registered (another injector's, a thread's counters, after the
     * expiry) is unmatched; one more receipt than registered changes is a duplicate.
     */
    public void receivedChange(String messageId, String kind, String receiverId, long nowNanos,
                               LongConsumer sinkMicros) {
        java.util.Queue<Change> q = changes.get(messageId);
        if (q == null) {
            unmatched.increment();
            return;
        }
        boolean own = false;
        for (Change c : q) {
            if (!c.kind.equals(kind)) {
                continue;
            }
            if (c.waiting.remove(receiverId)) {
                received.increment();
                if (c.inHold) {
                    holdReceived.increment();
                }
                sinkMicros.accept((nowNanos - c.sentNanos) / 1000);
                return;
            }
            own |= c.actorId.equals(receiverId);
        }
        if (!own) {
            duplicates.increment();
        }
    }

    /** Registers a message about to be sent at {@code sentNanos}; returns how many receipts are expected. */
    public int sent(String messageId, String roomId, String senderId, long sentNanos) {
        Set<String> s = listeners.get(roomId);
        if (s == null) {
            return 0;
        }
        Set<String> waiting = ConcurrentHashMap.newKeySet();
        waiting.addAll(s);
        waiting.remove(senderId);
        if (!waiting.isEmpty()) {
            boolean hold = inHold.test(sentNanos);
            inFlight.put(messageId, new Pending(roomId, sentNanos, waiting, hold));
            expected.add(waiting.size());
            if (hold) {
                holdExpected.add(waiting.size());
            }
        }
        return waiting.size();
    }

    /** The send failed: its receipts are no longer expected. */
    public void cancel(String messageId) {
        Pending p = inFlight.remove(messageId);
        if (p != null) {
            expected.add(-p.waiting.size());
            if (p.inHold) {
                holdExpected.add(-p.waiting.size());
            }
        }
    }

    /**
     * {@code receiverId} saw {@code messageId} at {@code nowNanos}; passes the latency in µs to {@code sink} when it
     * was expected of that receiver. A second receipt of a known message (the open room's arrive on two streams, a
     * member that was not expected) is a duplicate; a receipt of a message this tracker does not know (after its
     * expiry, or a message sent elsewhere: another injector, an upload, a webhook, a bot) is unmatched.
     */
    public void received(String messageId, String receiverId, long nowNanos, LongConsumer sinkMicros) {
        Pending p = inFlight.get(messageId);
        if (p == null) {
            unmatched.increment();
            return;
        }
        if (!p.waiting.remove(receiverId)) {
            duplicates.increment();
            return;
        }
        // the entry stays until its expiry, so that a later copy is known as a duplicate, not unmatched
        received.increment();
        if (p.inHold) {
            holdReceived.increment();
        }
        sinkMicros.accept((nowNanos - p.sentNanos) / 1000);
    }

    /** Counts receipts still missing after the timeout as lost; returns how many were lost now. */
    public long expire(long nowNanos) {
        return expire(nowNanos, false);
    }

    /** Everything still in flight is lost (end of run, after the drain). */
    public long expireAll() {
        return expire(System.nanoTime(), true);
    }

    private long expire(long nowNanos, boolean all) {
        long n = 0;
        for (var it = inFlight.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (all || nowNanos - e.getValue().sentNanos > timeoutNanos) {
                Set<String> waiting = e.getValue().waiting;
                // remove each so a receipt racing with the expiry cannot count as well
                for (String uid : Set.copyOf(waiting)) {
                    if (waiting.remove(uid)) {
                        n++;
                        if (e.getValue().inHold) {
                            holdLost.increment();
                        }
                    }
                }
                it.remove();
            }
        }
        for (String messageId : changes.keySet()) {
            java.util.Queue<Change> q = changes.get(messageId);
            if (q == null) {
                continue;
            }
            for (Change c : q) {
                if (all || nowNanos - c.sentNanos > timeoutNanos) {
                    for (String uid : Set.copyOf(c.waiting)) {
                        if (c.waiting.remove(uid)) {
                            n++;
                            if (c.inHold) {
                                holdLost.increment();
                            }
                        }
                    }
                    q.remove(c);
                }
            }
            changes.computeIfPresent(messageId, (k, v) -> v.isEmpty() ? null : v);
        }
        lost.add(n);
        return n;
    }

    public RunSummary.Deliveries totals() {
        return new RunSummary.Deliveries(expected.sum(), received.sum(), lost.sum());
    }

    /** Deliveries of the messages sent in the hold window ({@link #holdWindow}). */
    public RunSummary.Deliveries hold() {
        return new RunSummary.Deliveries(holdExpected.sum(), holdReceived.sum(), holdLost.sum());
    }

    /** Receipts of messages this tracker does not know: expired, or sent elsewhere (see {@link #received}). */
    public long unmatched() {
        return unmatched.sum();
    }

    /** Second receipts of known messages, and receipts by members not expected to receive them. */
    public long duplicates() {
        return duplicates.sum();
    }

    /** Messages still waiting for a receipt. */
    public int inFlight() {
        return (int) (inFlight.values().stream().filter(p -> !p.waiting.isEmpty()).count()
            + changes.values().stream().flatMap(java.util.Collection::stream).filter(c -> !c.waiting.isEmpty()).count());
    }
}
