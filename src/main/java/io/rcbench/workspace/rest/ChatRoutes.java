package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;
import io.rcbench.workspace.service.Documents;
import io.rcbench.workspace.service.Messaging;
import io.rcbench.workspace.service.Rooms;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.store.Stores;

/**
 * {@code chat.sendMessage} (same rules as DDP sendMessage, REST limiter instead of the 5/s rule) and
 * {@code chat.postMessage} (the webhook pipeline: alias/emoji/avatar, no client id).
 */
public final class ChatRoutes {
    private final Permissions permissions;
    private final Messaging messaging;
    private final Rooms rooms;
    private final Stores stores;

    public ChatRoutes(Messaging messaging, Rooms rooms, Stores stores, Permissions permissions) {
        this.permissions = permissions;
        this.messaging = messaging;
        this.rooms = rooms;
        this.stores = stores;
    }

    public void register(RestRouter router) {
        router.add("POST", "/api/v1/chat.sendMessage", Access.AUTH, Limit.DEFAULT, req -> {
            JsonNode message = req.json().get("message");
            if (message == null || !message.isObject()) {
                throw new MeteorError("error-invalid-params", "Match error: Missing key 'message'");
            }
            if ((message.has("alias") || message.has("avatar")) && !permissions.has(req.user(), "message-impersonate")) {
                throw new MeteorError("error-not-allowed", "Not allowed");
            }
            ObjectNode sent = messaging.send(req.user(), message);
            return RestResponse.ok(Json.object().set("message", sent == null ? Json.object().nullNode() : sent));
        });
        router.add("POST", "/api/v1/chat.postMessage", Access.AUTH, Limit.DEFAULT, req -> {
            JsonNode b = req.json();
            if ((b.has("alias") || b.has("avatar")) && !permissions.has(req.user(), "message-impersonate")) {
                throw new MeteorError("error-action-not-allowed", "Not allowed");
            }
            String target = b.hasNonNull("roomId") ? b.get("roomId").asText() : Json.text(b, "channel");
            Room room = rooms.resolveChannel(req.user(), target);
            ObjectNode message = messaging.post(req.user(), room, b, null);
            ObjectNode out = Json.object().put("ts", System.currentTimeMillis());
            out.set("channel", Documents.room(room, stores));
            out.set("message", message);
            return RestResponse.ok(out);
        });
    }
}
