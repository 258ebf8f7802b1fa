package io.rcbench.gatling;

import io.rcbench.run.LoadPlan;
import io.rcbench.run.RunMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a running simulation needs from the main job: the plan, where to record, the run's clock and a stop flag.
 * Gatling instantiates simulations by class name without arguments, so the {@link GatlingDriver} publishes the
 * context here before it starts Gatling and clears it afterwards; one run per JVM at a time.
 *
 * @param startNanos   the run's start ({@link System#nanoTime()}): ramp starts here
 * @param holdEndNanos when active users stop starting actions
 * @param drainNanos   how long users stay connected after the hold so in-flight deliveries can arrive
 */
public record RunContext(LoadPlan plan, RunMetrics metrics, long startNanos, long holdEndNanos, long drainNanos,
                         AtomicBoolean stopping) {
    private static final AtomicReference<RunContext> CURRENT = new AtomicReference<>();

    /** Creates the context of a run starting now. */
    public static RunContext startingNow(LoadPlan plan, RunMetrics metrics, Duration drain) {
        long now = System.nanoTime();
        return new RunContext(plan, metrics, now, now + plan.ramp().toNanos() + plan.hold().toNanos(),
            drain.toNanos(), new AtomicBoolean());
    }

    /** The context of the running simulation; fails clearly when a simulation is started outside the driver. */
    public static RunContext current() {
        RunContext c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("no rcbench run context: start simulations with 'rcbench run', not directly");
        }
        return c;
    }

    static void publish(RunContext context) {
        if (!CURRENT.compareAndSet(null, context)) {
            throw new IllegalStateException("a simulation is already running in this JVM");
        }
    }

    static void clear(RunContext context) {
        CURRENT.compareAndSet(context, null);
    }

    /** The hold window starts when the ramp ends. */
    public long holdStartNanos() {
        return startNanos + plan.ramp().toNanos();
    }

    /** When every user disconnects: the end of the hold plus the drain. */
    public long endNanos() {
        return holdEndNanos + drainNanos;
    }

    /** True once the run should wind down: the hold is over or the user pressed Ctrl-C. */
    public boolean holdOver() {
        return stopping.get() || System.nanoTime() >= holdEndNanos;
    }

    /** Milliseconds left until {@code deadlineNanos}, or 0 when stopping. */
    public long millisUntil(long deadlineNanos) {
        return stopping.get() ? 0 : Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }
}
