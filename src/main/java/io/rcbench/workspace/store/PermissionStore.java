package io.rcbench.workspace.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Permissions whose roles were changed ({@code permissions.update}); defaults live in {@code workspace.settings}. */
public final class PermissionStore {
    /** A stored grant: the roles and when they were set. */
    public record Row(Set<String> roles, long updatedAtMs) {
    }

    private final Database db;

    public PermissionStore(Database db) {
        this.db = db;
    }

    public Map<String, Row> load() {
        Map<String, Row> out = new HashMap<>();
        db.query("SELECT id, roles, updated_at FROM permissions", ps -> { }, rs -> Map.entry(rs.getString(1),
                new Row(Arrays.stream(rs.getString(2).split(",")).filter(s -> !s.isBlank()).collect(Collectors.toSet()),
                    rs.getLong(3))))
            .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public void save(String id, Set<String> roles, long updatedAtMs) {
        db.update("MERGE INTO permissions(id, roles, updated_at) KEY(id) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, id);
            ps.setString(2, String.join(",", roles));
            ps.setLong(3, updatedAtMs);
        });
    }
}
