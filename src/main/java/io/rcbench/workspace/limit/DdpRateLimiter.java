package io.rcbench.workspace.limit;

import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.metrics.WorkspaceMetrics;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.settings.Settings;
import java.util.Set;

/**
 * Rocket.Chat's DDP rate limiter rules (apps/meteor/app/lib/server/startup/rateLimiter.ts): per IP
 * (loopback exempt), per user, per connection, per user+method and per connection+method ({@code stream-*}
 * names get four times the count and interval; names with their own rule are excluded), plus sendMessage's
 * 5 per 1000 ms per user unless the user may {@code send-many-messages}. Every rule counts a call, then any
 * rule over its allowance rejects it. Thread-safe.
 */
public final class DdpRateLimiter {
    private static final Set<String> OWN_RULE = Set.of("sendMessage");
    private final Settings settings;
    private final WorkspaceMetrics metrics;
    private final FixedWindowCounter counter = new FixedWindowCounter();
    private final Permissions permissions;

    /** What is being invoked, by whom, from where. {@code type} is "method" or "subscription". */
    public record Call(String type, String name, User user, String connectionId, String clientAddress) {
    }

    public DdpRateLimiter(Settings settings, WorkspaceMetrics metrics, Permissions permissions) {
        this.permissions = permissions;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Counts the call and throws {@code too-many-requests} with {@code timeToReset} when a rule refuses it. */
    public void check(Call call) {
        long now = System.currentTimeMillis();
        String uid = call.user() == null ? null : call.user().id();
        long worstReset = -1;
        String limitName = null;
        boolean stream = call.name().startsWith("stream-");
        int factor = stream ? 4 : 1;
        if (!isLoopback(call.clientAddress())) {
            long r = rule("IP", "ip:" + call.clientAddress(), 1, now);
            if (r > worstReset) {
                worstReset = r;
                limitName = "IP";
            }
        }
        if (uid != null) {
            long r = rule("User", "user:" + uid, 1, now);
            if (r > worstReset) {
                worstReset = r;
                limitName = "User";
            }
        }
        long rc = rule("Connection", "conn:" + call.connectionId(), 1, now);
        if (rc > worstReset) {
            worstReset = rc;
            limitName = "Connection";
        }
        if (!OWN_RULE.contains(call.name())) {
            String method = call.type() + ":" + call.name();
            if (uid != null) {
                long r = rule("User_By_Method", "um:" + uid + ":" + method, factor, now);
                if (r > worstReset) {
                    worstReset = r;
                    limitName = "User_By_Method";
                }
            }
            long r = rule("Connection_By_Method", "cm:" + call.connectionId() + ":" + method, factor, now);
            if (r > worstReset) {
                worstReset = r;
                limitName = "Connection_By_Method";
            }
        } else if (call.name().equals("sendMessage") && uid != null && !permissions.has(call.user(), "send-many-messages")) {
            FixedWindowCounter.Hit hit = counter.hit("send:" + uid, 1000, now);
            if (hit.count() > 5 && hit.timeToResetMs(now) > worstReset) {
                worstReset = hit.timeToResetMs(now);
                limitName = "sendMessage";
            }
        }
        if (worstReset >= 0) {
            metrics.rateLimited(limitName, call.type(), call.name());
            throw tooManyRequests(worstReset);
        }
    }

    /** Counts a hit under one settings-driven rule; returns ms to reset when over the allowance, else -1. */
    private long rule(String rule, String key, int factor, long now) {
        String prefix = "DDP_Rate_Limit_" + rule + "_";
        if (!settings.bool(prefix + "Enabled")) {
            return -1;
        }
        long allowed = settings.number(prefix + "Requests_Allowed") * factor;
        long interval = settings.number(prefix + "Interval_Time") * factor;
        FixedWindowCounter.Hit hit = counter.hit(rule + "|" + key, interval, now);
        return hit.count() > allowed ? hit.timeToResetMs(now) : -1;
    }

    public static MeteorError tooManyRequests(long timeToResetMs) {
        long seconds = Math.max(1, (timeToResetMs + 999) / 1000);
        return new MeteorError("too-many-requests",
            "Error, too many requests. Please slow down. You must wait " + seconds + " seconds before trying again.")
            .withDetails(Json.object().put("timeToReset", timeToResetMs));
    }

    private static boolean isLoopback(String address) {
        return address == null || address.equals("127.0.0.1") || address.equals("0:0:0:0:0:0:0:1") || address.equals("::1");
    }

    /** Drops stale counters; called periodically. */
    public void sweep() {
        counter.sweep(System.currentTimeMillis());
    }
}
