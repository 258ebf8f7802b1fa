package io.rcbench.run;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * Cross-user delivery latency: a sent message is expected by every connected member of its room except the
 * sender; each member's receipt records send-to-receipt latency; what has not arrived after the timeout is lost.
 * Thread-safe: senders and receivers call from their event loops, {@link #expire(long)} from the sampler.
 * Memory is bounded by messages in flight (entries leave when all receipts arrived or on expiry).
 */
public final class DeliveryTracker {
    private final Map<String, Set<String>> listeners = new ConcurrentHashMap<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final LongAdder expected = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private final long timeoutNanos;

    private record Pending(long sentNanos, AtomicInteger remaining) {
    }

    public DeliveryTracker(java.time.Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /** {@code userId} now receives the messages of {@code roomId} (connected and subscribed). */
    public void listen(String roomId, String userId) {
        listeners.computeIfAbsent(roomId, k -> ConcurrentHashMap.newKeySet()).add(userId);
    }

    /** {@code userId} no longer receives (disconnected or left). */
    public void unlisten(String roomId, String userId) {
        Set<String> s = listeners.get(roomId);
        if (s != null) {
            s.remove(userId);
        }
    }

    /** Registers a message about to be sent at {@code sentNanos}; returns how many receipts are expected. */
    public int sent(String messageId, String roomId, String senderId, long sentNanos) {
        Set<String> s = listeners.get(roomId);
        int n = s == null ? 0 : s.size() - (s.contains(senderId) ? 1 : 0);
        if (n > 0) {
            inFlight.put(messageId, new Pending(sentNanos, new AtomicInteger(n)));
            expected.add(n);
        }
        return n;
    }

    /** The send failed: its receipts are no longer expected. */
    public void cancel(String messageId) {
        Pending p = inFlight.remove(messageId);
        if (p != null) {
            expected.add(-p.remaining.get());
        }
    }

    /**
     * A receiver saw {@code messageId} at {@code nowNanos}; passes the latency in µs to {@code sink} when it was an
     * expected message. A receipt after expiry or of a foreign message (another injector's) is counted apart.
     */
    public void received(String messageId, long nowNanos, LongConsumer sinkMicros) {
        Pending p = inFlight.get(messageId);
        if (p == null) {
            unexpected.increment();
            return;
        }
        int left = p.remaining.decrementAndGet();
        if (left < 0) {
            unexpected.increment();
            return;
        }
        if (left == 0) {
            inFlight.remove(messageId);
        }
        received.increment();
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
                int left = e.getValue().remaining.getAndSet(-1_000_000);
                if (left > 0) {
                    n += left;
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

    /** Receipts not matched to a tracked send (late after expiry, duplicates, other injectors' messages). */
    public long unmatched() {
        return unexpected.sum();
    }

    public int inFlight() {
        return inFlight.size();
    }
}
