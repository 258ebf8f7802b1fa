package io.rcbench.rocketchat;

import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST limiter's view of a route as its {@code X-RateLimit-*} headers tell it (protocol section 7.2):
 * calls allowed per window, calls left, and the absolute reset time in epoch milliseconds.
 */
public record RateLimit(long limit, long remaining, long resetEpochMs) {
    private static final Pattern WAIT = Pattern.compile("wait (\\d+) seconds");

    /** The headers of a limited route, or empty when the answer carries none (limiter off or route exempt). */
    public static Optional<RateLimit> fromHeaders(HttpHeaders headers) {
        OptionalLong limit = headers.firstValueAsLong("X-RateLimit-Limit");
        OptionalLong remaining = headers.firstValueAsLong("X-RateLimit-Remaining");
        OptionalLong reset = headers.firstValueAsLong("X-RateLimit-Reset");
        if (limit.isEmpty() || remaining.isEmpty() || reset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimit(limit.getAsLong(), remaining.getAsLong(), reset.getAsLong()));
    }

    /** The N of "You must wait N seconds" in a 429 body or a DDP error reason, or -1 when absent. */
    public static long waitSecondsIn(String text) {
        if (text == null) {
            return -1;
        }
        Matcher m = WAIT.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
