package io.rcbench.live;

import io.rcbench.run.LoadRun;
import java.util.Locale;

/** Where a run is on its own clock; the {@code phase} label of live latencies and of {@code rcbench_run_phase}. */
enum RunPhase {
    /** No run yet, or Gatling has not begun injecting. */
    STARTING,
    RAMP,
    WARMUP,
    /** The window verdicts and the report's tables use. */
    HOLD,
    /** Users stay connected for in-flight deliveries; also a run being stopped early. */
    DRAIN,
    /** Past the planned end: the summary is being or has been written. */
    DONE;

    /** The label value: {@code ramp}, {@code warmup}, {@code hold}... */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The phase of {@code ctx} at {@code nowNanos}; {@link #STARTING} without a context. */
    static RunPhase of(LoadRun ctx, long nowNanos) {
        if (ctx == null || !ctx.begun()) {
            return STARTING;
        }
        if (nowNanos >= ctx.endNanos()) {
            return DONE;
        }
        if (ctx.stopping().get() || nowNanos >= ctx.holdEndNanos()) {
            return DRAIN;
        }
        if (nowNanos >= ctx.holdStartNanos()) {
            return HOLD;
        }
        return nowNanos >= ctx.startNanos() + ctx.plan().ramp().toNanos() ? WARMUP : RAMP;
    }
}
