package io.rcbench.workspace.rest;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.fault.Faults;
import io.rcbench.workspace.limit.RestRateLimiter;
import io.rcbench.workspace.metrics.WorkspaceMetrics;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.service.Accounts;
import io.rcbench.workspace.settings.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches a request to a route and applies what every route shares: authentication (X-User-Id and
 * X-Auth-Token headers, or rc_uid/rc_token query or cookies), the REST rate limiter with X-RateLimit-*
 * headers and the 429 body, Rocket.Chat's error bodies, injected stalls and the rocketchat_rest_api summary.
 * Routes are registered at start-up; dispatch is thread-safe.
 */
public final class RestRouter {
    private static final Logger LOG = LoggerFactory.getLogger(RestRouter.class);

    /** Who may call a route. */
    public enum Access { PUBLIC, AUTH }

    /** Which rate limit applies: the default (bypassable by admins and bots), none, webhooks' (no bypass), registration's. */
    public enum Limit { DEFAULT, NONE, NO_BYPASS, REGISTER }

    /** What body a request may send, decided from its head alone, before any of the body is read. */
    public enum BodyAdmission {
        /** Up to {@code HTTP_Max_Body_Bytes}: every route but uploads, and any request no route matches. */
        SMALL,
        /** Up to the upload limit: an upload route, called by a logged-in user. */
        LARGE,
        /** An upload route called without valid credentials: small bodies only, so it can be told 401. */
        UNAUTHENTICATED_UPLOAD
    }

    private record Entry(String method, String pattern, String[] segments, Access access, Limit limit, Route route,
                         boolean upload) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Accounts accounts;
    private final RestRateLimiter limiter;
    private final Settings settings;
    private final Faults faults;
    private final WorkspaceMetrics metrics;

    public RestRouter(Accounts accounts, RestRateLimiter limiter, Settings settings, Faults faults, WorkspaceMetrics metrics) {
        this.accounts = accounts;
        this.limiter = limiter;
        this.settings = settings;
        this.faults = faults;
        this.metrics = metrics;
    }

    /** Registers a route; {@code pattern} segments starting with ':' are parameters. */
    public RestRouter add(String method, String pattern, Access access, Limit limit, Route route) {
        entries.add(new Entry(method, pattern, split(pattern), access, limit, route, false));
        return this;
    }

    /** Registers an upload route: logged-in callers only, the one kind of route that takes bodies over the small limit. */
    public RestRouter addUpload(String method, String pattern, Route route) {
        entries.add(new Entry(method, pattern, split(pattern), Access.AUTH, Limit.DEFAULT, route, true));
        return this;
    }

    /**
     * How large a body this request head may be followed by. Runs on the network thread: a route match and an
     * in-memory token lookup, no I/O.
     */
    public BodyAdmission admission(HttpRequest head) {
        QueryStringDecoder qs = new QueryStringDecoder(head.uri());
        Entry entry;
        try {
            entry = match(head.method().name(), qs.rawPath(), new HashMap<>());
        } catch (IllegalArgumentException e) {
            return BodyAdmission.SMALL;
        }
        if (entry == null || !entry.upload()) {
            return BodyAdmission.SMALL;
        }
        String[] cred = credentials(head, qs);
        boolean known = cred != null && accounts.authenticate(cred[0], cred[1]).isPresent();
        return known ? BodyAdmission.LARGE : BodyAdmission.UNAUTHENTICATED_UPLOAD;
    }

    /** Rocket.Chat's answer to a route that needs a login, called without one. */
    public static RestResponse unauthenticated() {
        return RestResponse.json(401, Json.object().put("status", "error").put("message", "You must be logged in to do this."));
    }

    private static String[] split(String path) {
        return path.replaceAll("^/+|/+$", "").split("/");
    }

    /** Runs the request through its route. Never throws: every failure becomes an HTTP answer. */
    public RestResponse dispatch(FullHttpRequest raw, String clientAddress) {
        long start = System.nanoTime();
        String method = raw.method().name();
        QueryStringDecoder qs;
        Map<String, String> params = new HashMap<>();
        Entry entry;
        try {
            qs = new QueryStringDecoder(raw.uri());
            qs.parameters(); // decodes eagerly, so a bad escape in the query is caught here
            entry = match(method.equals("HEAD") ? "GET" : method, qs.rawPath(), params);
        } catch (IllegalArgumentException e) {
            // A malformed percent escape: the client's fault, never a 500 or a dropped connection.
            return RestResponse.failure(400, "Malformed URL: " + e.getMessage(), "error-invalid-url");
        }
        if (entry == null) {
            return RestResponse.failure(404, "Not found", null);
        }
        RestResponse response;
        try {
            response = run(entry, raw, qs, params, clientAddress);
        } catch (RuntimeException e) {
            // Authentication, limiter or stall failed outside the route: still an answer. The pattern, not the path:
            // hook paths carry their secret token.
            LOG.warn("{} {} failed before its route", method, entry.pattern(), e);
            response = RestResponse.failure(500, "Internal server error", null);
        }
        metrics.rest(method, entry.pattern(), response.status(), System.nanoTime() - start);
        return response;
    }

    private RestResponse run(Entry entry, FullHttpRequest raw, QueryStringDecoder qs, Map<String, String> params,
                             String clientAddress) {
        long stall = faults.stallRemainingMs(System.currentTimeMillis());
        if (stall > 0) {
            sleep(stall);
        }
        String[] cred = credentials(raw, qs);
        User user = cred == null ? null : accounts.authenticate(cred[0], cred[1]).orElse(null);
        if (entry.access() == Access.AUTH && user == null) {
            return unauthenticated();
        }
        Map<String, String> limitHeaders = Map.of();
        if (entry.limit() != Limit.NONE) {
            String key = entry.limit() == Limit.NO_BYPASS ? qs.path() : entry.pattern();
            long override = entry.limit() == Limit.REGISTER ? settings.number("Rate_Limiter_Limit_RegisterUser") : 0;
            RestRateLimiter.Decision d = limiter.check(key, raw.method().name(), clientAddress, user,
                entry.limit() != Limit.NO_BYPASS, override);
            if (d != null) {
                limitHeaders = Map.of("X-RateLimit-Limit", Long.toString(d.limit()),
                    "X-RateLimit-Remaining", Long.toString(d.remaining()),
                    "X-RateLimit-Reset", Long.toString(d.resetEpochMs()));
                if (!d.allowed()) {
                    return RestResponse.failure(429, "Error, too many requests. Please slow down. You must wait "
                        + d.waitSeconds(System.currentTimeMillis())
                        + " seconds before trying this endpoint again. [error-too-many-requests]", null).withHeaders(limitHeaders);
                }
            }
        }
        RestRequest req = new RestRequest(raw.method().name(), qs.path(), qs.parameters(), params, clientAddress, user,
            user == null ? null : cred[1], raw);
        try {
            return entry.route().handle(req).withHeaders(limitHeaders);
        } catch (MeteorError e) {
            int status = e.error().isInt() && (e.error().asInt() == 403 || e.error().asInt() == 404) ? e.error().asInt() : 400;
            if (status == 403) {
                return RestResponse.failure(403, "unauthorized", null).withHeaders(limitHeaders);
            }
            return RestResponse.failure(status, e.getMessage(), e.code()).withHeaders(limitHeaders);
        } catch (RuntimeException e) {
            // The route pattern, not the path: hook paths carry their secret token.
            LOG.warn("{} {} failed", raw.method(), entry.pattern(), e);
            return RestResponse.failure(500, "Internal server error", null).withHeaders(limitHeaders);
        }
    }

    /**
     * The route for a raw (still percent-encoded) path. Segments are split first and decoded once each, so an
     * encoded slash stays inside its parameter ({@code method.call/rooms%2Fget}) and {@code %25} stays a literal
     * percent. Throws {@link IllegalArgumentException} for a malformed escape.
     */
    private Entry match(String method, String rawPath, Map<String, String> params) {
        String[] segs = split(rawPath);
        String[] decoded = new String[segs.length];
        for (int i = 0; i < segs.length; i++) {
            // In a path '+' is a literal plus, not the form encoding of a space.
            decoded[i] = QueryStringDecoder.decodeComponent(segs[i].replace("+", "%2B"));
        }
        for (Entry e : entries) {
            if (!e.method().equals(method) || e.segments().length != segs.length) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            boolean ok = true;
            for (int i = 0; i < segs.length && ok; i++) {
                if (e.segments()[i].startsWith(":")) {
                    found.put(e.segments()[i].substring(1), decoded[i]);
                } else {
                    ok = e.segments()[i].equals(decoded[i]);
                }
            }
            if (ok) {
                params.putAll(found);
                return e;
            }
        }
        return null;
    }

    /** [userId, token] from headers, then the rc_uid/rc_token query, then cookies; null when absent. */
    private static String[] credentials(HttpRequest raw, QueryStringDecoder qs) {
        String uid = raw.headers().get("X-User-Id");
        String token = raw.headers().get("X-Auth-Token");
        if (uid != null && token != null) {
            return new String[] {uid, token};
        }
        List<String> qu = qs.parameters().get("rc_uid");
        List<String> qt = qs.parameters().get("rc_token");
        if (qu != null && qt != null) {
            return new String[] {qu.get(0), qt.get(0)};
        }
        String cookieHeader = raw.headers().get("Cookie");
        if (cookieHeader != null) {
            String cu = null;
            String ct = null;
            for (Cookie c : ServerCookieDecoder.LAX.decode(cookieHeader)) {
                if (c.name().equals("rc_uid")) {
                    cu = c.value();
                } else if (c.name().equals("rc_token")) {
                    ct = c.value();
                }
            }
            if (cu != null && ct != null) {
                return new String[] {cu, ct};
            }
        }
        return null;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
