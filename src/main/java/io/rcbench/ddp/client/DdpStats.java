package io.rcbench.ddp.client;

import io.rcbench.ddp.codec.MalformedReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one or many clients (a {@link DdpClients} shares one instance among its clients by default).
 * Written on event loops, read from anywhere.
 */
public final class DdpStats {
    private final LongAdder framesIn = new LongAdder();
    private final LongAdder framesOut = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder protocolErrors = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder callTimeouts = new LongAdder();
    private final LongAdder listenerErrors = new LongAdder();
    private final LongAdder[] malformed = adders(MalformedReason.values().length);
    private final LongAdder[] disconnects = adders(DisconnectReason.values().length);

    private static LongAdder[] adders(int n) {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    void frameIn() {
        framesIn.increment();
    }

    void frameOut() {
        framesOut.increment();
    }

    void countIgnored() {
        ignored.increment();
    }

    void protocolError() {
        protocolErrors.increment();
    }

    void reconnected() {
        reconnects.increment();
    }

    void callTimedOut() {
        callTimeouts.increment();
    }

    void listenerFailed() {
        listenerErrors.increment();
    }

    void countMalformed(MalformedReason r) {
        malformed[r.ordinal()].increment();
    }

    void disconnected(DisconnectReason r) {
        disconnects[r.ordinal()].increment();
    }

    /** DDP messages received (SockJS batches count each message). */
    public long framesIn() {
        return framesIn.sum();
    }

    public long framesOut() {
        return framesOut.sum();
    }

    /** Frames without {@code msg}, {@code server_id} frames and collection moves: dropped as Meteor does. */
    public long ignored() {
        return ignored.sum();
    }

    /** {@code {"msg":"error"}} frames (Parse error, Must connect first...). */
    public long protocolErrors() {
        return protocolErrors.sum();
    }

    public long reconnects() {
        return reconnects.sum();
    }

    public long callTimeouts() {
        return callTimeouts.sum();
    }

    public long listenerErrors() {
        return listenerErrors.sum();
    }

    public long malformed(MalformedReason r) {
        return malformed[r.ordinal()].sum();
    }

    public long malformedTotal() {
        long n = 0;
        for (LongAdder a : malformed) {
            n += a.sum();
        }
        return n;
    }

    public long disconnects(DisconnectReason r) {
        return disconnects[r.ordinal()].sum();
    }

    public Map<MalformedReason, Long> malformedByReason() {
        Map<MalformedReason, Long> m = new EnumMap<>(MalformedReason.class);
        for (MalformedReason r : MalformedReason.values()) {
            m.put(r, malformed(r));
        }
        return m;
    }

    public Map<DisconnectReason, Long> disconnectsByReason() {
        Map<DisconnectReason, Long> m = new EnumMap<>(DisconnectReason.class);
        for (DisconnectReason r : DisconnectReason.values()) {
            m.put(r, disconnects(r));
        }
        return m;
    }

    @Override
    public String toString() {
        return "DdpStats{in=" + framesIn() + ", out=" + framesOut() + ", ignored=" + ignored() + ", protocolErrors="
            + protocolErrors() + ", reconnects=" + reconnects() + ", callTimeouts=" + callTimeouts() + ", malformed="
            + malformedByReason() + ", disconnects=" + disconnectsByReason() + "}";
    }
}
