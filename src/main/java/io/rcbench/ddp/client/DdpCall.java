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
