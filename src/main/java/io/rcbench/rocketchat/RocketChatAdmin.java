package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Provisioning a target as an admin (protocol sections 5-7): users, channels, private groups and DMs, incoming
 * webhooks, settings, and the rate-limit settings a load test must know about. Blocking calls (a cold path);
 * each fails with a {@link RocketChatException} that says what to do. Thread-safe.
 */
public final class RocketChatAdmin {
    /** A created user. */
    public record UserRef(String id, String username) {
    }

    /**
     * A created room; {@code type} is "c" (public channel), "p" (private group) or "d" (direct message, whose
     * {@code name} is null: Rocket.Chat gives DMs no name).
     */
    public record RoomRef(String id, String name, String type) {
    }

    private final RestClient rest;

    /** {@code rest} must be logged in as a user with the admin permissions each call needs. */
    public RocketChatAdmin(RestClient rest) {
        if (rest.credentials().isEmpty()) {
            throw new IllegalArgumentException("admin calls need a logged-in client: log in as an admin first");
        }
        this.rest = rest;
    }

    /** {@code users.create} (permission create-user); roles default to {@code user}. */
    public UserRef createUser(String username, String name, String email, String password, Set<String> roles) {
        ObjectNode body = Json.object().put("username", username).put("name", name).put("email", email).put("password", password)
            .put("verified", true).put("joinDefaultChannels", false);
        ArrayNode r = body.putArray("roles");
        (roles.isEmpty() ? Set.of("user") : roles).forEach(r::add);
        JsonNode u = rest.post("/api/v1/users.create", body).path("user");
        return new UserRef(required(u, "_id", "users.create", "user._id"), u.path("username").asText(username));
    }

    /** {@code channels.create} (type "c") or {@code groups.create} (type "p") with the given member usernames. */
    public RoomRef createRoom(String type, String name, List<String> members) {
        if (!"c".equals(type) && !"p".equals(type)) {
            throw new IllegalArgumentException("room type must be c (channel) or p (private group)");
        }
        ObjectNode body = Json.object().put("name", name);
        ArrayNode m = body.putArray("members");
        members.forEach(m::add);
        boolean channel = type.equals("c");
        String field = channel ? "channel" : "group";
        JsonNode room = rest.post(channel ? "/api/v1/channels.create" : "/api/v1/groups.create", body).path(field);
        return new RoomRef(required(room, "_id", channel ? "channels.create" : "groups.create", field + "._id"),
            room.path("name").asText(name), type);
    }

    /**
     * {@code im.create} with {@code excludeSelf}: the direct-message room of two users, without the admin
     * (needs view-room-administration). Asking again for the same pair, in either order, gives the same room.
     */
    public RoomRef createDirect(String usernameA, String usernameB) {
        ObjectNode body = Json.object().put("usernames", usernameA + "," + usernameB).put("excludeSelf", true);
        return new RoomRef(required(rest.post("/api/v1/im.create", body).path("room"), "rid", "im.create", "room.rid"),
            null, "d");
    }

    /**
     * {@code integrations.create} of type {@code webhook-incoming}: messages posted to the hook appear in
     * {@code channel} ("#name") as {@code postAsUsername}.
     */
    public IncomingWebhook createIncomingWebhook(String name, String postAsUsername, String channel) {
        ObjectNode body = Json.object().put("type", "webhook-incoming").put("name", name).put("enabled", true)
            .put("username", postAsUsername).put("channel", channel).put("scriptEnabled", false);
        JsonNode i = rest.post("/api/v1/integrations.create", body).path("integration");
        return new IncomingWebhook(required(i, "_id", "integrations.create", "integration._id"),
            required(i, "token", "integrations.create", "integration.token"));
    }

    /** {@code GET settings/<id>}: the setting's value. */
    public JsonNode setting(String id) {
        JsonNode v = rest.get("/api/v1/settings/" + RestClient.encode(id)).get("value");
        return v == null ? Json.object().nullNode() : v;
    }

    /** {@code POST settings/<id>}: sets a value (boolean, number or string as the setting takes). */
    public void setSetting(String id, JsonNode value) {
        Objects.requireNonNull(value, "value");
        rest.post("/api/v1/settings/" + RestClient.encode(id), Json.object().set("value", value));
    }

    public void setSetting(String id, boolean value) {
        setSetting(id, BooleanNode.valueOf(value));
    }

    public void setSetting(String id, long value) {
        setSetting(id, Json.MAPPER.getNodeFactory().numberNode(value));
    }

    /** Reads the REST limiter and the five DDP rules. */
    public RateLimitSettings rateLimitSettings() {
        List<RateLimitSettings.DdpRule> rules = new ArrayList<>();
        for (String r : RateLimitSettings.DDP_RULES) {
            String p = "DDP_Rate_Limit_" + r + "_";
            rules.add(new RateLimitSettings.DdpRule(r, setting(p + "Enabled").asBoolean(), setting(p + "Requests_Allowed").asLong(),
                setting(p + "Interval_Time").asLong()));
        }
        return new RateLimitSettings(setting("API_Enable_Rate_Limiter").asBoolean(),
            setting("API_Enable_Rate_Limiter_Limit_Calls_Default").asLong(),
            setting("API_Enable_Rate_Limiter_Limit_Time_Default").asLong(),
            setting("Rate_Limiter_Limit_RegisterUser").asLong(), rules);
    }

    /**
     * Switches off the REST limiter and every DDP rule that is on, as Rocket.Chat's own e2e set-up does, and says
     * what it changed (limiters already off are left alone). When a change fails half way, the ones made are put
     * back before the failure is thrown, so the target is never left half-relaxed.
     */
    public SettingChanges disableRateLimits() {
        List<String> switches = new ArrayList<>();
        switches.add("API_Enable_Rate_Limiter");
        RateLimitSettings.DDP_RULES.forEach(r -> switches.add("DDP_Rate_Limit_" + r + "_Enabled"));
        List<SettingChanges.Change> made = new ArrayList<>();
        try {
            for (String id : switches) {
                JsonNode before = setting(id);
                if (before.asBoolean(false)) {
                    setSetting(id, false);
                    made.add(new SettingChanges.Change(id, before, BooleanNode.FALSE));
                }
            }
        } catch (RocketChatException e) {
            restore(new SettingChanges(made));
            throw e;
        }
        return new SettingChanges(made);
    }

    /**
     * Puts each changed setting back to its value before the change, each independently of the others.
     *
     * @return one line per setting that could not be restored (id and reason); empty when all were
     */
    public List<String> restore(SettingChanges changes) {
        List<String> failures = new ArrayList<>();
        for (SettingChanges.Change c : changes.changes()) {
            try {
                setSetting(c.id(), c.before());
            } catch (RuntimeException e) {
                failures.add(c.id() + " (still " + c.during() + "): " + e.getMessage());
            }
        }
        return failures;
    }

    /**
     * A field the caller cannot go on without: an answer of 200 without it is an incomplete document, refused here
     * rather than carried into the run as an empty id.
     */
    private static String required(JsonNode doc, String field, String route, String what) {
        String v = Json.text(doc, field);
        if (v == null || v.isBlank()) {
            throw new RocketChatException(200, "incomplete-document", "POST /api/v1/" + route + " succeeded without "
                + what + ": the target's answer is incomplete (a proxy rewriting bodies, or not a Rocket.Chat server)");
        }
        return v;
    }
}
