package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;
import io.rcbench.workspace.service.Documents;
import io.rcbench.workspace.service.Rooms;
import io.rcbench.workspace.store.Stores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rooms over REST: {@code channels.create/join/history}, {@code groups.create}, {@code im.create} and
 * {@code subscriptions.read}.
 */
public final class RoomRoutes {
    private final Rooms rooms;
    private final Stores stores;

    public RoomRoutes(Rooms rooms, Stores stores) {
        this.rooms = rooms;
        this.stores = stores;
    }

    public void register(RestRouter router) {
        router.add("POST", "/api/v1/channels.create", Access.AUTH, Limit.DEFAULT, req -> create(req, "c", "channel"));
        router.add("POST", "/api/v1/groups.create", Access.AUTH, Limit.DEFAULT, req -> create(req, "p", "group"));
        router.add("POST", "/api/v1/channels.join", Access.AUTH, Limit.DEFAULT, req -> {
            JsonNode b = req.json();
            Room room = b.hasNonNull("roomId") ? rooms.require(b.get("roomId").asText())
                : stores.rooms.byName(b.path("roomName").asText("")).orElseThrow(
                    () -> new MeteorError("error-room-not-found", "The required \"roomId\" or \"roomName\" param provided does not match any channel"));
            rooms.join(req.user(), room.id());
            return RestResponse.ok(Json.object().set("channel", doc(room)));
        });
        // Rocket.Chat has one history route per room type, each refusing rooms of the others (findChannelByIdOrName)
        router.add("GET", "/api/v1/channels.history", Access.AUTH, Limit.DEFAULT, req -> history(req, "c"));
        router.add("GET", "/api/v1/groups.history", Access.AUTH, Limit.DEFAULT, req -> history(req, "p"));
        router.add("GET", "/api/v1/im.history", Access.AUTH, Limit.DEFAULT, req -> history(req, "d"));
        router.add("POST", "/api/v1/im.create", Access.AUTH, Limit.DEFAULT, req -> {
            JsonNode b = req.json();
            Room room = rooms.direct(req.user(), directUsernames(b), b.path("excludeSelf").asBoolean(false));
            ObjectNode doc = doc(room);
            doc.put("rid", room.id());
            return RestResponse.ok(Json.object().set("room", doc));
        });
        router.add("POST", "/api/v1/subscriptions.read", Access.AUTH, Limit.DEFAULT, req -> {
            JsonNode b = req.json();
            rooms.markRead(req.user(), b.hasNonNull("rid") ? b.get("rid").asText() : req.requireText(b, "roomId"));
            return RestResponse.ok();
        });
    }

    /** im.create's {@code username}, else its comma-separated {@code usernames} (Rocket.Chat 3.1+). */
    private static List<String> directUsernames(JsonNode b) {
        String one = Json.text(b, "username");
        if (one != null && !one.isEmpty()) {
            return List.of(one);
        }
        String many = Json.text(b, "usernames");
        if (many == null || many.isBlank()) {
            throw new MeteorError("error-invalid-params", "The parameter \"username\" or \"usernames\" is required");
        }
        return Arrays.stream(many.split(",")).map(String::trim).toList();
    }

    private RestResponse create(RestRequest req, String type, String key) {
        JsonNode b = req.json();
        List<String> members = new ArrayList<>();
        b.path("members").forEach(m -> members.add(m.asText()));
        ObjectNode created = rooms.create(req.user(), type, req.requireText(b, "name"), members, b.path("readOnly").asBoolean(false));
        created.remove("rid");
        created.remove("inserted");
        return RestResponse.ok(Json.object().set(key, created));
    }

    /** A page of a room's history; {@code type} non-null: the room must be of that type ({@code error-room-not-found}). */
    private RestResponse history(RestRequest req, String type) {
        String rid = req.query("roomId");
        if (rid == null) {
            throw new MeteorError("error-room-param-not-provided", "The parameter \"roomId\" or \"roomName\" is required");
        }
        Room room = rooms.require(rid);
        if (!room.t().equals(type)) {
            throw new MeteorError("error-room-not-found", "The required \"roomId\" or \"roomName\" param provided does not match any "
                + switch (type) {
                    case "p" -> "group";
                    case "d" -> "direct message";
                    default -> "channel";
                });
        }
        if (!rooms.canRead(req.user(), room)) {
            throw new MeteorError(403, "unauthorized");
        }
        long latest = req.query("latest") == null ? Long.MAX_VALUE : instant(req.query("latest"), "latest");
        int count = (int) Math.min(Paging.number(req.query("count"), "count", 20), 1000);
        int offset = (int) Math.min(Paging.number(req.query("offset"), "offset", 0), Integer.MAX_VALUE);
        ArrayNode list = Json.array();
        stores.messages.history(rid, latest, count, offset).forEach(list::add);
        return RestResponse.ok(Json.object().set("messages", list));
    }

    private static long instant(String value, String name) {
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new MeteorError("error-invalid-params", "The parameter \"" + name + "\" must be an ISO-8601 date");
        }
    }

    private ObjectNode doc(Room room) {
        return Documents.room(room, stores);
    }
}
