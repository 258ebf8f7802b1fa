package io.rcbench.workspace.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.RandomId;
import io.rcbench.workspace.metrics.WorkspaceMetrics;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.store.Stores;
import io.rcbench.workspace.stream.StreamHub;
import io.rcbench.workspace.stream.Subscriber;
import java.util.Collection;

/**
 * Turns domain events into the stream events Rocket.Chat emits for them (protocol section 4), so a
 * listening client pays what it pays on a real server. Thread-safe.
 */
public final class Notifier {
    public static final String ROOM_MESSAGES = "stream-room-messages";
    public static final String NOTIFY_USER = "stream-notify-user";
    public static final String NOTIFY_ROOM = "stream-notify-room";
    public static final String NOTIFY_LOGGED = "stream-notify-logged";
    public static final String USER_PRESENCE = "stream-user-presence";
    public static final String NOTIFY_ALL = "stream-notify-all";
    public static final String MY_MESSAGES = "__my_messages__";

    private final StreamHub hub;
    private final Stores stores;
    private final WorkspaceMetrics metrics;

    public Notifier(StreamHub hub, Stores stores, WorkspaceMetrics metrics) {
        this.hub = hub;
        this.stores = stores;
        this.metrics = metrics;
    }

    private void toUser(String uid, String event, Object first, ObjectNode doc) {
        String eventName = uid + "/" + event;
        if (hub.hasListeners(NOTIFY_USER, eventName)) {
            ArrayNode args = Json.array();
            if (first != null) {
                args.add(first.toString());
            }
            args.add(doc);
            metrics.streamFrames(NOTIFY_USER, hub.emit(NOTIFY_USER, eventName, args));
        }
    }

    public void subscriptionInserted(Room room, User member) {
        stores.rooms.subscriptionState(room.id(), member.id()).ifPresent(s ->
            toUser(member.id(), "subscriptions-changed", "inserted", Documents.subscription(room, member, s)));
        if (hub.hasListeners(NOTIFY_USER, member.id() + "/rooms-changed")) {
            toUser(member.id(), "rooms-changed", "inserted", Documents.room(room, stores));
        }
    }

    /**
     * A new message: to the room's listeners, to {@code __my_messages__} listeners who are members, then
     * rooms-changed to members, subscriptions-changed to members but the sender, and a desktop notification
     * to each mentioned member and to the other side of a direct message.
     */
    public void messageSent(Room room, User sender, ObjectNode message, Collection<String> mentionedIds) {
        ArrayNode args = Json.array().add(message);
        metrics.streamFrames(ROOM_MESSAGES, hub.emit(ROOM_MESSAGES, room.id(), args));
        if (hub.hasListeners(ROOM_MESSAGES, MY_MESSAGES)) {
            ObjectNode info = Json.object().put("roomParticipant", true).put("roomType", room.t());
            if (room.name() != null) {
                info.put("roomName", room.name());
            }
            var members = stores.rooms.members(room.id());
            metrics.streamFrames(ROOM_MESSAGES, hub.emit(ROOM_MESSAGES, "id", MY_MESSAGES, Json.array().add(message).add(info),
                s -> s.userId() != null && members.contains(s.userId()), null));
        }
        ObjectNode roomDoc = null;
        for (String uid : stores.rooms.members(room.id())) {
            if (hub.hasListeners(NOTIFY_USER, uid + "/rooms-changed")) {
                if (roomDoc == null) {
                    roomDoc = Documents.room(room, stores);
                    roomDoc.set("lastMessage", message);
                }
                toUser(uid, "rooms-changed", "updated", roomDoc);
            }
            if (!uid.equals(sender.id()) && hub.hasListeners(NOTIFY_USER, uid + "/subscriptions-changed")) {
                String memberId = uid;
                stores.users.byId(uid).ifPresent(member -> stores.rooms.subscriptionState(room.id(), memberId).ifPresent(s ->
                    toUser(memberId, "subscriptions-changed", "updated", Documents.subscription(room, member, s))));
            }
            boolean notify = room.t().equals("d") ? !uid.equals(sender.id()) : mentionedIds.contains(uid);
            if (notify) {
                toUser(uid, "notification", null, notification(room, sender, message));
            }
        }
    }

    private static ObjectNode notification(Room room, User sender, ObjectNode message) {
        ObjectNode payload = Json.object().put("_id", message.path("_id").asText()).put("rid", room.id())
            .put("type", room.t());
        payload.set("sender", Json.object().put("_id", sender.id()).put("username", sender.username()).put("name", sender.name()));
        if (room.name() != null) {
            payload.put("name", room.name());
        }
        payload.set("message", Json.object().put("msg", message.path("msg").asText()));
        ObjectNode n = Json.object().put("title", room.name() != null ? "#" + room.name() : "@" + sender.username())
            .put("text", message.path("msg").asText());
        n.set("payload", payload);
        return n;
    }

    /** The ephemeral message Rocket.Chat sends from rocket.cat when a send fails after validation. */
    public void ephemeral(String uid, String rid, String text) {
        ObjectNode m = Json.object().put("_id", RandomId.id()).put("rid", rid).put("msg", text).put("private", true);
        m.set("ts", Ejson.date(System.currentTimeMillis()));
        m.set("u", Json.object().put("_id", "rocket.cat").put("username", "rocket.cat"));
        toUser(uid, "message", null, m);
    }

    public void messagesRead(Room room, User reader) {
        stores.rooms.subscriptionState(room.id(), reader.id()).ifPresent(s ->
            toUser(reader.id(), "subscriptions-changed", "updated", Documents.subscription(room, reader, s)));
        String eventName = room.id() + "/messagesRead";
        if (hub.hasListeners(NOTIFY_ROOM, eventName)) {
            hub.emit(NOTIFY_ROOM, eventName, Json.array().add(Json.object().set("until", Ejson.date(System.currentTimeMillis()))));
        }
    }

    /** Typing: {@code <rid>/user-activity} with {@code [username, activities]}, not back to the sender. */
    public void userActivity(String rid, String username, ArrayNode activities, Subscriber from) {
        String eventName = rid + "/user-activity";
        metrics.streamFrames(NOTIFY_ROOM, hub.emit(NOTIFY_ROOM, "id", eventName, Json.array().add(username).add(activities),
            s -> true, from));
    }

    /**
     * A status change: {@code user-status} to every logged-in listener (an O(N) fan-out, as on Rocket.Chat)
     * and the presence tuple to those watching the user. Status: 0 offline, 1 online, 2 away, 3 busy.
     */
    public void userStatus(User user, int status) {
        userStatus(user, status, "");
    }

    /** {@link #userStatus(User, int)} with the user's status message. */
    public void userStatus(User user, int status, String statusText) {
        ArrayNode tuple = Json.array().add(user.id()).add(user.username()).add(status).add(statusText).add(user.name());
        ArrayNode roles = tuple.addArray();
        user.roles().forEach(roles::add);
        metrics.streamFrames(NOTIFY_LOGGED, hub.emit(NOTIFY_LOGGED, "user-status", Json.array().add(tuple)));
        ArrayNode presence = Json.array().add(user.username()).add(status).add(statusText);
        metrics.streamFrames(USER_PRESENCE, hub.emit(USER_PRESENCE, user.id(), user.id(), Json.array().add(presence),
            s -> true, null));
    }

    /**
     * A stored message changed (edit, reaction, star, pin, thread counters): the whole document again on the room's
     * stream and to {@code __my_messages__} members, as Rocket.Chat's message watcher sends every update.
     */
    public void messageUpdated(Room room, ObjectNode message) {
        metrics.streamFrames(ROOM_MESSAGES, hub.emit(ROOM_MESSAGES, room.id(), Json.array().add(message)));
        if (hub.hasListeners(ROOM_MESSAGES, MY_MESSAGES)) {
            ObjectNode info = Json.object().put("roomParticipant", true).put("roomType", room.t());
            if (room.name() != null) {
                info.put("roomName", room.name());
            }
            var members = stores.rooms.members(room.id());
            metrics.streamFrames(ROOM_MESSAGES, hub.emit(ROOM_MESSAGES, "id", MY_MESSAGES, Json.array().add(message).add(info),
                s -> s.userId() != null && members.contains(s.userId()), null));
        }
    }

    /** A message was deleted: {@code <rid>/deleteMessage} with {@code [{_id}]} on stream-notify-room. */
    public void messageDeleted(String rid, String messageId) {
        metrics.streamFrames(NOTIFY_ROOM, hub.emit(NOTIFY_ROOM, rid + "/deleteMessage",
            Json.array().add(Json.object().put("_id", messageId))));
    }

    /** Messages were pruned in bulk: {@code <rid>/deleteMessageBulk} with the prune query as its one argument. */
    public void messagesDeletedBulk(String rid, ObjectNode query) {
        metrics.streamFrames(NOTIFY_ROOM, hub.emit(NOTIFY_ROOM, rid + "/deleteMessageBulk", Json.array().add(query)));
    }

    /** An event on stream-notify-logged (every logged-in listener): Users:NameChanged, roles-change, ... */
    public void logged(String event, ArrayNode args) {
        metrics.streamFrames(NOTIFY_LOGGED, hub.emit(NOTIFY_LOGGED, event, args));
    }

    /** An event on stream-notify-all (anyone, logged in or not): public-settings-changed. */
    public void all(String event, ArrayNode args) {
        metrics.streamFrames(NOTIFY_ALL, hub.emit(NOTIFY_ALL, event, args));
    }

    /** A member left or the room is gone: subscriptions-changed and rooms-changed {@code removed} to that member. */
    public void subscriptionRemoved(Room room, User member) {
        ObjectNode sub = Json.object().put("_id", io.rcbench.workspace.store.RoomStore.subscriptionId(room.id(), member.id()))
            .put("rid", room.id()).put("t", room.t());
        sub.set("u", Json.object().put("_id", member.id()).put("username", member.username()));
        toUser(member.id(), "subscriptions-changed", "removed", sub);
        toUser(member.id(), "rooms-changed", "removed", Json.object().put("_id", room.id()));
    }
}
