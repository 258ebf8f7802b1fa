package io.rcbench.rocketchat;

/**
 * A failed Rocket.Chat call. The message names the call, what the server said and what to do about it
 * (e.g. "check the username and password"); it never carries credentials. {@code status} is the HTTP
 * status (0 when the server was not reached or the call went over DDP); {@code errorType} is Rocket.Chat's
 * error code ({@code error-invalid-room}, {@code too-many-requests}...) when it gave one, else null.
 */
public class RocketChatException extends RuntimeException {
    private final int status;
    private final String errorType;

    public RocketChatException(int status, String errorType, String message) {
        super(message);
        this.status = status;
        this.errorType = errorType;
    }

    public RocketChatException(int status, String errorType, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorType = errorType;
    }

    /** HTTP status, or 0 when no HTTP answer was involved. */
    public int status() {
        return status;
    }

    /** Rocket.Chat's error code, or null. */
    public String errorType() {
        return errorType;
    }
}
