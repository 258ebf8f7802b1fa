package io.rcbench.rocketchat;

/**
 * The server refused a call because a rate limiter was exhausted: HTTP 429 on REST, {@code too-many-requests}
 * on DDP. {@link #resetEpochMs()} is when the window resets (from {@code X-RateLimit-Reset}, else from the
 * seconds in the error text or DDP's {@code timeToReset}).
 */
public final class RateLimitedException extends RocketChatException {
    private final long resetEpochMs;

    public RateLimitedException(int status, String message, long resetEpochMs) {
        super(status, "too-many-requests", message);
        this.resetEpochMs = resetEpochMs;
    }

    /** Wall-clock time (epoch ms) at which the limiter lets calls through again. */
    public long resetEpochMs() {
        return resetEpochMs;
    }

    /** Milliseconds from {@code nowEpochMs} until the reset, never negative. */
    public long waitMs(long nowEpochMs) {
        return Math.max(0, resetEpochMs - nowEpochMs);
    }
}
