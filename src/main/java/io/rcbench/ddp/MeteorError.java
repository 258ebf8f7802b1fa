package io.rcbench.ddp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Meteor.Error: the error object of a method {@code result} or a {@code nosub} (protocol section 1.7).
 * {@code error} is a string code ("error-invalid-room") or a number (403, 404); {@code details} may be null.
 * Thrown by server-side method code and by the client when a call fails.
 */
public class MeteorError extends RuntimeException {
    private final JsonNode error;
    private final String reason;
    private final transient JsonNode details;

    public MeteorError(String error, String reason) {
        this(Json.MAPPER.getNodeFactory().textNode(error), reason, null);
    }

    public MeteorError(int error, String reason) {
        this(Json.MAPPER.getNodeFactory().numberNode(error), reason, null);
    }

    public MeteorError(JsonNode error, String reason, JsonNode details) {
        super(reason + " [" + error.asText() + "]");
        this.error = error;
        this.reason = reason;
        this.details = details;
    }

    /** A copy carrying details, e.g. {@code {"timeToReset": ms}} for rate limits. */
    public MeteorError withDetails(JsonNode newDetails) {
        return new MeteorError(error, reason, newDetails);
    }

    public JsonNode error() {
        return error;
    }

    /** The error code as text: "too-many-requests", "404". */
    public String code() {
        return error.asText();
    }

    public String reason() {
        return reason;
    }

    public JsonNode details() {
        return details;
    }

    /**
     * {@code details.timeToReset} in ms, as Meteor's rate limiter sends it with {@code too-many-requests};
     * -1 when absent.
     */
    public long timeToResetMs() {
        return details != null && details.path("timeToReset").isNumber() ? details.get("timeToReset").asLong() : -1;
    }

    /** The wire form Meteor sends. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("isClientSafe", true);
        o.set("error", error);
        o.put("reason", reason);
        o.put("message", getMessage());
        o.put("errorType", "Meteor.Error");
        if (details != null) {
            o.set("details", details);
        }
        return o;
    }

    /** Reads a wire error object; tolerant of missing fields. */
    public static MeteorError fromJson(JsonNode o) {
        JsonNode err = o.has("error") ? o.get("error") : Json.MAPPER.getNodeFactory().textNode("unknown");
        String reason = o.hasNonNull("reason") ? o.get("reason").asText() : o.path("message").asText("");
        return new MeteorError(err, reason, o.get("details"));
    }
}
