package io.rcbench.workspace.store;

import io.rcbench.workspace.model.User;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Users, durable in H2 and indexed in memory by id, username and email (case-insensitive). Thread-safe. */
public final class UserStore {
    private static final String INSERT =
        "INSERT INTO users(id, username, name, email, roles, bcrypt, created_at, active) VALUES (?,?,?,?,?,?,?,?)";
    private final Database db;
    private final Map<String, User> byId = new ConcurrentHashMap<>();
    private final Map<String, User> byUsername = new ConcurrentHashMap<>();
    private final Map<String, User> byEmail = new ConcurrentHashMap<>();

    public UserStore(Database db) {
        this.db = db;
        db.query("SELECT id, username, name, email, roles, bcrypt, created_at, active FROM users", ps -> { },
            rs -> new User(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                parseRoles(rs.getString(5)), rs.getString(6), rs.getLong(7), rs.getBoolean(8)))
            .forEach(this::index);
    }

    private static Set<String> parseRoles(String csv) {
        return Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }

    private void index(User u) {
        byId.put(u.id(), u);
        byUsername.put(u.username().toLowerCase(Locale.ROOT), u);
        if (u.email() != null) {
            byEmail.put(u.email().toLowerCase(Locale.ROOT), u);
        }
    }

    /** Inserts a user; throws a duplicate-key {@link StoreException} when the username is taken. */
    public void insert(User u) {
        if (byUsername.containsKey(u.username().toLowerCase(Locale.ROOT))) {
            throw new StoreException("username already in use: " + u.username(), null);
        }
        db.update(INSERT, ps -> bind(ps, u));
        index(u);
    }

    /** Inserts many users in one transaction (seeding); usernames must be new. */
    public void insertAll(List<User> users) {
        db.batch(INSERT, users, UserStore::bind);
        users.forEach(this::index);
    }

    private static void bind(java.sql.PreparedStatement ps, User u) throws java.sql.SQLException {
        ps.setString(1, u.id());
        ps.setString(2, u.username());
        ps.setString(3, u.name());
        ps.setString(4, u.email());
        ps.setString(5, String.join(",", u.roles()));
        ps.setString(6, u.bcrypt());
        ps.setLong(7, u.createdAtMs());
        ps.setBoolean(8, u.active());
    }

    /** Replaces a user's row (name, username, roles changed); the id must exist. */
    public void replace(User u) {
        User old = byId.get(u.id());
        db.update("UPDATE users SET username = ?, name = ?, email = ?, roles = ?, active = ? WHERE id = ?", ps -> {
            ps.setString(1, u.username());
            ps.setString(2, u.name());
            ps.setString(3, u.email());
            ps.setString(4, String.join(",", u.roles()));
            ps.setBoolean(5, u.active());
            ps.setString(6, u.id());
        });
        if (old != null) {
            unindex(old);
        }
        index(u);
    }

    /** Deletes a user; false when unknown. */
    public boolean delete(String id) {
        User old = byId.get(id);
        if (old == null) {
            return false;
        }
        db.update("DELETE FROM users WHERE id = ?", ps -> ps.setString(1, id));
        db.update("DELETE FROM login_tokens WHERE user_id = ?", ps -> ps.setString(1, id));
        unindex(old);
        return true;
    }

    private void unindex(User u) {
        byId.remove(u.id(), u);
        byUsername.remove(u.username().toLowerCase(Locale.ROOT), u);
        if (u.email() != null) {
            byEmail.remove(u.email().toLowerCase(Locale.ROOT), u);
        }
    }

    public Optional<User> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public Optional<User> byUsername(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(byUsername.get(username.toLowerCase(Locale.ROOT)));
    }

    public Optional<User> byEmail(String email) {
        return email == null ? Optional.empty() : Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
    }

    public boolean emailTaken(String email) {
        return email != null && byEmail.containsKey(email.toLowerCase(Locale.ROOT));
    }

    public Collection<User> all() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }
}
