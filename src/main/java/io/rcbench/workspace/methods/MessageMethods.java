package io.rcbench.workspace.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.ddp.MethodContext;
import io.rcbench.workspace.ddp.MethodRegistry;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.service.Messaging;
import io.rcbench.workspace.service.Rooms;
import io.rcbench.workspace.store.MessageStore;

/** {@code sendMessage}, {@code loadHistory} and {@code readMessages} (protocol sections 3.1-3.2). */
public final class MessageMethods {
    private final Messaging messaging;
    private final Rooms rooms;
    private final MessageStore messages;

    public MessageMethods(Messaging messaging, Rooms rooms, MessageStore messages) {
        this.messaging = messaging;
        this.rooms = rooms;
        this.messages = messages;
    }

    public void register(MethodRegistry registry) {
        registry.register("sendMessage", this::sendMessage)
            .register("loadHistory", this::loadHistory)
            .register("readMessages", this::readMessages);
    }

    private JsonNode sendMessage(MethodContext ctx, ArrayNode params) {
        return messaging.send(ctx.requireUser("sendMessage"), params.path(0));
    }

    /** {@code loadHistory(rid, end, limit=20, ls, showThreadMessages)}: false, not an error, without access. */
    private JsonNode loadHistory(MethodContext ctx, ArrayNode params) {
        User user = ctx.requireUser("loadHistory");
        String rid = params.path(0).asText(null);
        Room room = rid == null ? null : rooms.find(rid);
        if (room == null || !rooms.canRead(user, room)) {
            return BooleanNode.FALSE;
        }
        long end = params.path(1).isNull() || params.path(1).isMissingNode()
            ? Long.MAX_VALUE : Ejson.dateMs(params.get(1), Long.MAX_VALUE);
        int limit = params.path(2).isNumber() ? Math.max(0, Math.min(params.get(2).asInt(), 1000)) : 20;
        ArrayNode list = Json.array();
        messages.history(rid, end, limit, 0).forEach(list::add);
        ObjectNode result = Json.object();
        result.set("messages", list);
        return result;
    }

    private JsonNode readMessages(MethodContext ctx, ArrayNode params) {
        rooms.markRead(ctx.requireUser("readMessages"), params.path(0).asText(""));
        return null;
    }
}
