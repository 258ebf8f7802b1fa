package io.rcbench.workspace.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import java.util.Map;

/** Persisted setting values (JSON) by setting id. Defaults live in {@code workspace.settings}. */
public final class SettingStore {
    private final Database db;

    public SettingStore(Database db) {
        this.db = db;
    }

    public Map<String, JsonNode> load() {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        db.query("SELECT id, val FROM settings", ps -> { }, rs -> Map.entry(rs.getString(1), Json.parse(rs.getString(2))))
            .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public void save(String id, JsonNode value) {
        db.update("MERGE INTO settings(id, val) KEY(id) VALUES (?, ?)", ps -> {
            ps.setString(1, id);
            ps.setString(2, Json.write(value));
        });
    }
}
