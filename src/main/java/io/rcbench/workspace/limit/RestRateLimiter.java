package io.rcbench.workspace.limit;

import io.rcbench.workspace.model.User;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.settings.Settings;

/**
 * Rocket.Chat's REST limiter: {@code API_Enable_Rate_Limiter_Limit_Calls_Default} calls per
 * {@code API_Enable_Rate_Limiter_Limit_Time_Default} ms per route, HTTP method and client IP; users with
 * {@code api-bypass-rate-limit} skip it, except on incoming webhooks. Thread-safe.
 */
public final class RestRateLimiter {
    private final Settings settings;
    private final FixedWindowCounter counter = new FixedWindowCounter();
    private final Permissions permissions;

    /** The outcome and the X-RateLimit-* values ({@code resetEpochMs} absolute, in ms, as Rocket.Chat). */
    public record Decision(boolean allowed, long limit, long remaining, long resetEpochMs) {
        public long waitSeconds(long nowMs) {
            return Math.max(1, (resetEpochMs - nowMs + 999) / 1000);
        }
    }

    public RestRateLimiter(Settings settings, Permissions permissions) {
        this.permissions = permissions;
        this.settings = settings;
    }

    /**
     * Counts a request; null when no limit applies (limiter off, or the user bypasses it).
     * {@code limitOverride} > 0 replaces the default call count (users.register's own limit).
     */
    public Decision check(String route, String httpMethod, String clientAddress, User user, boolean bypassable,
                          long limitOverride) {
        if (!settings.bool("API_Enable_Rate_Limiter")) {
            return null;
        }
        if (bypassable && permissions.has(user, "api-bypass-rate-limit")) {
            return null;
        }
        long now = System.currentTimeMillis();
        long limit = limitOverride > 0 ? limitOverride : settings.number("API_Enable_Rate_Limiter_Limit_Calls_Default");
        long interval = settings.number("API_Enable_Rate_Limiter_Limit_Time_Default");
        FixedWindowCounter.Hit hit = counter.hit(httpMethod + " " + route + " " + clientAddress, interval, now);
        return new Decision(hit.count() <= limit, limit, Math.max(0, limit - hit.count()), hit.resetAtMs());
    }

    public void sweep() {
        counter.sweep(System.currentTimeMillis());
    }
}
