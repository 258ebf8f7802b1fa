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

    public long count() {
        return db.count("messages");
    }
}
