package io.rcbench.gatling;

import io.gatling.javaapi.core.Session;
import io.rcbench.ddp.client.DdpCall;
import io.rcbench.ddp.client.DdpClient;
import io.rcbench.ddp.client.Subscription;
import io.rcbench.ddp.codec.RawJson;
import java.util.concurrent.CompletableFuture;

/**
 * The wire times of one measured action: when its first frame was handed to the socket and when the last answer it
 * waited for was read from it. The action's raw latency is the span between, the target's time as the wire sees it:
 * the client's own work (encoding, compression, decoding, dispatch, the hop back to Gatling) is outside it. Steps
 * make their calls and subscriptions through {@link #call} and {@link #ready} (or {@link Ddp#invoke} and
 * {@link Ddp#ready}), which note the times; {@link AsyncAction} puts a fresh one in the session for each step. An
 * action whose step noted nothing (connect, close) falls back to its start and completion as the action saw them.
 * Confined to the virtual user's event loop, where its DDP client completes its futures.
 */
final class WireTimes {
    static final String KEY = "rcb.wire";
    private long firstSentNanos;
    private long lastReadNanos;

    /** The running action's wire times; a step run outside {@link AsyncAction} gets one nobody reads. */
    static WireTimes of(Session s) {
        WireTimes w = s.get(KEY);
        return w == null ? new WireTimes() : w;
    }

    /** Calls {@code method} with the client's default timeout and notes when it left and when its result came. */
    CompletableFuture<RawJson> call(DdpClient client, String method, Object... params) {
        DdpCall call = client.invoke(method, client.callTimeout(), params);
        return call.result().whenComplete((r, t) -> note(call.sentNanos(), call.answeredNanos()));
    }

    /** {@code sub}'s ready, noting when its frame left and when the ready came. */
    CompletableFuture<Void> ready(Subscription sub) {
        return sub.ready().whenComplete((v, t) -> note(sub.sentNanos(), sub.readyNanos()));
    }

    /** One frame sent at {@code sentNanos} and answered at {@code readNanos}; 0 for a time not known. */
    void note(long sentNanos, long readNanos) {
        if (sentNanos != 0 && (firstSentNanos == 0 || sentNanos - firstSentNanos < 0)) {
            firstSentNanos = sentNanos;
        }
        if (readNanos != 0 && (lastReadNanos == 0 || readNanos - lastReadNanos > 0)) {
            lastReadNanos = readNanos;
        }
    }

    /** When the action's first frame left, or {@code otherwise} when none was noted. */
    long firstSent(long otherwise) {
        return firstSentNanos != 0 ? firstSentNanos : otherwise;
    }

    /** When the action's last answer arrived, or {@code otherwise} when none was noted. */
    long lastRead(long otherwise) {
        return lastReadNanos != 0 ? lastReadNanos : otherwise;
    }
}
