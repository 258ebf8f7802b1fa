package io.rcbench.workspace.store;

import io.rcbench.workspace.model.StoredUpload;
import java.util.Optional;

/** Upload metadata; the bytes live on disk at each upload's path. Thread-safe. */
public final class UploadStore {
    private final Database db;

    public UploadStore(Database db) {
        this.db = db;
    }

    public void insert(StoredUpload u) {
        db.update("INSERT INTO uploads(id, rid, uid, name, type, size, path, created_at, confirmed) VALUES (?,?,?,?,?,?,?,?,?)",
            ps -> {
                ps.setString(1, u.id());
                ps.setString(2, u.rid());
                ps.setString(3, u.userId());
                ps.setString(4, u.name());
                ps.setString(5, u.type());
                ps.setLong(6, u.size());
                ps.setString(7, u.path());
                ps.setLong(8, u.createdAtMs());
                ps.setBoolean(9, u.confirmed());
            });
    }

    public Optional<StoredUpload> byId(String id) {
        return db.query("SELECT id, rid, uid, name, type, size, path, created_at, confirmed FROM uploads WHERE id = ?",
            ps -> ps.setString(1, id),
            rs -> new StoredUpload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getBoolean(9))).stream().findFirst();
    }

    /** A room's confirmed uploads (posted as messages), newest first, at most {@code limit}. */
    public java.util.List<StoredUpload> byRoom(String rid, int limit) {
        return db.query("SELECT id, rid, uid, name, type, size, path, created_at, confirmed FROM uploads"
                + " WHERE rid = ? AND confirmed = TRUE ORDER BY created_at DESC LIMIT ?",
            ps -> {
                ps.setString(1, rid);
                ps.setInt(2, limit);
            },
            rs -> new StoredUpload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getBoolean(9)));
    }

    /** Marks an upload confirmed (posted as a message); false when it was confirmed already. */
    public boolean confirm(String id) {
        return db.update("UPDATE uploads SET confirmed = TRUE WHERE id = ? AND confirmed = FALSE", ps -> ps.setString(1, id)) == 1;
    }
}
