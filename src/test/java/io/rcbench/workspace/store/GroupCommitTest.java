package io.rcbench.workspace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Writers share flushes, never return before a flush that began after they asked, and hear of failures. */
class GroupCommitTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void concurrentWritersShareFlushesAndEachReturnsAfterAFlushThatCoversIt() throws Exception {
        AtomicLong committed = new AtomicLong();
        AtomicLong durable = new AtomicLong();
        GroupCommit gc = new GroupCommit(() -> {
            long upTo = committed.get();
            Thread.sleep(2); // an fsync's worth of time, so writers pile up behind it
            durable.set(upTo);
        }, TIMEOUT);
        ExecutorService writers = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                done.add(writers.submit(() -> {
                    for (int n = 0; n < 50; n++) {
                        long mine = committed.incrementAndGet();
                        gc.await();
                        assertThat(durable.get()).as("the flush that released this writer covered its change").isGreaterThanOrEqualTo(mine);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
            gc.close();
        }
        assertThat(gc.stats().writes()).isEqualTo(800);
        assertThat(gc.stats().flushes()).as("flushes for 800 writes by 16 threads").isLessThan(400);
    }

    @Test
    void aFailedFlushFailsItsWritersAndTheNextFlushServesLaterOnes() {
        AtomicInteger calls = new AtomicInteger();
        try (GroupCommit gc = new GroupCommit(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("disk full");
            }
        }, TIMEOUT)) {
            assertThatThrownBy(gc::await).isInstanceOf(StoreException.class).hasMessageContaining("disk full");
            gc.await();
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void aWriterWaitsAtMostTheTimeoutForAStuckDisk() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (GroupCommit gc = new GroupCommit(() -> release.await(10, TimeUnit.SECONDS), Duration.ofMillis(200))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(gc::await).isInstanceOf(StoreException.class).hasMessageContaining("within 200 ms");
            assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(5));
            release.countDown();
        }
    }

    @Test
    void closeRefusesNewWriters() {
        GroupCommit gc = new GroupCommit(() -> { }, TIMEOUT);
        gc.await();
        gc.close();
        assertThatThrownBy(gc::await).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }
}
