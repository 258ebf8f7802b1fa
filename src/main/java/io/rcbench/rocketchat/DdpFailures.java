package io.rcbench.rocketchat;

import io.rcbench.ddp.MeteorError;
import io.rcbench.ddp.client.DdpTimeoutException;
import io.rcbench.ddp.client.DisconnectedException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns failures of DDP calls into {@link RocketChatException}s that say what to do. */
final class DdpFailures {
    private DdpFailures() {
    }

    static RocketChatException translate(String what, Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RocketChatException r) {
            return r;
        }
        if (t instanceof MeteorError e) {
            if ("too-many-requests".equals(e.code())) {
                long toReset = e.details() == null ? -1 : e.details().path("timeToReset").asLong(-1);
                long waitMs = toReset >= 0 ? toReset : Math.max(0, RateLimit.waitSecondsIn(e.reason())) * 1000;
                return new RateLimitedException(0, what + " rate limited by the DDP limiter: retry after " + (waitMs + 999) / 1000
                    + " s. For a load test switch the DDP_Rate_Limit_*_Enabled settings off", System.currentTimeMillis() + waitMs);
            }
            return new RocketChatException(0, e.code(), what + " failed: \"" + e.reason() + "\" [" + e.code() + "]: " + advice(what, e));
        }
        if (t instanceof DdpTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
            String m = t.getMessage() == null ? "no answer in time" : t.getMessage();
            return new RocketChatException(0, "timeout", what + ": " + m + "; the server is stalled or overloaded", t);
        }
        if (t instanceof DisconnectedException) {
            return new RocketChatException(0, "disconnected", what + ": " + t.getMessage()
                + "; check that the server is up (a reconnecting session retries by itself)", t);
        }
        return new RocketChatException(0, null, what + ": " + t, t);
    }

    private static String advice(String what, MeteorError e) {
        String code = e.code();
        if (what.startsWith("login")) {
            if (e.reason().contains("logged out") || e.reason().contains("expired")) {
                return "the resume token is no longer valid: log in again with a password";
            }
            return "check the username and password";
        }
        return switch (code) {
            case "error-invalid-room", "error-room-not-found" -> "check the room id";
            case "error-not-allowed", "not-allowed", "403" -> "the user may not do this here: check room membership and permissions";
            case "error-message-size-exceeded" -> "shorten the message or raise Message_MaxAllowedSize";
            case "404" -> "the server has no such method or publication: check its version";
            default -> "check the call's parameters";
        };
    }
}
