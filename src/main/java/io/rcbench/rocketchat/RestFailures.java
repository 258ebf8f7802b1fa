package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns failed REST calls into {@link RocketChatException}s whose message says what happened and what to do.
 * Pure functions of the answer; paths that carry secrets (webhook tokens) are shown redacted.
 */
final class RestFailures {
    private static final Pattern TRAILING_CODE = Pattern.compile("\\[([a-zA-Z0-9_.-]+)]\\s*$");

    private RestFailures() {
    }

    /** The exception for a non-2xx answer. {@code nowEpochMs} dates the reset when only a wait is given. */
    static RocketChatException fromAnswer(String method, String path, int status, String bodyText, HttpHeaders headers,
                                          long nowEpochMs) {
        JsonNode body = parseQuietly(bodyText);
        String error = serverText(body, bodyText);
        String errorType = errorType(body, error);
        String call = method + " " + redact(path);
        if (status == 429) {
            Optional<RateLimit> limit = RateLimit.fromHeaders(headers);
            long waitS = RateLimit.waitSecondsIn(error);
            long reset = limit.map(RateLimit::resetEpochMs).orElse(waitS >= 0 ? nowEpochMs + waitS * 1000 : nowEpochMs);
            return new RateLimitedException(429, "rate limited (429) on " + call + ": retry after "
                + Math.max(0, (reset - nowEpochMs + 999) / 1000) + " s. For a load test switch the limiter off"
                + " (API_Enable_Rate_Limiter=false) or give the users the bot role (api-bypass-rate-limit)", reset);
        }
        String advice = switch (status) {
            case 401 -> path.endsWith("/api/v1/login") ? "check the username and password"
                : "the auth token is missing, expired or revoked: log in again";
            case 403 -> "the user lacks the permission this call needs: use an admin account or grant the permission";
            case 404 -> path.startsWith("/hooks/") ? "check the integration id and token of the webhook URL"
                : "check the base URL, the ids in the call and that this server version has the route";
            case 413 -> "the server refused a body this large: keep uploads under FileUpload_MaxFileSize";
            case 503 -> path.startsWith("/hooks/") ? "the integration is disabled: enable it" : "the server is unavailable: retry later";
            default -> status >= 500 ? "a server-side failure: see the server's log" : adviceFor(errorType);
        };
        String said = error.isEmpty() ? "" : " \"" + error + "\"";
        return new RocketChatException(status, errorType, call + " failed (" + status + ")" + said + ": " + advice);
    }

    /** The exception for a call that got no HTTP answer. */
    static RocketChatException fromTransport(String method, String path, URI base, Throwable t, Duration timeout) {
        String call = method + " " + redact(path);
        Throwable cause = t;
        while (cause.getCause() != null && !(cause instanceof SSLException) && !(cause instanceof ConnectException)
            && !(cause instanceof HttpTimeoutException)) {
            cause = cause.getCause();
        }
        String message;
        if (cause instanceof HttpTimeoutException) {
            message = call + ": no answer within " + timeout.toMillis() + " ms; the server is stalled or overloaded";
        } else if (cause instanceof SSLException) {
            message = call + ": TLS with " + base.getHost() + " failed (" + cause.getMessage() + "); if the server uses a"
                + " private or self-signed certificate, pass an HttpClient whose SSLContext trusts it (verification stays on)";
        } else if (cause instanceof ConnectException) {
            message = call + ": cannot connect to " + base + "; is the server running and the URL right?";
        } else {
            message = call + ": " + cause.getClass().getSimpleName() + " " + cause.getMessage()
                + "; check the network path to " + base;
        }
        return new RocketChatException(0, null, message, t);
    }

    private static String adviceFor(String errorType) {
        if (errorType == null) {
            return "check the request's parameters";
        }
        return switch (errorType) {
            case "error-file-too-large" -> "upload a smaller file or raise FileUpload_MaxFileSize";
            case "error-not-allowed" -> "the user may not do this here: check room membership and permissions";
            case "error-invalid-room", "error-room-not-found" -> "check the room id";
            case "error-message-size-exceeded" -> "shorten the message or raise Message_MaxAllowedSize";
            case "error-setting-not-found", "error-invalid-setting" -> "check the setting id and the type of its value";
            case "error-field-unavailable", "error-duplicate-channel-name" -> "the name is taken: pick another";
            default -> "check the request's parameters";
        };
    }

    /** Webhook paths carry the integration's secret token in their last segment. */
    static String redact(String path) {
        if (!path.startsWith("/hooks/")) {
            return path;
        }
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + "<token>";
    }

    private static JsonNode parseQuietly(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String serverText(JsonNode body, String raw) {
        if (body == null) {
            return raw == null ? "" : raw.length() > 200 ? raw.substring(0, 200) + "..." : raw.strip();
        }
        for (String key : new String[] {"error", "message", "reason"}) {
            JsonNode v = body.get(key);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
        }
        return "";
    }

    private static String errorType(JsonNode body, String error) {
        String t = body == null ? null : Json.text(body, "errorType");
        if (t != null) {
            return t;
        }
        Matcher m = TRAILING_CODE.matcher(error);
        return m.find() ? m.group(1) : null;
    }
}
