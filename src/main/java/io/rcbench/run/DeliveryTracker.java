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
        return (int) inFlight.values().stream().filter(p -> !p.waiting.isEmpty()).count();
    }
}
