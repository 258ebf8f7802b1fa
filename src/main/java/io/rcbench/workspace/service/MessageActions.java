package io.rcbench.workspace.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.settings.Settings;
import io.rcbench.workspace.store.Stores;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What people do to messages besides sending them, with Rocket.Chat's rules and errors: edit
 * ({@code updateMessage.ts}), delete ({@code deleteMessage.ts}, {@code canDeleteMessage.ts}), react
 * ({@code setReaction.ts}), star, pin, report, thread and room listings, search and sync. Every change is fanned
 * out: updates as the whole message on the room's stream, deletes as {@code <rid>/deleteMessage}. Thread-safe.
 */
public final class MessageActions {
    /** How many of a room's newest messages a filtered listing (search, stars, pins, threads) scans at most. */
    public static final int SCAN_LIMIT = 5_000;
    /** How many deletions per room {@code chat.syncMessages} remembers (Rocket.Chat keeps a trash collection). */
    private static final int TRASH_PER_ROOM = 1_000;
    private static final Pattern EMOJI = Pattern.compile("[0-9a-zA-Z_+\\-]{1,64}");

    /** A deleted message, for {@code chat.syncMessages}. */
    private record Deleted(String id, long atMs) {
    }
    private final Permissions permissions;

    private final Stores stores;
    private final Settings settings;
    private final Notifier notifier;
    private final Rooms rooms;
    private final Messaging messaging;
    private final Map<String, Deque<Deleted>> trash = new ConcurrentHashMap<>();
    private final Deque<ObjectNode> reports = new ConcurrentLinkedDeque<>();

    public MessageActions(Stores stores, Settings settings, Notifier notifier, Rooms rooms, Messaging messaging, Permissions permissions) {
        this.permissions = permissions;
        this.stores = stores;
        this.settings = settings;
        this.notifier = notifier;
        this.rooms = rooms;
        this.messaging = messaging;
    }

    /** The message, or {@code notFound} thrown. */
    public ObjectNode require(String id, MeteorError notFound) {
        if (id == null || id.isEmpty()) {
            throw notFound;
        }
        return stores.messages.byId(id).orElseThrow(() -> notFound);
    }

    /** The stored message, or null. */
    public ObjectNode find(String id) {
        return id == null ? null : stores.messages.byId(id).orElse(null);
    }

    /** The message's author, or null when deleted. */
    public User author(JsonNode message) {
        return stores.users.byId(message.path("u").path("_id").asText(null)).orElse(null);
    }

    /** True when the user holds force-delete-message in the message's room. */
    public boolean canForceDelete(User user, JsonNode message) {
        Room room = roomOf(message);
        return room != null && permissions.has(user, "force-delete-message", rooms.rolesIn(user, room));
    }

    private Room roomOf(JsonNode message) {
        return rooms.find(message.path("rid").asText());
    }

    /**
     * {@code updateMessage} / {@code chat.update}: the author (Message_AllowEditing) or edit-message in the room;
     * Message_AllowEditing_BlockEditInMinutes applies to everyone. Returns the edited message.
     */
    public ObjectNode edit(User user, String messageId, String text) {
        ObjectNode original = require(messageId, new MeteorError("error-invalid-message", "Invalid message"));
        Room room = roomOf(original);
        if (room == null || !rooms.canRead(user, room)) {
            throw new MeteorError("error-action-not-allowed", "Message editing not allowed");
        }
        boolean canEditAny = permissions.has(user, "edit-message", rooms.rolesIn(user, room));
        boolean own = user.id().equals(original.path("u").path("_id").asText());
        if (!canEditAny && (!settings.bool("Message_AllowEditing") || !own)) {
            throw new MeteorError("error-action-not-allowed", "Message editing not allowed");
        }
        if (!permissions.has(user, "bypass-time-limit-edit-and-delete", rooms.rolesIn(user, room))) {
            checkBlock(original, "Message_AllowEditing_BlockEditInMinutes", "error-message-editing-blocked",
                "Message editing is blocked");
        }
        if (text.equals(original.path("msg").asText())) {
            return original; // the same text: nothing changes, nothing is sent (executeUpdateMessage returns early)
        }
        long now = System.currentTimeMillis();
        ObjectNode edited = messaging.mutate(messageId, doc -> {
            messaging.retext(doc, text);
            doc.set("editedAt", Ejson.date(now));
            doc.set("editedBy", Json.object().put("_id", user.id()).put("username", user.username()));
            return true;
        }).orElseThrow(() -> new MeteorError("error-invalid-message", "Invalid message"));
        notifier.messageUpdated(room, edited);
        return edited;
    }

    private void checkBlock(JsonNode message, String setting, String code, String text) {
        long minutes = settings.number(setting);
        if (minutes > 0) {
            long ts = Ejson.dateMs(message.get("ts"), System.currentTimeMillis());
            if (System.currentTimeMillis() - ts >= minutes * 60_000) {
                throw new MeteorError(code, text);
            }
        }
    }

    /**
     * {@code deleteMessage} / {@code chat.delete}: force-delete-message, else Message_AllowDeleting and delete-message
     * in the room or one's own message with delete-own-message, within Message_AllowDeleting_BlockDeleteInMinutes.
     * Removes the message and sends {@code <rid>/deleteMessage}; a thread reply lowers its parent's count.
     */
    public ObjectNode delete(User user, ObjectNode message) {
        Room room = roomOf(message);
        if (room == null || !rooms.canRead(user, room)) {
            throw new MeteorError("error-action-not-allowed", "Not allowed");
        }
        var roles = rooms.rolesIn(user, room);
        if (!permissions.has(user, "force-delete-message", roles)) {
            boolean own = user.id().equals(message.path("u").path("_id").asText());
            boolean allowed = permissions.has(user, "delete-message", roles)
                || (own && permissions.has(user, "delete-own-message", roles));
            if (!settings.bool("Message_AllowDeleting") || !allowed) {
                throw new MeteorError("error-action-not-allowed", "Not allowed");
            }
            if (!permissions.has(user, "bypass-time-limit-edit-and-delete", roles)) {
                checkBlock(message, "Message_AllowDeleting_BlockDeleteInMinutes", "error-message-deleting-blocked",
                    "Message deleting is blocked");
            }
        }
        String id = message.get("_id").asText();
        if (!stores.messages.delete(id)) {
            throw new MeteorError("error-invalid-message", "Invalid message");
        }
        remember(room.id(), id);
        notifier.messageDeleted(room.id(), id);
        if (message.hasNonNull("tmid")) {
            messaging.mutate(message.get("tmid").asText(), parent -> {
                parent.put("tcount", Math.max(0, parent.path("tcount").asInt(0) - 1));
                return true;
            }).ifPresent(parent -> notifier.messageUpdated(room, parent));
        }
        return message;
    }

    private void remember(String rid, String id) {
        Deque<Deleted> d = trash.computeIfAbsent(rid, k -> new ConcurrentLinkedDeque<>());
        d.addLast(new Deleted(id, System.currentTimeMillis()));
        while (d.size() > TRASH_PER_ROOM) {
            d.pollFirst();
        }
    }

    /**
     * {@code setReaction} / {@code chat.react}: toggles (or, with {@code shouldReact}, sets) the user's reaction.
     * The emoji is any {@code :name:}; Rocket.Chat also checks it against its emoji list (not simulated).
     */
    public void react(User user, ObjectNode message, String emoji, Boolean shouldReact) {
        String name = emoji == null ? "" : emoji.replace(":", "");
        if (!EMOJI.matcher(name).matches()) {
            throw new MeteorError("error-not-allowed", "Invalid emoji provided.");
        }
        Room room = roomOf(message);
        if (room == null) {
            throw new MeteorError("error-not-allowed", "Not allowed");
        }
        if (!rooms.canRead(user, room)) {
            throw new MeteorError("not-authorized", "Not Authorized");
        }
        if (room.readOnly() && !permissions.has(user, "post-readonly", rooms.rolesIn(user, room))) {
            throw new MeteorError("error-not-allowed", "You can't send messages because the room is readonly.");
        }
        String key = ":" + name + ":";
        messaging.mutate(message.get("_id").asText(), doc -> {
            ObjectNode reactions = doc.has("reactions") && doc.get("reactions").isObject()
                ? (ObjectNode) doc.get("reactions") : Json.object();
            ObjectNode entry = reactions.has(key) ? (ObjectNode) reactions.get(key) : Json.object();
            ArrayNode usernames = entry.has("usernames") ? (ArrayNode) entry.get("usernames") : Json.array();
            int at = -1;
            for (int i = 0; i < usernames.size(); i++) {
                if (usernames.get(i).asText().equals(user.username())) {
                    at = i;
                }
            }
            boolean react = shouldReact != null ? shouldReact : at < 0;
            if (react == (at >= 0)) {
                return false;
            }
            if (react) {
                usernames.add(user.username());
            } else {
                usernames.remove(at);
            }
            if (usernames.isEmpty()) {
                reactions.remove(key);
            } else {
                entry.set("usernames", usernames);
                reactions.set(key, entry);
            }
            if (reactions.isEmpty()) {
                doc.remove("reactions");
            } else {
                doc.set("reactions", reactions);
            }
            return true;
        }).ifPresent(doc -> notifier.messageUpdated(room, doc));
    }

    /** {@code starMessage} / {@code chat.starMessage} / {@code chat.unStarMessage}: members only, Message_AllowStarring. */
    public void star(User user, ObjectNode message, boolean starred) {
        if (!settings.bool("Message_AllowStarring")) {
            throw new MeteorError("error-action-not-allowed", "Message starring not allowed");
        }
        Room room = roomOf(message);
        if (room == null || !stores.rooms.isMember(room.id(), user.id())) {
            throw new MeteorError("error-action-not-allowed", "Not allowed");
        }
        messaging.mutate(message.get("_id").asText(), doc -> {
            ArrayNode stars = doc.has("starred") && doc.get("starred").isArray() ? (ArrayNode) doc.get("starred") : Json.array();
            int at = -1;
            for (int i = 0; i < stars.size(); i++) {
                if (stars.get(i).path("_id").asText().equals(user.id())) {
                    at = i;
                }
            }
            if (starred == (at >= 0)) {
                return false;
            }
            if (starred) {
                stars.add(Json.object().put("_id", user.id()));
            } else {
                stars.remove(at);
            }
            doc.set("starred", stars);
            return true;
        }).ifPresent(doc -> notifier.messageUpdated(room, doc));
    }

    /**
     * {@code pinMessage} / {@code chat.pinMessage}: Message_AllowPinning and pin-message in the room. Pinning posts
     * the {@code message_pinned} system message, which is returned; unpinning returns null.
     */
    public ObjectNode pin(User user, ObjectNode message, boolean pinned) {
        if (!settings.bool("Message_AllowPinning")) {
            throw new MeteorError("error-action-not-allowed", "Message pinning not allowed");
        }
        Room room = roomOf(message);
        if (room == null || !rooms.canRead(user, room)
            || !permissions.has(user, "pin-message", rooms.rolesIn(user, room))) {
            throw new MeteorError("not-authorized", "Not Authorized");
        }
        long now = System.currentTimeMillis();
        ObjectNode changed = messaging.mutate(message.get("_id").asText(), doc -> {
            if (doc.path("pinned").asBoolean(false) == pinned) {
                return false;
            }
            doc.put("pinned", pinned);
            doc.set("pinnedAt", Ejson.date(now));
            doc.set("pinnedBy", Json.object().put("_id", user.id()).put("username", user.username()));
            return true;
        }).orElse(null);
        if (changed == null) {
            if (pinned) {
                throw new MeteorError("error-pinning-message", "Message is already pinned");
            }
            return null;
        }
        notifier.messageUpdated(room, changed);
        if (!pinned) {
            return null;
        }
        ObjectNode quote = Json.object().put("text", changed.path("msg").asText())
            .put("author_name", changed.path("u").path("username").asText())
            .put("author_icon", "/avatar/" + changed.path("u").path("username").asText());
        quote.set("ts", changed.get("ts"));
        return messaging.postSystem(user, room, "message_pinned", "", Json.array().add(quote));
    }

    /** {@code chat.reportMessage}: kept in memory (Rocket.Chat's moderation reports); the reporter must see the room. */
    public void report(User user, ObjectNode message, String description) {
        Room room = roomOf(message);
        if (room == null || !rooms.canRead(user, room)) {
            throw new MeteorError("error-invalid-permissions", "Invalid permissions");
        }
        ObjectNode r = Json.object().put("messageId", message.get("_id").asText()).put("description", description)
            .put("reportedBy", user.id());
        r.set("ts", Ejson.date(System.currentTimeMillis()));
        reports.addLast(r);
        while (reports.size() > 10_000) {
            reports.pollFirst();
        }
    }

    /** How many reports are held (for tests and metrics). */
    public int reportCount() {
        return reports.size();
    }

    /** A room the user may read, or {@code error-not-allowed} (also for a room that does not exist, as canAccessRoomId). */
    public Room readable(User user, String rid) {
        Room room = rooms.find(rid);
        if (room == null || !rooms.canRead(user, room)) {
            throw new MeteorError("error-not-allowed", "Not allowed");
        }
        return room;
    }

    /** A room's messages passing {@code filter}, newest first, from its newest {@link #SCAN_LIMIT}. */
    public List<ObjectNode> filtered(String rid, Predicate<ObjectNode> filter) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode m : stores.messages.between(rid, Long.MIN_VALUE, Long.MAX_VALUE, SCAN_LIMIT)) {
            if (filter.test(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /** {@code chat.search}: a case-insensitive substring of the text, system messages left out, newest first. */
    public List<ObjectNode> search(String rid, String text) {
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        return filtered(rid, m -> !m.has("t") && m.path("msg").asText().toLowerCase(java.util.Locale.ROOT).contains(needle));
    }

    /**
     * A thread's replies (Threads_enabled, access to the parent's room): oldest first. Throws for a missing parent.
     */
    public List<ObjectNode> threadReplies(User user, String tmid) {
        if (!settings.bool("Threads_enabled")) {
            throw new MeteorError("error-not-allowed", "Threads Disabled");
        }
        ObjectNode parent = require(tmid, new MeteorError("error-invalid-message", "Invalid Message"));
        Room room = roomOf(parent);
        if (room == null || !rooms.canRead(user, room)) {
            throw new MeteorError("error-not-allowed", "Not Allowed");
        }
        List<ObjectNode> replies = filtered(room.id(), m -> tmid.equals(m.path("tmid").asText(null)));
        java.util.Collections.reverse(replies);
        return replies;
    }

    /** {@code chat.syncMessages}: messages changed after {@code sinceMs} and the ids deleted since. */
    public ObjectNode sync(String rid, long sinceMs) {
        ArrayNode updated = Json.array();
        filtered(rid, m -> Ejson.dateMs(m.get("_updatedAt"), 0) > sinceMs).forEach(updated::add);
        ArrayNode deleted = Json.array();
        Deque<Deleted> d = trash.get(rid);
        if (d != null) {
            for (Deleted x : d) {
                if (x.atMs() > sinceMs) {
                    deleted.add(Json.object().put("_id", x.id()).set("_deletedAt", Ejson.date(x.atMs())));
                }
            }
        }
        ObjectNode result = Json.object();
        result.set("updated", updated);
        result.set("deleted", deleted);
        return result;
    }

    /**
     * {@code rooms.cleanHistory} (clean-channel-history): deletes the room's messages with ts between the bounds
     * (pinned ones kept with {@code excludePinned}) and sends one {@code <rid>/deleteMessageBulk}. Returns how many.
     */
    public int cleanHistory(User user, Room room, long oldestMs, long latestMs, boolean inclusive, boolean excludePinned,
                            int limit) {
        if (!permissions.has(user, "clean-channel-history", rooms.rolesIn(user, room))) {
            throw new MeteorError(403, "unauthorized");
        }
        long from = inclusive ? oldestMs - 1 : oldestMs;
        long to = inclusive ? latestMs + 1 : latestMs;
        int n = 0;
        for (ObjectNode m : stores.messages.between(room.id(), from, to, limit > 0 ? limit : Integer.MAX_VALUE)) {
            if (excludePinned && m.path("pinned").asBoolean(false)) {
                continue;
            }
            String id = m.get("_id").asText();
            if (stores.messages.delete(id)) {
                remember(room.id(), id);
                n++;
            }
        }
        ObjectNode query = Json.object().put("rid", room.id()).put("excludePinned", excludePinned)
            .put("ignoreDiscussion", true);
        ObjectNode ts = Json.object();
        ts.set(inclusive ? "$gte" : "$gt", Ejson.date(oldestMs));
        ts.set(inclusive ? "$lte" : "$lt", Ejson.date(latestMs));
        query.set("ts", ts);
        query.set("users", Json.array());
        query.put("showDeletedStatus", false);
        notifier.messagesDeletedBulk(room.id(), query);
        return n;
    }
}
