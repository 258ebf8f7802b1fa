package io.rcbench.gatling;

import io.rcbench.run.ErrorReason;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Maps what an action failed with to the reason it is counted under. */
final class Failures {
    private Failures() {
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static ErrorReason reason(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof TimeoutException || t instanceof io.rcbench.ddp.client.DdpTimeoutException) {
            return ErrorReason.TIMEOUT;
        }
        if (t instanceof io.rcbench.ddp.client.TooManyRequestsException
            || t instanceof io.rcbench.rocketchat.RateLimitedException) {
            return ErrorReason.RATE_LIMITED;
        }
        if (t instanceof io.rcbench.ddp.client.DisconnectedException
            || t instanceof io.rcbench.ddp.client.DdpConnectException) {
            return ErrorReason.DISCONNECTED;
        }
        if (t instanceof io.rcbench.ddp.MeteorError || t instanceof io.rcbench.rocketchat.RocketChatException) {
            return ErrorReason.SERVER_ERROR;
        }
        if (t instanceof io.rcbench.ddp.client.DdpException) {
            return ErrorReason.PROTOCOL_ERROR;
        }
        if (t instanceof ActionFailure f) {
            return f.reason();
        }
        if (t instanceof java.io.IOException || t instanceof java.nio.channels.ClosedChannelException) {
            return ErrorReason.DISCONNECTED;
        }
        return ErrorReason.CLIENT_ERROR;
    }

    static String message(Throwable error) {
        Throwable t = unwrap(error);
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** A failure whose reason is known where it happened. */
    static final class ActionFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final ErrorReason reason;

        ActionFailure(ErrorReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        ErrorReason reason() {
            return reason;
        }
    }
}
