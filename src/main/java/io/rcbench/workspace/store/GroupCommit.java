package io.rcbench.workspace.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Group commit: a writer whose change is committed in memory calls {@link #await()} and returns once that
 * change is on disk. One flusher thread makes everything committed so far durable with a single
 * {@link Flush} (write + fsync) and releases every writer that asked before the flush began; writers that ask
 * while a flush runs share the next one. So concurrent writers pay one fsync between them, and a lone writer
 * pays exactly one, with no timer to wait for.
 *
 * <p>Why this is correct: a writer asks only after its change is committed, and the flusher takes the batch of
 * waiting writers before it starts the flush, so every released writer's change was committed before the
 * flush began and is part of it. Thread-safe; {@link #close()} flushes what is pending and stops the thread.
 */
final class GroupCommit implements AutoCloseable {
    /** Makes every change committed so far durable. Called on the flusher thread only. */
    @FunctionalInterface
    interface Flush {
        void run() throws Exception;
    }

    /** Counters since start: {@code writes} waited for, {@code flushes} run to serve them. */
    record Stats(long writes, long flushes) {
    }

    private final Flush flush;
    private final Duration timeout;
    private final Thread flusher;
    private final LongAdder writes = new LongAdder();
    private final LongAdder flushes = new LongAdder();
    private final Object lock = new Object();
    /** The batch the next flush releases; replaced under {@link #lock} when a flush takes it. */
    private CompletableFuture<Void> next = new CompletableFuture<>();
    private boolean pending;
    private boolean closed;

    /** Starts the flusher thread; {@code timeout} bounds how long {@link #await()} waits for its flush. */
    GroupCommit(Flush flush, Duration timeout) {
        this.flush = flush;
        this.timeout = timeout;
        this.flusher = new Thread(this::run, "ws-group-commit");
        flusher.setDaemon(true);
        flusher.start();
    }

    /**
     * Blocks until every change this thread committed before the call is durable. Throws a
     * {@link StoreException} when the flush failed, did not finish within the timeout, or the store is closed.
     */
    void await() {
        CompletableFuture<Void> batch;
        synchronized (lock) {
            if (closed) {
                throw new StoreException("the database is closed: the write may not be durable", null);
            }
            batch = next;
            pending = true;
            lock.notifyAll();
        }
        writes.increment();
        try {
            batch.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StoreException("the database could not make the write durable: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreException("the database did not make the write durable within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the write to be durable", e);
        }
    }

    Stats stats() {
        return new Stats(writes.sum(), flushes.sum());
    }

    private void run() {
        while (true) {
            CompletableFuture<Void> batch;
            synchronized (lock) {
                while (!pending && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // only close() stops this thread, after the last batch
                    }
                }
                if (!pending) {
                    return;
                }
                batch = next;
                next = new CompletableFuture<>();
                pending = false;
            }
            try {
                flush.run();
                flushes.increment();
                batch.complete(null);
            } catch (Throwable e) { // the waiters must hear of any failure, or they would wait out their timeout
                batch.completeExceptionally(e);
            }
        }
    }

    /** Refuses new waiters, flushes the pending batch and stops the flusher (waits up to the timeout). */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            flusher.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
