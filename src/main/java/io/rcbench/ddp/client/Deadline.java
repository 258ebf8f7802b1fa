package io.rcbench.ddp.client;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code CompletableFuture.orTimeout} on an event loop of ours. The JDK's version runs its timers on a thread of its
 * own ({@code CompletableFutureDelayScheduler}), woken through a lock whenever its queue was empty: one more thread
 * per injector and a cross-thread wake-up per timed wait. Here the timer is the loop's, cancelled when the future
 * completes first.
 */
public final class Deadline {
    private Deadline() {
    }

    /**
     * A future that completes as {@code f} does, or fails with {@link TimeoutException} once {@code limit} has passed.
     * {@code f} itself is left alone (it may still complete later).
     */
    public static <T> CompletableFuture<T> within(CompletableFuture<T> f, Duration limit, EventExecutor loop) {
        CompletableFuture<T> out = new CompletableFuture<>();
        ScheduledFuture<?> timer = loop.schedule(() -> {
            out.completeExceptionally(new TimeoutException("no answer within " + limit.toMillis() + " ms"));
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
        f.whenComplete((v, t) -> {
            timer.cancel(false);
            if (t != null) {
                out.completeExceptionally(t);
            } else {
                out.complete(v);
            }
        });
        return out;
    }
}
