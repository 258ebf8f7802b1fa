package io.rcbench.report;

/**
 * The limits the report marks the injector's health by: the judged profile's own injector budget, as its verdict
 * used it, or rcbench's defaults when no profile judged the run.
 *
 * @param maxCpuPercent     mean CPU over the hold, percent of the injector's cores
 * @param maxGcPauseMs      longest GC pause in the hold
 * @param maxEventLoopLagMs longest event-loop lag in the hold
 * @param source            the profile's name, or {@code null} for the defaults
 */
record HealthBudget(double maxCpuPercent, long maxGcPauseMs, long maxEventLoopLagMs, String source) {
    /** Without a verdict: base.yaml's injector budget. */
    static final HealthBudget DEFAULT = new HealthBudget(80, 50, 50, null);

    /** The budget of the first verdict that has one, else {@link #DEFAULT}. */
    static HealthBudget of(RunData run) {
        return run.verdicts().stream().map(VerdictView::injectorBudget).filter(java.util.Objects::nonNull).findFirst()
            .orElse(DEFAULT);
    }
}
