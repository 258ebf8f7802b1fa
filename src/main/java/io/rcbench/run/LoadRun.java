package io.rcbench.run;

import io.netty.channel.EventLoop;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One run of a plan as the orchestration (job/) and the live exporter see it: its clock, its phases and its stop
 * flag. The load generator ({@code gatling/}) implements it; job/ and live/ never name the load generator.
 *
 * <p>Times are {@link System#nanoTime()} values; 0 means "not yet".
 */
public interface LoadRun {
    LoadPlan plan();

    RunMetrics metrics();

    /** True once the ramp began (the load generator is about to start the first user). */
    boolean begun();

    /** When the ramp began, or 0. */
    long startNanos();

    /** When {@link #stop()} was called, or 0. */
    long stoppedAtNanos();

    /** The hold window starts when the ramp and the warm-up are over. */
    long holdStartNanos();

    /** When active users stop starting actions. */
    long holdEndNanos();

    /** When every user disconnects: the end of the hold plus the drain. */
    long endNanos();

    /** Set by Ctrl-C or an early stop: users stop acting and leave. */
    AtomicBoolean stopping();

    /** Stops the run now: users stop acting and the load generator winds down. */
    void stop();

    /** Called once per event loop the simulated users run on (the health probe watches them). */
    void onEventLoop(Consumer<EventLoop> listener);

    /** The run in progress in this JVM, if any: published by the load driver while it drives a run. */
    static Optional<LoadRun> current() {
        return Optional.ofNullable(Current.RUN.get());
    }

    /** The one run in progress per JVM (the load generator instantiates simulations without arguments). */
    final class Current {
        static final AtomicReference<LoadRun> RUN = new AtomicReference<>();

        private Current() {
        }

        /** Publishes {@code run}; fails when another run is in progress in this JVM. */
        public static void publish(LoadRun run) {
            if (!RUN.compareAndSet(null, run)) {
                throw new IllegalStateException("a simulation is already running in this JVM");
            }
        }

        /** Clears {@code run} if it is the one published. */
        public static void clear(LoadRun run) {
            RUN.compareAndSet(run, null);
        }
    }
}
