package io.rcbench.ddp.client;

import io.netty.util.concurrent.ScheduledFuture;
import io.rcbench.ddp.codec.RawJson;
import java.util.concurrent.CompletableFuture;

/**
 * One method call in flight. {@link #result()} completes with the method's result ({@link RawJson#absent()} when
 * it returned nothing) or fails with {@link DdpMethodException} / {@link TooManyRequestsException},
 * {@link DdpTimeoutException} or {@link DisconnectedException}. {@link #updated()} completes when the server reports
 * the method's writes visible ({@code updated}), which may come before or after the result.
 */
public final class DdpCall {
    private final String id;
    private final String method;
    private final CompletableFuture<RawJson> result = new CompletableFuture<>();
    private final CompletableFuture<Void> updated = new CompletableFuture<>();
    ScheduledFuture<?> timeout;
    private volatile long sentNanos;
    private volatile long answeredNanos;

    DdpCall(String id, String method) {
        this.id = id;
        this.method = method;
    }

    public String id() {
        return id;
    }

    public String method() {
        return method;
    }

    public CompletableFuture<RawJson> result() {
        return result;
    }

    public CompletableFuture<Void> updated() {
        return updated;
    }

    /**
     * When the call's frame was handed to the socket ({@link System#nanoTime()}), or 0 if it never was. Set before
     * the result can arrive, so it is known to anything that runs when {@link #result()} completes.
     */
    public long sentNanos() {
        return sentNanos;
    }

    /** When the frame carrying the result (or error) was read from the socket, or 0 before (or without) one. */
    public long answeredNanos() {
        return answeredNanos;
    }

    void sent(long nanos) {
        sentNanos = nanos;
    }

    void answered(long nanos) {
        answeredNanos = nanos;
    }

    /** Both the result and updated arrived (or failed): the call leaves the table. */
    boolean settled() {
        return result.isDone() && updated.isDone();
    }

    void fail(Throwable t) {
        result.completeExceptionally(t);
        updated.completeExceptionally(t);
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
