package io.rcbench.sut;

import io.rcbench.rocketchat.Credentials;
import io.rcbench.rocketchat.RateLimitSettings;
import io.rcbench.rocketchat.RestActions;
import io.rcbench.rocketchat.RestClient;
import io.rcbench.rocketchat.RocketChatAdmin;
import io.rcbench.rocketchat.RocketChatConnector;
import io.rcbench.rocketchat.RocketChatException;
import io.rcbench.rocketchat.ServerInfo;
import io.rcbench.rocketchat.SettingChanges;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a target before any load: reachable and speaking Rocket.Chat's REST API ({@code /api/info}), its version,
 * the admin credentials, its realtime endpoint (a DDP session opens and, with an admin, a login is answered), and
 * the rate-limit settings that would throttle a load test from a few addresses. With {@code relaxLimits} (and an
 * admin) it switches them off, as Rocket.Chat's own e2e set-up does, and returns what it changed in
 * {@link TargetFacts#relaxed()}: the caller must put it back when the run ends; otherwise it warns.
 */
public final class Preflight {
    /** How long the realtime endpoint may take to open a session and to answer a login. */
    static final java.time.Duration REALTIME_TIMEOUT = java.time.Duration.ofSeconds(10);

    private Preflight() {
    }

    /**
     * @param adminUser     admin username, or {@code null} to skip provisioning checks
     * @param adminPassword from the environment; never printed
     */
    public static TargetFacts check(URI baseUrl, String adminUser, String adminPassword, boolean relaxLimits,
                                    PrintStream console) throws PreflightException {
        RestClient rest = RestClient.create(baseUrl);
        ServerInfo info;
        try {
            info = new RestActions(rest).info().join();
        } catch (RuntimeException e) {
            throw new PreflightException("target " + safe(baseUrl) + " is unreachable or not a Rocket.Chat server: "
                + rootMessage(e) + ". Check the URL (http(s)://host:port) and that the server is up.", e);
        }
        if (info.version() == null || info.version().isBlank()) {
            throw new PreflightException("target " + safe(baseUrl) + " answered /api/info without a version: is it a"
                + " Rocket.Chat server?");
        }
        console.printf("preflight: %s %s at %s%n", info.isEmbeddedWorkspace() ? "rcbench-workspace speaking"
            + " Rocket.Chat" : "Rocket.Chat", info.version(), safe(baseUrl));
        List<String> warnings = new ArrayList<>();
        if (info.majorVersion() >= 9) {
            warnings.add("Rocket.Chat " + info.version() + " removes most DDP methods: use --transport rest");
        }
        Credentials admin = null;
        RateLimitSettings limits = null;
        SettingChanges relaxed = SettingChanges.NONE;
        if (adminUser != null) {
            if (adminPassword == null || adminPassword.isEmpty()) {
                throw new PreflightException("no admin password: set RCBENCH_ADMIN_PASSWORD for " + adminUser);
            }
            try {
                admin = new RestActions(rest).login(adminUser, adminPassword).join();
            } catch (RuntimeException e) {
                throw new PreflightException("admin login as '" + adminUser + "' failed: " + rootMessage(e)
                    + ". Check RCBENCH_ADMIN_USER / RCBENCH_ADMIN_PASSWORD.", e);
            }
        }
        // before any setting is changed: a target that does not speak DDP is left as it was
        checkRealtime(baseUrl, admin);
        if (admin != null) {
            RocketChatAdmin adminApi = new RocketChatAdmin(rest.withCredentials(admin));
            try {
                limits = adminApi.rateLimitSettings();
            } catch (RocketChatException e) {
                warnings.add("cannot read the rate-limit settings (" + e.getMessage() + "): the run may be throttled");
            }
            if (limits != null && limits.distortsLoadTest()) {
                if (relaxLimits) {
                    try {
                        relaxed = adminApi.disableRateLimits();
                    } catch (RocketChatException e) {
                        throw new PreflightException("cannot switch the rate limiters off (--relax-rate-limits): "
                            + e.getMessage() + ". Nothing was changed and nothing was run.", e);
                    }
                    console.println("preflight: rate limiters switched off for the run (--relax-rate-limits), put back"
                        + " when it ends: " + relaxed.describe());
                    warnings.add("rate limiters were switched off for the run: " + String.join("; ", limits.distortions()));
                } else {
                    limits.distortions().forEach(d -> warnings.add("will distort the run: " + d));
                }
            }
        } else {
            warnings.add("no admin credentials: rate-limit settings not checked and nothing provisioned");
        }
        warnings.forEach(w -> console.println("preflight warning: " + w));
        return new TargetFacts(baseUrl, info, admin, limits, relaxed, warnings);
    }

    private static void checkRealtime(URI baseUrl, Credentials admin) throws PreflightException {
        try (RocketChatConnector realtime = RocketChatConnector.create(baseUrl, 1)) {
            realtime.checkRealtime(admin, REALTIME_TIMEOUT);
        } catch (RocketChatException e) {
            throw new PreflightException("target " + safe(baseUrl) + " answers REST but not DDP: " + e.getMessage()
                + ". Nothing was run.", e);
        }
    }

    /** The URL without user info, query or fragment: reports and logs never carry credentials. */
    public static String safe(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
            + (url.getPath() == null ? "" : url.getPath());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
