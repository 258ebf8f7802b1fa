package io.rcbench.workspace.ddp;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs a session's tasks one at a time, in submission order, on a shared executor. A task returns a stage;
 * the next task starts when it completes, so a delayed method holds back later ones on the same session
 * (Meteor's per-session ordering) without holding a thread. Thread-safe.
 */
final class SerialInbox {
    private final Queue<Supplier<CompletionStage<?>>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Executor executor;

    SerialInbox(Executor executor) {
        this.executor = executor;
    }

    void submit(Supplier<CompletionStage<?>> task) {
        queue.add(task);
        schedule();
    }

    private void schedule() {
        if (!queue.isEmpty() && running.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        Supplier<CompletionStage<?>> task;
        while ((task = queue.poll()) != null) {
            CompletionStage<?> done;
            try {
                done = task.get();
            } catch (RuntimeException e) {
                done = CompletableFuture.completedFuture(null);
            }
            CompletableFuture<?> f = done.toCompletableFuture();
            if (!f.isDone()) {
                f.whenComplete((r, e) -> executor.execute(this::drain));
                return;
            }
        }
        running.set(false);
        schedule();
    }
}
