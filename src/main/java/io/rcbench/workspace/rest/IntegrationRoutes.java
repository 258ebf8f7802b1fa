package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.ddp.RandomId;
import io.rcbench.workspace.model.Integration;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;
import io.rcbench.workspace.service.Messaging;
import io.rcbench.workspace.service.Rooms;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.store.Stores;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Incoming webhooks (protocol section 6): {@code integrations.create} with type {@code webhook-incoming}, and
 * {@code /hooks/<id>/<token>} (JSON body, or a form with {@code payload=<json>}), rate-limited per hook URL and
 * IP with no bypass, as on Rocket.Chat.
 */
public final class IntegrationRoutes {
    private final Permissions permissions;
    /** The integrations table's name column. */
    private static final int MAX_NAME = 256;
    private final Stores stores;
    private final Rooms rooms;
    private final Messaging messaging;

    public IntegrationRoutes(Stores stores, Rooms rooms, Messaging messaging, Permissions permissions) {
        this.permissions = permissions;
        this.stores = stores;
        this.rooms = rooms;
        this.messaging = messaging;
    }

    public void register(RestRouter router) {
        router.add("POST", "/api/v1/integrations.create", Access.AUTH, Limit.DEFAULT, this::create);
        router.add("POST", "/api/v1/integrations.remove", Access.AUTH, Limit.DEFAULT, this::remove);
        for (String method : List.of("POST", "GET")) {
            router.add(method, "/hooks/:id/:token", Access.PUBLIC, Limit.NO_BYPASS, this::hook);
            router.add(method, "/hooks/:id/:userId/:token", Access.PUBLIC, Limit.NO_BYPASS, this::hook);
        }
    }

    private RestResponse create(RestRequest req) {
        if (!permissions.has(req.user(), "manage-incoming-integrations")) {
            throw new MeteorError(403, "unauthorized");
        }
        JsonNode b = req.json();
        if (!"webhook-incoming".equals(Json.text(b, "type"))) {
            throw new MeteorError("error-invalid-type", "Only webhook-incoming integrations are supported by this workspace");
        }
        User poster = stores.users.byUsername(req.requireText(b, "username"))
            .orElseThrow(() -> new MeteorError("error-invalid-user", "Invalid user"));
        String channel = req.requireText(b, "channel");
        String name = Json.text(b, "name");
        if (name != null && name.length() > MAX_NAME) {
            throw new MeteorError("error-invalid-name", "Integration name longer than " + MAX_NAME + " characters");
        }
        rooms.resolveChannel(poster, channel);
        Integration i = new Integration(RandomId.id(), "webhook-incoming", name, RandomId.secret(48), poster.id(),
            channel, b.path("enabled").asBoolean(true), System.currentTimeMillis());
        stores.integrations.insertAll(List.of(i));
        return RestResponse.ok(Json.object().set("integration", document(i, poster)));
    }

    /**
     * {@code integrations.remove {type, integrationId}}: manage-incoming-integrations, or
     * manage-own-incoming-integrations for one's own. Answers the removed integration.
     */
    private RestResponse remove(RestRequest req) {
        JsonNode b = req.json();
        String type = req.requireText(b, "type");
        if (!type.equals("webhook-incoming") && !type.equals("webhook-outgoing")) {
            throw new MeteorError("error-invalid-type", "Invalid integration type.");
        }
        Integration i = stores.integrations.byId(req.requireText(b, "integrationId")).filter(x -> x.type().equals(type))
            .orElse(null);
        boolean any = permissions.has(req.user(), "manage-incoming-integrations");
        boolean own = i != null && i.userId().equals(req.user().id())
            && permissions.has(req.user(), "manage-own-incoming-integrations");
        if (!any && !permissions.has(req.user(), "manage-own-incoming-integrations")) {
            throw new MeteorError(403, "unauthorized");
        }
        if (i == null || (!any && !own)) {
            throw new MeteorError("error-invalid-integration", "No integration found.");
        }
        stores.integrations.delete(i.id());
        User poster = stores.users.byId(i.userId()).orElse(null);
        return RestResponse.ok(Json.object().set("integration", document(i, poster)));
    }

    /** The integration as Rocket.Chat returns it (token included: the creator needs it for the hook URL). */
    public static ObjectNode document(Integration i, User poster) {
        ObjectNode o = Json.object().put("_id", i.id()).put("type", i.type()).put("name", i.name()).put("enabled", i.enabled())
            .put("username", poster == null ? null : poster.username()).put("userId", i.userId()).put("token", i.token()).put("scriptEnabled", false);
        o.set("channel", Json.array().add(i.channel()));
        o.set("_createdAt", Ejson.date(i.createdAtMs()));
        return o;
    }

    private RestResponse hook(RestRequest req) {
        Integration i = stores.integrations.byId(req.param("id")).filter(x -> sameSecret(x.token(), req.param("token"))).orElse(null);
        if (i == null) {
            return RestResponse.failure(404, "Invalid integration id or token provided.", null);
        }
        if (!i.enabled()) {
            return RestResponse.failure(503, "Service Unavailable", null);
        }
        JsonNode body = body(req);
        User poster = stores.users.byId(i.userId()).orElseThrow(() -> new MeteorError("error-invalid-user", "Invalid user"));
        Room room = rooms.resolveChannel(poster, i.channel());
        messaging.post(poster, room, body, i.id());
        return RestResponse.json(200, Json.object().put("success", true));
    }

    /** Compares in constant time, so response timing does not reveal how much of a guessed token was right. */
    private static boolean sameSecret(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** JSON body, or a urlencoded form whose {@code payload} field holds the JSON. */
    private static JsonNode body(RestRequest req) {
        String contentType = req.header("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            String form = req.raw().content().toString(StandardCharsets.UTF_8);
            List<String> payload = new QueryStringDecoder(form, false).parameters().get("payload");
            if (payload == null) {
                throw new MeteorError("error-invalid-body", "A form body needs a 'payload' field");
            }
            try {
                return Json.parse(payload.get(0));
            } catch (IllegalArgumentException e) {
                throw new MeteorError("error-invalid-body", "Invalid JSON in 'payload'");
            }
        }
        if (req.method().equals("GET")) {
            ObjectNode o = Json.object();
            req.query().forEach((k, v) -> o.put(k, v.get(0)));
            return o;
        }
        return req.json();
    }
}
