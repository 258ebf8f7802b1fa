package io.rcbench.rocketchat;

import java.util.ArrayList;
import java.util.List;

/**
 * A server's rate-limit settings (protocol section 7): the REST limiter and the five DDP rules. Read by
 * {@link RocketChatAdmin#rateLimitSettings()}; {@link #distortions()} says which of them will throttle a load
 * test driven from a few IP addresses, so preflight can refuse or warn before the run.
 */
public record RateLimitSettings(boolean restEnabled, long restCallsPerWindow, long restWindowMs, long registerUserPerMinute,
                                List<DdpRule> ddpRules) {
    /** The DDP rule names, as in the setting ids {@code DDP_Rate_Limit_<name>_Enabled}. */
    public static final List<String> DDP_RULES = List.of("IP", "User", "Connection", "User_By_Method", "Connection_By_Method");

    /** One DDP limiter rule: {@code requestsAllowed} per {@code intervalMs} per key when enabled. */
    public record DdpRule(String name, boolean enabled, long requestsAllowed, long intervalMs) {
        /** The setting id of this rule's switch. */
        public String enabledSettingId() {
            return "DDP_Rate_Limit_" + name + "_Enabled";
        }
    }

    public RateLimitSettings {
        ddpRules = List.copyOf(ddpRules);
    }

    /**
     * Why these settings would distort a load test, one sentence per active limiter naming the setting that
     * switches it off; empty when none would. The DDP IP rule counts although loopback is exempt: a real target
     * sees the injector's address.
     */
    public List<String> distortions() {
        List<String> out = new ArrayList<>();
        if (restEnabled) {
            out.add("REST limiter on: " + restCallsPerWindow + " calls per " + restWindowMs / 1000 + " s per route and IP;"
                + " users without the bot or admin role will get 429s (set API_Enable_Rate_Limiter=false)");
        }
        for (DdpRule r : ddpRules) {
            if (r.enabled()) {
                out.add("DDP limiter " + r.name() + " on: " + r.requestsAllowed() + " calls per " + r.intervalMs() / 1000
                    + " s per " + key(r.name()) + " (set " + r.enabledSettingId() + "=false)");
            }
        }
        return out;
    }

    /** True when any limiter that would throttle a load test is on. */
    public boolean distortsLoadTest() {
        return !distortions().isEmpty();
    }

    private static String key(String rule) {
        return switch (rule) {
            case "IP" -> "client IP";
            case "User" -> "user";
            case "Connection" -> "connection";
            case "User_By_Method" -> "user and method";
            case "Connection_By_Method" -> "connection and method";
            default -> rule;
        };
    }
}
