package io.rcbench.verdict;

/** A run's overall result; {@link #exitCode()} is what the command exits with. */
public enum Status {
    /** Every SLO held, with enough samples, and the injector kept up. */
    PASS(ExitCodes.PASS),
    /** At least one SLO missed (with enough samples) while the injector kept up. */
    FAIL(ExitCodes.FAIL),
    /** The injector was a bottleneck, or a required SLO had too few samples and none was missed. */
    INCONCLUSIVE(ExitCodes.INCONCLUSIVE);

    private final int exitCode;

    Status(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
