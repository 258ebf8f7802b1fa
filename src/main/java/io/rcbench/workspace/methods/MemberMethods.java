package io.rcbench.workspace.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.ddp.MethodRegistry;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.service.Documents;
import io.rcbench.workspace.service.Presence;
import io.rcbench.workspace.service.Rooms;
import io.rcbench.workspace.store.Stores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code getUsersOfRoom(rid, showAll, {limit, skip}, filter)}: the web client's member list
 * (apps/meteor/server/methods/getUsersOfRoom.ts), {@code {total, records}} with each member's status; without
 * {@code showAll} only members who are not offline.
 */
public final class MemberMethods {
    private final Rooms rooms;
    private final Stores stores;
    private final Presence presence;

    public MemberMethods(Rooms rooms, Stores stores, Presence presence) {
        this.rooms = rooms;
        this.stores = stores;
        this.presence = presence;
    }

    public void register(MethodRegistry registry) {
        registry.register("getUsersOfRoom", (ctx, p) -> {
            User user = ctx.requireUser("getUsersOfRoom");
            Room room = rooms.find(p.path(0).asText(null));
            if (room == null) {
                throw new MeteorError("error-invalid-room", "Invalid room")
                    .withDetails(Json.object().put("method", "getUsersOfRoom"));
            }
            if (!rooms.canRead(user, room)) {
                throw new MeteorError("error-not-allowed", "Not allowed")
                    .withDetails(Json.object().put("method", "getUsersOfRoom"));
            }
            boolean showAll = p.path(1).asBoolean(false);
            JsonNode paging = p.path(2);
            int limit = paging.path("limit").asInt(0);
            int skip = Math.max(0, paging.path("skip").asInt(0));
            String filter = p.path(3).asText("").toLowerCase(Locale.ROOT);
            List<User> members = new ArrayList<>();
            for (String uid : stores.rooms.members(room.id())) {
                stores.users.byId(uid).filter(u -> showAll || !presence.status(u.id()).equals("offline"))
                    .filter(u -> filter.isEmpty() || u.username().toLowerCase(Locale.ROOT).contains(filter)
                        || u.name().toLowerCase(Locale.ROOT).contains(filter))
                    .ifPresent(members::add);
            }
            members.sort(Comparator.comparing(User::username));
            ArrayNode records = Json.array();
            int end = limit > 0 ? Math.min(members.size(), skip + limit) : members.size();
            for (int i = skip; i < end; i++) {
                User u = members.get(i);
                records.add(Documents.userRef(u).put("status", presence.status(u.id()))
                    .put("statusText", presence.statusText(u.id())).put("utcOffset", 0));
            }
            ObjectNode out = Json.object().put("total", members.size());
            out.set("records", records);
            return out;
        });
    }
}
