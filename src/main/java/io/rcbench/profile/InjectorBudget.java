package io.rcbench.profile;

/**
 * How much the load injector itself may struggle before a run's figures stop describing the target: above any
 * of these during the hold window the verdict is INCONCLUSIVE.
 *
 * @param maxCpuPercent     mean process CPU of the injector over the hold, percent of all its cores
 * @param maxGcPauseMs      longest single GC pause
 * @param maxEventLoopLagMs longest delay of a probe task on the injector's event loops
 */
public record InjectorBudget(double maxCpuPercent, long maxGcPauseMs, long maxEventLoopLagMs) {
    public InjectorBudget {
        FieldException.require(maxCpuPercent > 0 && maxCpuPercent <= 100, "maxCpuPercent", "a percentage in (0, 100]",
            FieldException.plain(maxCpuPercent));
        FieldException.require(maxGcPauseMs >= 1, "maxGcPauseMs", "milliseconds >= 1", maxGcPauseMs);
        FieldException.require(maxEventLoopLagMs >= 1, "maxEventLoopLagMs", "milliseconds >= 1", maxEventLoopLagMs);
    }
}
