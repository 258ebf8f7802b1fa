package io.rcbench.workspace.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import java.util.List;

/**
 * Messages as JSON documents (the shape Rocket.Chat sends, with EJSON dates), keyed by {@code _id}
 * and indexed by room and time. Thread-safe.
 */
public final class MessageStore {
    private static final String INSERT = "INSERT INTO messages(id, rid, ts, uid, doc) VALUES (?,?,?,?,?)";
    private final Database db;

    public MessageStore(Database db) {
        this.db = db;
    }

    /**
     * Inserts a message document; returns false, inserting nothing, when its {@code _id} exists already
     * (Rocket.Chat's idempotent retry).
     */
    public boolean insert(String id, String rid, long ts, String uid, ObjectNode doc) {
        try {
            db.update(INSERT, ps -> {
                ps.setString(1, id);
                ps.setString(2, rid);
                ps.setLong(3, ts);
                ps.setString(4, uid);
                ps.setString(5, Json.write(doc));
            });
            return true;
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Whether a message with this {@code _id} is stored. True only once it is durable: a client retrying a send
     * whose first attempt is still being committed must not have the retry acknowledged before the first is safe.
     */
    public boolean exists(String id) {
        boolean found = !db.query("SELECT 1 FROM messages WHERE id = ?", ps -> ps.setString(1, id), rs -> 1).isEmpty();
        if (found) {
            db.awaitDurable();
        }
        return found;
    }

    /** Up to {@code limit} messages of a room older than {@code beforeMs} (exclusive), newest first. */
    public List<ObjectNode> history(String rid, long beforeMs, int limit, int offset) {
        return db.query("SELECT doc FROM messages WHERE rid = ? AND ts < ? ORDER BY ts DESC LIMIT ? OFFSET ?", ps -> {
            ps.setString(1, rid);
            ps.setLong(2, beforeMs);
            ps.setInt(3, limit);
            ps.setInt(4, offset);
        }, rs -> (ObjectNode) Json.parse(rs.getString(1)));
    }

    /** The message with this id, or empty. */
    public java.util.Optional<ObjectNode> byId(String id) {
        return db.query("SELECT doc FROM messages WHERE id = ?", ps -> ps.setString(1, id),
            rs -> (ObjectNode) Json.parse(rs.getString(1))).stream().findFirst();
    }

    /** Replaces a stored message's document (edits, reactions, stars, pins, thread counters); false when gone. */
    public boolean replace(String id, ObjectNode doc) {
        return db.update("UPDATE messages SET doc = ? WHERE id = ?", ps -> {
            ps.setString(1, Json.write(doc));
            ps.setString(2, id);
        }) == 1;
    }

    /** Deletes one message; false when it did not exist. */
    public boolean delete(String id) {
        return db.update("DELETE FROM messages WHERE id = ?", ps -> ps.setString(1, id)) == 1;
    }

    /** Deletes every message of a room (the room is deleted); returns how many. */
    public int deleteRoom(String rid) {
        return db.update("DELETE FROM messages WHERE rid = ?", ps -> ps.setString(1, rid));
    }

    /**
     * Up to {@code limit} newest messages of a room with {@code fromMs < ts < toMs}, newest first: the scan that
     * searches, star/pin/mention lists, thread lists and sync filter in memory (bounded by {@code limit}).
     */
    public List<ObjectNode> between(String rid, long fromMs, long toMs, int limit) {
        return db.query("SELECT doc FROM messages WHERE rid = ? AND ts > ? AND ts < ? ORDER BY ts DESC LIMIT ?", ps -> {
            ps.setString(1, rid);
            ps.setLong(2, fromMs);
            ps.setLong(3, toMs);
            ps.setInt(4, limit);
        }, rs -> (ObjectNode) Json.parse(rs.getString(1)));
    }

    /** How many messages a room holds now (deletions included, unlike the room's message counter). */
    public long countRoom(String rid) {
        return db.query("SELECT COUNT(*) FROM messages WHERE rid = ?", ps -> ps.setString(1, rid), rs -> rs.getLong(1)).get(0);
    }

    public long count() {
        return db.count("messages");
    }
}
