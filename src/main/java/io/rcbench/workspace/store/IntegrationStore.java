package io.rcbench.workspace.store;

import io.rcbench.workspace.model.Integration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Integrations (incoming webhooks), durable in H2 and indexed in memory by id. Thread-safe. */
public final class IntegrationStore {
    private static final String INSERT =
        "INSERT INTO integrations(id, type, name, token, user_id, channel, enabled, created_at) VALUES (?,?,?,?,?,?,?,?)";
    private final Database db;
    private final Map<String, Integration> byId = new ConcurrentHashMap<>();

    public IntegrationStore(Database db) {
        this.db = db;
        db.query("SELECT id, type, name, token, user_id, channel, enabled, created_at FROM integrations", ps -> { },
            rs -> new Integration(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getLong(8))).forEach(i -> byId.put(i.id(), i));
    }

    public void insertAll(List<Integration> integrations) {
        db.batch(INSERT, integrations, (ps, i) -> {
            ps.setString(1, i.id());
            ps.setString(2, i.type());
            ps.setString(3, i.name());
            ps.setString(4, i.token());
            ps.setString(5, i.userId());
            ps.setString(6, i.channel());
            ps.setBoolean(7, i.enabled());
            ps.setLong(8, i.createdAtMs());
        });
        integrations.forEach(i -> byId.put(i.id(), i));
    }

    /** Deletes an integration; false when unknown. */
    public boolean delete(String id) {
        if (byId.remove(id) == null) {
            return false;
        }
        db.update("DELETE FROM integrations WHERE id = ?", ps -> ps.setString(1, id));
        return true;
    }

    public Optional<Integration> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public List<Integration> all() {
        return List.copyOf(byId.values());
    }
}
