package io.rcbench.workspace.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.ddp.MethodContext;
import io.rcbench.workspace.ddp.MethodRegistry;
import io.rcbench.workspace.service.Rooms;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code joinRoom}, {@code leaveRoom}, {@code createChannel}, {@code createPrivateGroup} and the delta-sync methods
 * {@code rooms/get} and {@code subscriptions/get} (protocol section 3.2).
 */
public final class RoomMethods {
    private final Rooms rooms;

    public RoomMethods(Rooms rooms) {
        this.rooms = rooms;
    }

    public void register(MethodRegistry registry) {
        registry.register("joinRoom", (ctx, p) -> {
            rooms.join(ctx.requireUser("joinRoom"), p.path(0).asText(""));
            return BooleanNode.TRUE;
        });
        registry.register("leaveRoom", (ctx, p) -> {
            var user = ctx.requireUser("leaveRoom");
            var room = rooms.find(p.path(0).asText(null));
            if (room == null) {
                throw new MeteorError("error-invalid-room", "Invalid room")
                    .withDetails(Json.object().put("method", "leaveRoom"));
            }
            rooms.leave(user, room);
            return null;
        });
        registry.register("createChannel", (ctx, p) -> create(ctx, p, "c", "createChannel"));
        registry.register("createPrivateGroup", (ctx, p) -> create(ctx, p, "p", "createPrivateGroup"));
        registry.register("rooms/get", (ctx, p) -> delta(rooms.roomsOf(ctx.requireUser("rooms/get")), p));
        registry.register("subscriptions/get",
            (ctx, p) -> delta(rooms.subscriptionsOf(ctx.requireUser("subscriptions/get")), p));
    }

    private JsonNode create(MethodContext ctx, ArrayNode p, String type, String method) {
        List<String> members = new ArrayList<>();
        p.path(1).forEach(m -> members.add(m.asText()));
        return rooms.create(ctx.requireUser(method), type, p.path(0).asText(null), members, p.path(2).asBoolean(false));
    }

    /** No argument: the full list. A date: {@code {update, remove}} with what changed since. */
    private static JsonNode delta(List<ObjectNode> docs, ArrayNode p) {
        if (!Ejson.isDate(p.path(0))) {
            ArrayNode all = Json.array();
            docs.forEach(all::add);
            return all;
        }
        long since = Ejson.dateMs(p.get(0), 0);
        ArrayNode update = Json.array();
        docs.stream().filter(d -> Ejson.dateMs(d.get("_updatedAt"), 0) > since).forEach(update::add);
        ObjectNode out = Json.object();
        out.set("update", update);
        out.set("remove", Json.array());
        return out;
    }
}
