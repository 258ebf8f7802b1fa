package io.rcbench.ddp.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnect with exponential backoff after the connection drops (never after {@link DdpClient#close()}, a refused
 * DDP version or a failed first connect). Each wait is {@code initialDelay * multiplier^(attempt-1)}, capped at
 * {@code maxDelay}, with +-20% jitter so that many clients dropped together do not return together.
 *
 * @param maxAttempts consecutive failed attempts before giving up (the count resets after a success)
 */
public record ReconnectPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier) {
    public ReconnectPolicy {
        if (maxAttempts < 1 || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || multiplier < 1) {
            throw new IllegalArgumentException("reconnect policy needs maxAttempts >= 1, 0 <= initialDelay <= maxDelay, multiplier >= 1");
        }
    }

    /** Meteor-like defaults: 1 s doubling to 30 s, 10 attempts. */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0);
    }

    /** The wait before attempt {@code attempt} (1-based), jittered. */
    public long delayMs(int attempt) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Math.round(capped * jitter);
    }
}
