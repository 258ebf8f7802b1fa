package io.rcbench.workspace.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.store.RoomStore;
import io.rcbench.workspace.store.Stores;
import io.rcbench.workspace.store.UserStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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
        return room(r, stores.users.byId(r.creatorId()).orElse(null), stores);
    }

    /** The room as Rocket.Chat sends it, for a caller that already holds the creator. */
    public static ObjectNode room(Room r, User creator, Stores stores) {
        RoomStore rooms = stores.rooms;
        ObjectNode o = Json.object().put("_id", r.id()).put("t", r.t());
        if (r.name() != null) {
            o.put("name", r.name()).put("fname", r.name());
        }
        if (creator != null) {
            o.set("u", Json.object().put("_id", creator.id()).put("username", creator.username()));
        }
        RoomStore.Counters c = rooms.counters(r.id());
        Set<String> memberIds = rooms.members(r.id());
        o.set("ts", Ejson.date(r.createdAtMs()));
        o.put("usersCount", memberIds.size()).put("msgs", c.msgs()).put("default", false)
            .put("ro", r.readOnly()).put("sysMes", true);
        if (r.t().equals("d")) {
            putDirectMembers(o, memberIds, stores.users);
        }
        if (c.lastMessageMs() != null) {
            o.set("lm", Ejson.date(c.lastMessageMs()));
        }
        o.set("_updatedAt", Ejson.date(c.lastMessageMs() != null ? c.lastMessageMs() : r.createdAtMs()));
        return o;
    }

    /**
     * IRoom's {@code usernames} (sorted) and {@code uids} (in the same order) of a direct room. Only DMs carry
     * them, so the per-message room document of a channel costs no user lookups; a deleted member is left out
     * of both lists to keep them aligned.
     */
    private static void putDirectMembers(ObjectNode o, Set<String> memberIds, UserStore users) {
        List<User> members = new ArrayList<>(memberIds.size());
        for (String id : memberIds) {
            users.byId(id).ifPresent(members::add);
        }
        members.sort(Comparator.comparing(User::username));
        ArrayNode usernames = o.putArray("usernames");
        ArrayNode uids = o.putArray("uids");
        for (User u : members) {
            usernames.add(u.username());
            uids.add(u.id());
        }
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
