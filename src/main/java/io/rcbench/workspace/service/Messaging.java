package io.rcbench.workspace.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.ddp.RandomId;
import io.rcbench.workspace.metrics.WorkspaceMetrics;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.settings.Settings;
import io.rcbench.workspace.store.Stores;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sending messages with Rocket.Chat's rules (protocol section 3.1): size limit, client {@code ts} skew,
 * idempotent client {@code _id}, room access; then the stored document is fanned out. Thread-safe.
 */
public final class Messaging {
    private final Permissions permissions;
    private static final Pattern MENTION = Pattern.compile("(?:^|\\s)@([0-9a-zA-Z-_.]+)");
    private static final Pattern CHANNEL = Pattern.compile("(?:^|\\s)#([0-9a-zA-Z-_.]+)");
    private static final int MAX_ID = 64;
    private static final long TS_REJECT_MS = 60_000;
    private static final long TS_REPLACE_MS = 10_000;
    private final Stores stores;
    private final Settings settings;
    private final Notifier notifier;
    private final WorkspaceMetrics metrics;
    /**
     * Serialises read-modify-write of stored messages (thread counters, edits, reactions, stars, pins): two changes
     * to one message at once must both stay.
     */
    private final Object documentLock = new Object();

    public Messaging(Stores stores, Settings settings, Notifier notifier, WorkspaceMetrics metrics, Permissions permissions) {
        this.permissions = permissions;
        this.stores = stores;
        this.settings = settings;
        this.notifier = notifier;
        this.metrics = metrics;
    }

    /**
     * {@code sendMessage} / {@code chat.sendMessage}: validates, stores and fans out. Returns the stored
     * document, or null when a message with the client's {@code _id} exists (nothing inserted).
     * Validation failures throw {@link MeteorError}; a failure while storing is swallowed into an ephemeral
     * message to the sender and a null result, as Rocket.Chat does.
     */
    public ObjectNode send(User sender, JsonNode message) {
        if (message == null || !message.isObject()) {
            throw new MeteorError("error-invalid-params", "Invalid message");
        }
        String rid = Json.text(message, "rid");
        if (rid == null) {
            throw new MeteorError("error-invalid-room", "Invalid room");
        }
        Room room = stores.rooms.byId(rid).orElseThrow(() -> new MeteorError("error-invalid-room", "Invalid room"));
        String msg = message.path("msg").asText("");
        if (msg.length() > settings.number("Message_MaxAllowedSize")) {
            throw new MeteorError("error-message-size-exceeded", "Message size exceeds the allowed maximum");
        }
        long now = System.currentTimeMillis();
        long ts = now;
        if (message.has("ts")) {
            long clientTs = Ejson.dateMs(message.get("ts"), now);
            long skew = Math.abs(clientTs - now);
            if (skew > TS_REJECT_MS) {
                throw new MeteorError("error-message-ts-out-of-sync", "Message timestamp is out of sync");
            }
            ts = skew > TS_REPLACE_MS ? now : clientTs;
        }
        checkCanSend(sender, room);
        String id = Json.text(message, "_id");
        if (id != null && (id.isEmpty() || id.length() > MAX_ID)) {
            // Refused here rather than swallowed later as a failed insert: the messages table's id column is 64 wide.
            throw new MeteorError("error-invalid-params", "Message _id must be 1 to " + MAX_ID + " characters");
        }
        if (id != null && stores.messages.exists(id)) {
            return null;
        }
        ObjectNode doc = document(id == null ? RandomId.id() : id, room, sender, msg, ts);
        copyOptional(message, doc, "tmid", "tshow", "t", "groupable", "customFields", "content", "e2e", "attachments",
            "alias", "emoji", "avatar");
        try {
            if (!store(room, sender, doc)) {
                return null;
            }
        } catch (RuntimeException e) {
            notifier.ephemeral(sender.id(), rid, "Message could not be sent: " + e.getMessage());
            return null;
        }
        metrics.messageSent();
        return doc;
    }

    /**
     * {@code chat.postMessage} and incoming webhooks: posts into a resolved room as {@code poster}, with
     * alias/emoji/avatar/attachments, {@code groupable:false}; joins a public channel when needed.
     * {@code integrationId} sets {@code bot:{i}}. Not counted in rocketchat_message_sent (as Rocket.Chat).
     */
    public ObjectNode post(User poster, Room room, JsonNode body, String integrationId) {
        String text = body.hasNonNull("text") ? body.get("text").asText() : body.path("msg").asText("");
        checkSize(text);
        // Validate before joining: a refused post must not leave the poster subscribed.
        checkReadOnly(poster, room);
        if (!stores.rooms.isMember(room.id(), poster.id())) {
            if (!room.isPublic()) {
                throw new MeteorError("error-not-allowed", "Not allowed");
            }
            stores.rooms.addMember(room.id(), poster.id(), System.currentTimeMillis());
        }
        ObjectNode doc = document(RandomId.id(), room, poster, text, System.currentTimeMillis());
        doc.put("groupable", false);
        copyOptional(body, doc, "alias", "emoji", "avatar", "attachments", "customFields", "tmid");
        if (body.hasNonNull("username") && !doc.has("alias")) {
            doc.put("alias", body.get("username").asText());
        }
        if (integrationId != null) {
            doc.set("bot", Json.object().put("i", integrationId));
        }
        store(room, poster, doc);
        return doc;
    }

    /** Stores a file message built by the upload confirmation. */
    public ObjectNode postFile(User sender, Room room, String text, ObjectNode file, ArrayNode attachments) {
        checkCanPost(sender, room, text);
        ObjectNode doc = document(RandomId.id(), room, sender, text, System.currentTimeMillis());
        doc.set("file", file);
        doc.set("files", Json.array().add(file));
        doc.set("attachments", attachments);
        store(room, sender, doc);
        metrics.messageSent();
        return doc;
    }

    /**
     * What a message with {@code text} from {@code sender} into {@code room} must pass before anything is stored
     * (uploads check it before taking or confirming a file): size, membership, read-only.
     */
    public void checkCanPost(User sender, Room room, String text) {
        checkSize(text);
        checkCanSend(sender, room);
    }

    private void checkSize(String text) {
        if (text.length() > settings.number("Message_MaxAllowedSize")) {
            throw new MeteorError("error-message-size-exceeded", "Message size exceeds the allowed maximum");
        }
    }

    private void checkCanSend(User sender, Room room) {
        if (!stores.rooms.isMember(room.id(), sender.id())) {
            throw new MeteorError("error-not-allowed", "Not allowed");
        }
        checkReadOnly(sender, room);
    }

    private void checkReadOnly(User sender, Room room) {
        if (room.readOnly() && !permissions.has(sender, "post-readonly")) {
            throw new MeteorError("error-not-allowed", "Not allowed");
        }
    }

    private boolean store(Room room, User sender, ObjectNode doc) {
        long ts = Ejson.dateMs(doc.get("ts"), System.currentTimeMillis());
        if (!stores.messages.insert(doc.get("_id").asText(), room.id(), ts, sender.id(), doc)) {
            return false;
        }
        stores.rooms.recordMessage(room.id(), sender.id(), ts);
        List<String> mentioned = new ArrayList<>();
        doc.path("mentions").forEach(m -> mentioned.add(m.path("_id").asText()));
        notifier.messageSent(room, sender, doc, mentioned);
        if (doc.hasNonNull("tmid")) {
            threadReplied(room, sender, doc.get("tmid").asText(), ts);
        }
        return true;
    }

    /**
     * A reply in a thread: the parent's {@code tcount}, {@code tlm} and {@code replies} change and the parent is sent
     * again on the room's stream, as Rocket.Chat's afterSaveMessage thread callback does. A parent that is missing or
     * in another room is left alone (the reply stays stored with its {@code tmid}).
     */
    private void threadReplied(Room room, User sender, String tmid, long ts) {
        mutate(tmid, parent -> {
            if (!room.id().equals(parent.path("rid").asText())) {
                return false;
            }
            parent.put("tcount", parent.path("tcount").asInt(0) + 1);
            parent.set("tlm", Ejson.date(ts));
            ArrayNode replies = parent.has("replies") && parent.get("replies").isArray()
                ? (ArrayNode) parent.get("replies") : parent.putArray("replies");
            boolean seen = false;
            for (JsonNode r : replies) {
                seen |= r.asText().equals(sender.id());
            }
            if (!seen) {
                replies.add(sender.id());
            }
            return true;
        }).ifPresent(parent -> notifier.messageUpdated(room, parent));
    }

    /**
     * Changes a stored message under one lock: {@code change} edits the document in place and returns false to leave
     * it unchanged. {@code _updatedAt} is set. Returns the changed document, or empty when the message does not exist
     * or was left unchanged.
     */
    public java.util.Optional<ObjectNode> mutate(String id, java.util.function.Predicate<ObjectNode> change) {
        synchronized (documentLock) {
            ObjectNode doc = stores.messages.byId(id).orElse(null);
            if (doc == null || !change.test(doc)) {
                return java.util.Optional.empty();
            }
            doc.set("_updatedAt", Ejson.date(System.currentTimeMillis()));
            return stores.messages.replace(id, doc) ? java.util.Optional.of(doc) : java.util.Optional.empty();
        }
    }

    /**
     * Stores a system message of type {@code t} (e.g. {@code message_pinned}) from {@code actor}, fanned out like
     * any message. Returns the stored document.
     */
    public ObjectNode postSystem(User actor, Room room, String t, String msg, ArrayNode attachments) {
        ObjectNode doc = document(RandomId.id(), room, actor, msg, System.currentTimeMillis());
        doc.put("t", t);
        if (attachments != null) {
            doc.set("attachments", attachments);
        }
        store(room, actor, doc);
        return doc;
    }

    /** Sets a message's text and what is derived from it (mentions, channels, md), for an edit. */
    public void retext(ObjectNode doc, String msg) {
        checkSize(msg);
        doc.put("msg", msg);
        doc.set("mentions", mentions(msg));
        doc.set("channels", channels(msg));
        doc.set("md", markdown(msg));
    }

    private ObjectNode document(String id, Room room, User sender, String msg, long ts) {
        ObjectNode doc = Json.object().put("_id", id).put("rid", room.id()).put("msg", msg);
        doc.set("ts", Ejson.date(ts));
        doc.set("u", Documents.userRef(sender));
        doc.set("_updatedAt", Ejson.date(ts));
        doc.set("mentions", mentions(msg));
        doc.set("channels", channels(msg));
        doc.set("md", markdown(msg));
        return doc;
    }

    private ArrayNode mentions(String msg) {
        ArrayNode out = Json.array();
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(msg);
        while (m.find()) {
            String name = m.group(1);
            if (!seen.add(name)) {
                continue;
            }
            if (name.equals("all") || name.equals("here")) {
                out.add(Json.object().put("_id", name).put("username", name).put("type", "user"));
            } else {
                stores.users.byUsername(name).ifPresent(u -> out.add(
                    Json.object().put("_id", u.id()).put("username", u.username()).put("name", u.name()).put("type", "user")));
            }
        }
        return out;
    }

    private ArrayNode channels(String msg) {
        ArrayNode out = Json.array();
        Matcher m = CHANNEL.matcher(msg);
        while (m.find()) {
            stores.rooms.byName(m.group(1)).ifPresent(r -> out.add(Json.object().put("_id", r.id()).put("name", r.name())));
        }
        return out;
    }

    /** A one-paragraph message-parser AST; rich formatting is not parsed (a documented simplification). */
    private static ArrayNode markdown(String msg) {
        ArrayNode value = Json.array().add(Json.object().put("type", "PLAIN_TEXT").put("value", msg));
        return Json.array().add(Json.object().put("type", "PARAGRAPH").set("value", value));
    }

    private static void copyOptional(JsonNode from, ObjectNode to, String... fields) {
        for (String f : fields) {
            if (from.hasNonNull(f)) {
                to.set(f, from.get(f));
            }
        }
    }
}
