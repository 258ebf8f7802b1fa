package io.rcbench.workspace.rest;

import io.rcbench.workspace.settings.Permissions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.StoredUpload;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;
import io.rcbench.workspace.service.Documents;
import io.rcbench.workspace.service.MessageActions;
import io.rcbench.workspace.service.Presence;
import io.rcbench.workspace.service.Rooms;
import io.rcbench.workspace.store.Stores;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reading and leaving rooms over REST: {@code channels|groups|im.messages/members/roles/info/files},
 * {@code rooms.info/roles/images/get/leave/cleanHistory}, {@code subscriptions.get}, {@code channels|groups.leave/delete}
 * (apps/meteor/app/api/server/v1/channels.ts, groups.ts, im.ts, rooms.ts, subscriptions.ts).
 * {@code <type>} routes answer only for rooms of their type, as Rocket.Chat's.
 */
public final class RoomInfoRoutes {
    private final Permissions permissions;
    private final Rooms rooms;
    private final Stores stores;
    private final Presence presence;
    private final MessageActions actions;

    public RoomInfoRoutes(Rooms rooms, Stores stores, Presence presence, MessageActions actions, Permissions permissions) {
        this.permissions = permissions;
        this.rooms = rooms;
        this.stores = stores;
        this.presence = presence;
        this.actions = actions;
    }

    public void register(RestRouter router) {
        for (String[] kind : new String[][] {{"channels", "c", "channel"}, {"groups", "p", "group"}, {"im", "d", "room"}}) {
            String prefix = "/api/v1/" + kind[0];
            String type = kind[1];
            router.add("GET", prefix + ".messages", Access.AUTH, Limit.DEFAULT, req -> messages(req, type));
            router.add("GET", prefix + ".members", Access.AUTH, Limit.DEFAULT, req -> members(req, type));
            router.add("GET", prefix + ".roles", Access.AUTH, Limit.DEFAULT,
                req -> RestResponse.ok(Json.object().set("roles", roles(req.user(), readable(req, type)))));
            router.add("GET", prefix + ".files", Access.AUTH, Limit.DEFAULT, req -> files(req, readable(req, type), false));
            if (!type.equals("d")) {
                String key = kind[2];
                router.add("GET", prefix + ".info", Access.AUTH, Limit.DEFAULT,
                    req -> RestResponse.ok(Json.object().set(key, Documents.room(readable(req, type), stores))));
                router.add("POST", prefix + ".leave", Access.AUTH, Limit.DEFAULT, req -> {
                    Room room = target(req, req.json(), type);
                    rooms.leave(req.user(), room);
                    return RestResponse.ok(Json.object().set(key, Documents.room(room, stores)));
                });
                router.add("POST", prefix + ".delete", Access.AUTH, Limit.DEFAULT, req -> {
                    rooms.delete(req.user(), target(req, req.json(), type));
                    return RestResponse.ok();
                });
            }
        }
        router.add("GET", "/api/v1/rooms.info", Access.AUTH, Limit.DEFAULT, req -> {
            Room room = byQuery(req, null);
            if (!rooms.canRead(req.user(), room)) {
                throw new MeteorError(403, "unauthorized");
            }
            return RestResponse.ok(Json.object().set("room", Documents.room(room, stores)));
        });
        router.add("GET", "/api/v1/rooms.roles", Access.AUTH, Limit.DEFAULT, req -> {
            String rid = req.query("rid");
            if (rid == null || rid.isEmpty()) {
                throw new MeteorError("error-invalid-params", "The required \"rid\" query param is missing.");
            }
            Room room = rooms.find(rid);
            if (room == null || !rooms.canRead(req.user(), room)) {
                throw new MeteorError("error-not-allowed", "Not allowed");
            }
            return RestResponse.ok(Json.object().set("roles", roles(req.user(), room)));
        });
        router.add("GET", "/api/v1/rooms.images", Access.AUTH, Limit.DEFAULT, req -> {
            Room room = byQuery(req, null);
            if (!rooms.canRead(req.user(), room)) {
                throw new MeteorError(403, "unauthorized");
            }
            return files(req, room, true);
        });
        router.add("POST", "/api/v1/rooms.leave", Access.AUTH, Limit.DEFAULT, req -> {
            Room room = rooms.find(req.requireText(req.json(), "roomId"));
            if (room == null || !rooms.canRead(req.user(), room)) {
                throw new MeteorError("error-invalid-room", "Invalid room");
            }
            rooms.leave(req.user(), room);
            return RestResponse.ok();
        });
        router.add("GET", "/api/v1/rooms.get", Access.AUTH, Limit.DEFAULT,
            req -> delta(rooms.roomsOf(req.user()), req));
        router.add("GET", "/api/v1/subscriptions.get", Access.AUTH, Limit.DEFAULT,
            req -> delta(rooms.subscriptionsOf(req.user()), req));
        router.add("POST", "/api/v1/rooms.cleanHistory", Access.AUTH, Limit.DEFAULT, req -> {
            JsonNode b = req.json();
            Room room = rooms.require(req.requireText(b, "roomId"));
            long latest = date(req.requireText(b, "latest"), "latest");
            long oldest = date(req.requireText(b, "oldest"), "oldest");
            int n = actions.cleanHistory(req.user(), room, oldest, latest, b.path("inclusive").asBoolean(false),
                b.path("excludePinned").asBoolean(false), b.path("limit").asInt(0));
            return RestResponse.ok(Json.object().put("_id", room.id()).put("count", n));
        });
    }

    private static long date(String value, String name) {
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new MeteorError("error-invalid-params", "The parameter \"" + name + "\" must be an ISO-8601 date");
        }
    }

    /** The room a query names ({@code roomId}, else {@code roomName}); of {@code type} when non-null. */
    private Room byQuery(RestRequest req, String type) {
        String rid = req.query("roomId");
        String name = req.query("roomName");
        Room room;
        if (rid != null && !rid.isEmpty()) {
            room = rooms.find(rid);
        } else if (name != null && !name.isEmpty()) {
            room = stores.rooms.byName(name).orElse(null);
        } else {
            throw new MeteorError("error-room-param-not-provided", "The parameter \"roomId\" or \"roomName\" is required");
        }
        if (room == null || (type != null && !room.t().equals(type))) {
            throw new MeteorError("error-room-not-found", "The required \"roomId\" or \"roomName\" param provided does not match any "
                + (type == null ? "room" : type.equals("c") ? "channel" : type.equals("p") ? "group" : "direct message"));
        }
        return room;
    }

    /** A room of {@code type} named by the query, readable by the caller (else 403; private rooms: not found). */
    private Room readable(RestRequest req, String type) {
        Room room = byQuery(req, type);
        if (!rooms.canRead(req.user(), room)) {
            if (!room.isPublic()) {
                throw new MeteorError("error-room-not-found", "The required \"roomId\" or \"roomName\" param provided does not match any group");
            }
            throw new MeteorError(403, "unauthorized");
        }
        return room;
    }

    /** The room a POST body names ({@code roomId} or {@code roomName}), of {@code type}. */
    private Room target(RestRequest req, JsonNode b, String type) {
        String rid = Json.text(b, "roomId");
        String name = Json.text(b, "roomName");
        Room room = rid != null ? rooms.find(rid) : name != null ? stores.rooms.byName(name).orElse(null) : null;
        if (rid == null && name == null) {
            throw new MeteorError("error-room-param-not-provided", "The parameter \"roomId\" or \"roomName\" is required");
        }
        if (room == null || !room.t().equals(type) || (!room.isPublic() && !stores.rooms.isMember(room.id(), req.user().id())
            && !permissions.has(req.user(), "view-room-administration"))) {
            throw new MeteorError("error-room-not-found", "The required \"roomId\" or \"roomName\" param provided does not match any "
                + (type.equals("c") ? "channel" : "group"));
        }
        return room;
    }

    /** {@code <type>.messages}: the room's messages newest first, paged, with total. */
    private RestResponse messages(RestRequest req, String type) {
        Room room = readable(req, type);
        int offset = Paging.offset(req);
        int count = Paging.count(req);
        ArrayNode list = Json.array();
        stores.messages.history(room.id(), Long.MAX_VALUE, count, offset).forEach(list::add);
        ObjectNode body = Json.object();
        body.set("messages", list);
        body.put("count", list.size()).put("offset", offset).put("total", stores.messages.countRoom(room.id()));
        return RestResponse.ok(body);
    }

    /** {@code <type>.members}: members with their status, sorted by username, paged. */
    private RestResponse members(RestRequest req, String type) {
        Room room = readable(req, type);
        List<User> users = new ArrayList<>();
        for (String uid : stores.rooms.members(room.id())) {
            stores.users.byId(uid).ifPresent(users::add);
        }
        users.sort(Comparator.comparing(User::username));
        List<ObjectNode> docs = new ArrayList<>();
        for (User u : users) {
            ObjectNode d = Documents.userRef(u).put("status", presence.status(u.id())).put("utcOffset", 0);
            String text = presence.statusText(u.id());
            if (!text.isEmpty()) {
                d.put("statusText", text);
            }
            docs.add(d);
        }
        return RestResponse.ok(Paging.page("members", docs, req));
    }

    /**
     * {@code rooms.roles} and {@code <type>.roles}: one entry per member holding a room role
     * ({@code {_id, rid, u:{_id, username, name}, roles}}).
     */
    private ArrayNode roles(User caller, Room room) {
        ArrayNode out = Json.array();
        stores.users.byId(room.creatorId()).ifPresent(owner -> {
            var held = rooms.rolesIn(owner, room);
            if (!held.isEmpty()) {
                ObjectNode e = Json.object().put("_id", io.rcbench.workspace.store.RoomStore.subscriptionId(room.id(), owner.id()))
                    .put("rid", room.id());
                e.set("u", Documents.userRef(owner));
                ArrayNode r = e.putArray("roles");
                held.forEach(r::add);
                out.add(e);
            }
        });
        return out;
    }

    /** Uploaded files of a room (images only for rooms.images), newest first, paged. */
    private RestResponse files(RestRequest req, Room room, boolean imagesOnly) {
        List<ObjectNode> docs = new ArrayList<>();
        for (StoredUpload u : stores.uploads.byRoom(room.id(), MessageActions.SCAN_LIMIT)) {
            String t = u.type() == null ? "application/octet-stream" : u.type();
            if (imagesOnly && !t.startsWith("image/")) {
                continue;
            }
            ObjectNode d = Json.object().put("_id", u.id()).put("name", u.name()).put("type", t).put("size", u.size())
                .put("rid", u.rid()).put("userId", u.userId()).put("complete", true).put("uploading", false)
                .put("url", "/file-upload/" + u.id() + "/" + java.net.URLEncoder.encode(u.name(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            d.set("uploadedAt", Ejson.date(u.createdAtMs()));
            stores.users.byId(u.userId()).ifPresent(owner -> d.set("user", Documents.userRef(owner)));
            docs.add(d);
        }
        return RestResponse.ok(Paging.page("files", docs, req));
    }

    /** {@code rooms.get} / {@code subscriptions.get}: {@code {update, remove}}, since {@code updatedSince} when given. */
    private static RestResponse delta(List<ObjectNode> docs, RestRequest req) {
        String since = req.query("updatedSince");
        long sinceMs = Long.MIN_VALUE;
        if (since != null) {
            try {
                sinceMs = Instant.parse(since).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new MeteorError("error-updatedSince-param-invalid", "The \"updatedSince\" query parameter must be a valid date.");
            }
        }
        ArrayNode update = Json.array();
        for (ObjectNode d : docs) {
            if (Ejson.dateMs(d.get("_updatedAt"), 0) > sinceMs) {
                update.add(d);
            }
        }
        ObjectNode body = Json.object();
        body.set("update", update);
        body.set("remove", Json.array());
        return RestResponse.ok(body);
    }
}
