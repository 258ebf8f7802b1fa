package io.rcbench.workspace.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.store.RoomStore;
import io.rcbench.workspace.store.Stores;

/** The JSON documents Rocket.Chat sends for users, rooms and subscriptions (core-typings shapes, EJSON dates). */
public final class Documents {
    private Documents() {
    }

    /** {@code {_id, username, name}}, the user reference inside messages and rooms. */
    public static ObjectNode userRef(User u) {
        return Json.object().put("_id", u.id()).put("username", u.username()).put("name", u.name());
    }

    /** The user as {@code /api/v1/me} and login answers describe it. */
    public static ObjectNode me(User u) {
        ObjectNode o = userRef(u);
        ArrayNode emails = Json.array();
        if (u.email() != null) {
            emails.add(Json.object().put("address", u.email()).put("verified", true));
        }
        o.set("emails", emails);
        o.put("status", "online").put("statusConnection", "online").put("utcOffset", 0).put("active", u.active());
        ArrayNode roles = o.putArray("roles");
        u.roles().stream().sorted().forEach(roles::add);
        o.set("settings", Json.object().set("preferences", Json.object()));
        o.put("avatarUrl", "/avatar/" + u.username());
        return o;
    }

    /** The room as Rocket.Chat sends it, its creator looked up in the store (null creator when deleted). */
    public static ObjectNode room(Room r, Stores stores) {
        return room(r, stores.users.byId(r.creatorId()).orElse(null), stores.rooms);
    }

    /** The room as Rocket.Chat sends it, for a caller that already holds the creator. */
    public static ObjectNode room(Room r, User creator, RoomStore rooms) {
        ObjectNode o = Json.object().put("_id", r.id()).put("t", r.t());
        if (r.name() != null) {
            o.put("name", r.name()).put("fname", r.name());
        }
        if (creator != null) {
            o.set("u", Json.object().put("_id", creator.id()).put("username", creator.username()));
        }
        RoomStore.Counters c = rooms.counters(r.id());
        o.set("ts", Ejson.date(r.createdAtMs()));
        o.put("usersCount", rooms.members(r.id()).size()).put("msgs", c.msgs()).put("default", false)
            .put("ro", r.readOnly()).put("sysMes", true);
        if (c.lastMessageMs() != null) {
            o.set("lm", Ejson.date(c.lastMessageMs()));
        }
        o.set("_updatedAt", Ejson.date(c.lastMessageMs() != null ? c.lastMessageMs() : r.createdAtMs()));
        return o;
    }

    public static ObjectNode subscription(Room r, User member, RoomStore.SubscriptionState state) {
        ObjectNode o = Json.object().put("_id", RoomStore.subscriptionId(r.id(), member.id())).put("rid", r.id())
            .put("t", r.t()).put("open", true);
        o.set("u", Json.object().put("_id", member.id()).put("username", member.username()));
        if (r.name() != null) {
            o.put("name", r.name()).put("fname", r.name());
        }
        o.set("ts", Ejson.date(state.joinedMs()));
        if (state.lastSeenMs() != null) {
            o.set("ls", Ejson.date(state.lastSeenMs()));
        }
        o.put("unread", state.unread()).put("alert", state.unread() > 0);
        o.set("_updatedAt", Ejson.date(System.currentTimeMillis()));
        return o;
    }
}
