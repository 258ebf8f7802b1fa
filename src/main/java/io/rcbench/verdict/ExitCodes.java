package io.rcbench.verdict;

/**
 * Process exit codes of rcbench commands, so a CI pipeline can gate on a run: the verdict's codes first, then
 * errors that prevented a verdict. picocli's own usage error is mapped to {@link #USAGE} by the entry point.
 */
public final class ExitCodes {
    /** Every SLO held (or, for non-run commands, success). */
    public static final int PASS = 0;
    /** At least one SLO was missed. */
    public static final int FAIL = 1;
    /** The run cannot say: the injector was the bottleneck, or too few samples stand behind a percentile. */
    public static final int INCONCLUSIVE = 2;
    /** A profile or override does not validate. */
    public static final int INVALID_PROFILE = 3;
    /** The run could not be made: target unreachable, bad credentials, preflight refused, I/O error. */
    public static final int RUN_ERROR = 4;
    /** Bad command line. */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
