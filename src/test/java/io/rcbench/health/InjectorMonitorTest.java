package io.rcbench.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Saturation detection: a busy injector shows high CPU, a blocked event loop shows lag, a GC shows a pause. */
class InjectorMonitorTest {
    /**
     * Spins one thread per core for a bounded 1.5 s and checks that the monitor accounts for the CPU they burnt:
     * on an idle machine that is ~100% of the cores; on a shared one (other builds running) whatever the
     * spinners got, which is why the check is against the spinners' own thread CPU time, not a fixed percentage.
     */
    @Test
    void busyLoopsOnEveryCoreShowAsTheCpuTheyBurn() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicLong spinnerCpuNanos = new AtomicLong();
        long wallStart = System.nanoTime();
        InjectorHealth h;
        try (InjectorMonitor m = new InjectorMonitor(Duration.ofMillis(250))) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            List<Thread> spinners = new ArrayList<>();
            for (int i = 0; i < cores; i++) {
                Thread t = new Thread(() -> {
                    long x = 0;
                    while (System.nanoTime() < deadline) {
                        for (int k = 0; k < 10_000; k++) {
                            x += k ^ x;
                        }
                    }
                    spinnerCpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() + (x & 0));
                }, "spinner-" + i);
                t.start();
                spinners.add(t);
            }
            for (Thread t : spinners) {
                t.join();
            }
            m.close();
            h = m.snapshot();
        }
        double wallNanos = System.nanoTime() - wallStart;
        double accounted = h.intervals().stream()
            .mapToDouble(i -> i.cpuPercent() / 100 * i.durationMs() * 1e6 * h.cores()).sum();
        assertThat(h.cores()).isEqualTo(cores);
        assertThat(spinnerCpuNanos.get()).as("the spinners ran").isGreaterThan(100_000_000L);
        assertThat(accounted).as("CPU the monitor saw vs the spinners' own CPU time, intervals %s", h.intervals())
            .isGreaterThanOrEqualTo(0.9 * spinnerCpuNanos.get())
            .isLessThanOrEqualTo(1.3 * spinnerCpuNanos.get() + 0.2 * wallNanos * cores);
        double spinnerShare = 100.0 * spinnerCpuNanos.get() / (wallNanos * cores);
        assertThat(h.maxCpuPercent()).as("busiest interval vs the spinners' mean share").isGreaterThanOrEqualTo(spinnerShare * 0.9);
    }

    @Test
    void aBlockedEventLoopShowsLagEvenBeforeItUnblocks() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try (InjectorMonitor m = InjectorMonitor.pulled()) {
            m.watch(loop);
            Thread.sleep(300);
            m.take();
            long calm = m.snapshot().maxEventLoopLagMicros();
            CountDownLatch release = new CountDownLatch(1);
            loop.execute(() -> {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.sleep(400);
            m.take(); // the probe is still stuck behind the blocking task
            long blocked = m.snapshot().intervals().get(1).eventLoopLagMaxMicros();
            release.countDown();
            Thread.sleep(300);
            m.take();
            assertThat(calm).as("lag of an idle loop").isLessThan(100_000);
            assertThat(blocked).as("lag while blocked").isGreaterThanOrEqualTo(250_000);
            assertThat(m.snapshot().maxEventLoopLagMicros()).isGreaterThanOrEqualTo(blocked);
        } finally {
            loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullCollectionShowsAsAPause() throws Exception {
        try (InjectorMonitor m = InjectorMonitor.pulled()) {
            System.gc();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            do {
                Thread.sleep(50);
                m.take();
            } while (m.snapshot().gcPauses() == 0 && System.nanoTime() < deadline);
            InjectorHealth h = m.snapshot();
            assertThat(h.gcPauses()).isPositive();
            assertThat(h.totalGcPauseMs()).isGreaterThanOrEqualTo(h.maxGcPauseMs());
        }
    }

    @Test
    void concurrentCollectorWorkIsNotAPause() {
        assertThat(GcPauseListener.isPause("G1 Young Generation", "end of minor GC")).isTrue();
        assertThat(GcPauseListener.isPause("G1 Old Generation", "end of major GC")).isTrue();
        assertThat(GcPauseListener.isPause("G1 Concurrent GC", "end of concurrent GC pause")).isFalse();
        assertThat(GcPauseListener.isPause("ZGC Cycles", "end of GC cycle")).isFalse();
        assertThat(GcPauseListener.isPause("ZGC Pauses", "end of GC pause")).isTrue();
    }

    @Test
    void windowKeepsTheHoldIntervalsAndSummariesFollow() {
        var h = new InjectorHealth(2, List.of(
            new InjectorHealth.Interval(0, 1000, 90, 1, 70, 70, 1000),
            new InjectorHealth.Interval(1000, 2000, 20, 2, 10, 15, 5000),
            new InjectorHealth.Interval(2000, 4000, 50, 0, 0, 0, 2000)));
        var hold = h.window(1000, 4000);
        assertThat(hold.intervals()).hasSize(2);
        assertThat(hold.meanCpuPercent()).isEqualTo(40.0); // (20*1000 + 50*2000) / 3000
        assertThat(hold.maxGcPauseMs()).isEqualTo(10);
        assertThat(hold.totalGcPauseMs()).isEqualTo(15);
        assertThat(hold.gcPauses()).isEqualTo(2);
        assertThat(hold.maxEventLoopLagMicros()).isEqualTo(5000);
        assertThat(InjectorHealth.empty(2).meanCpuPercent()).isZero();
    }
}
