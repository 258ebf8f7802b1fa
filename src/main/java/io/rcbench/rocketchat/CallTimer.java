package io.rcbench.rocketchat;

/**
 * Where the calls of a client sequence ({@link WebClientLogin}, {@link MobileClientLogin}) report their times: each
 * call once, under its own metric name, when it has answered or failed. Called from the thread that completed the
 * call (the DDP event loop or the REST client's executor): implementations must be thread-safe.
 */
@FunctionalInterface
public interface CallTimer {
    /**
     * One call of {@code metric} left at {@code startNanos} and ended at {@code endNanos}; {@code failure} is null
     * when it succeeded, else what it failed with.
     */
    void timed(String metric, long startNanos, long endNanos, Throwable failure);

    /** Times nothing (a caller that only wants the sequence's result). */
    CallTimer NONE = (metric, start, end, failure) -> { };
}
