package io.rcbench.workspace.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.ddp.MethodContext;
import io.rcbench.workspace.ddp.MethodRegistry;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.service.Notifier;
import io.rcbench.workspace.service.Rooms;
import io.rcbench.workspace.settings.Settings;

/**
 * Client emits on streams: {@code stream-notify-room} with {@code <rid>/user-activity} (typing) and the
 * legacy {@code <rid>/typing} (protocol section 3.3). A username that is not the caller's is dropped silently,
 * as on Rocket.Chat.
 */
public final class StreamMethods {
    private final Rooms rooms;
    private final Notifier notifier;
    private final Settings settings;

    public StreamMethods(Rooms rooms, Notifier notifier, Settings settings) {
        this.rooms = rooms;
        this.notifier = notifier;
        this.settings = settings;
    }

    public void register(MethodRegistry registry) {
        registry.register(Notifier.NOTIFY_ROOM, this::notifyRoom);
    }

    private JsonNode notifyRoom(MethodContext ctx, ArrayNode p) {
        User user = ctx.requireUser(Notifier.NOTIFY_ROOM);
        String[] parts = p.path(0).asText("").split("/", 2);
        if (parts.length != 2) {
            throw new MeteorError("invalid-event-name", "Invalid event name");
        }
        String event = parts[1];
        if (!event.equals("user-activity") && !event.equals("typing")) {
            throw new MeteorError("not-allowed", "Not allowed");
        }
        Room room = rooms.find(parts[0]);
        if (room == null || !rooms.canRead(user, room)) {
            throw new MeteorError("not-allowed", "Not allowed");
        }
        String expected = settings.bool("UI_Use_Real_Name") ? user.name() : user.username();
        if (!expected.equals(p.path(1).asText())) {
            return null;
        }
        ArrayNode activities = Json.array();
        JsonNode third = p.path(2);
        if (event.equals("typing")) {
            if (third.asBoolean(false)) {
                activities.add("user-typing");
            }
        } else {
            third.forEach(activities::add);
        }
        notifier.userActivity(room.id(), p.path(1).asText(), activities, ctx.session());
        return null;
    }
}
