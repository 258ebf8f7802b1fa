package io.rcbench.workspace.settings;

import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.store.PermissionStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The role grants of Rocket.Chat's default permissions that the workspace enforces or reports
 * (apps/meteor/app/authorization/server/constant/permissions.ts), and its default roles
 * (apps/meteor/server/startup/initialData / roles). {@code permissions.update} changes a permission's roles; the
 * change persists and is announced to listeners ({@code permissions-changed}). Thread-safe.
 */
public final class Permissions {
    /** A permission's roles and when they were last set. */
    public record Grant(Set<String> roles, long updatedAtMs) {
    }

    /** A role as {@code roles.list} describes it; {@code scope} is "Users" (global) or "Subscriptions" (per room). */
    public record Role(String id, String scope, String description) {
    }

    /** Rocket.Chat's protected default roles, global first. */
    public static final List<Role> ROLES = List.of(
        new Role("admin", "Users", "Admin"),
        new Role("user", "Users", "User"),
        new Role("bot", "Users", "Bot"),
        new Role("app", "Users", "App"),
        new Role("guest", "Users", "Guest"),
        new Role("anonymous", "Users", "Anonymous"),
        new Role("livechat-agent", "Users", "Livechat Agent"),
        new Role("livechat-manager", "Users", "Livechat Manager"),
        new Role("livechat-monitor", "Users", "Livechat Monitor"),
        new Role("owner", "Subscriptions", "Owner"),
        new Role("moderator", "Subscriptions", "Moderator"),
        new Role("leader", "Subscriptions", "Leader"));

    private static final Map<String, Set<String>> DEFAULTS = defaults();
    /** Defaults never change; their {@code _updatedAt} is when this JVM loaded them. */
    private static final long LOADED_AT = System.currentTimeMillis();

    private final PermissionStore store;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, Grant>> listeners = new CopyOnWriteArrayList<>();

    /** Rocket.Chat's defaults overlaid with what {@code store} holds; {@code store} null: defaults, not persisted. */
    public Permissions(PermissionStore store) {
        this.store = store;
        DEFAULTS.forEach((id, roles) -> grants.put(id, new Grant(roles, LOADED_AT)));
        if (store != null) {
            store.load().forEach((id, row) -> {
                if (DEFAULTS.containsKey(id)) {
                    grants.put(id, new Grant(Set.copyOf(row.roles()), row.updatedAtMs()));
                }
            });
        }
    }

    private static Map<String, Set<String>> defaults() {
        Map<String, Set<String>> g = new LinkedHashMap<>();
        g.put("access-permissions", Set.of("admin"));
        g.put("api-bypass-rate-limit", Set.of("admin", "bot", "app"));
        g.put("assign-roles", Set.of("admin"));
        g.put("bypass-time-limit-edit-and-delete", Set.of("bot", "app"));
        g.put("clean-channel-history", Set.of("admin"));
        g.put("create-c", Set.of("admin", "user", "bot", "app"));
        g.put("create-d", Set.of("admin", "user", "bot", "app"));
        g.put("create-p", Set.of("admin", "user", "bot", "app"));
        g.put("create-user", Set.of("admin"));
        g.put("delete-c", Set.of("admin", "owner"));
        g.put("delete-d", Set.of("admin"));
        g.put("delete-message", Set.of("admin", "owner", "moderator"));
        g.put("delete-own-message", Set.of("admin", "user"));
        g.put("delete-p", Set.of("admin", "owner"));
        g.put("delete-user", Set.of("admin"));
        g.put("edit-message", Set.of("admin", "owner", "moderator"));
        g.put("edit-other-user-info", Set.of("admin"));
        g.put("edit-privileged-setting", Set.of("admin"));
        g.put("force-delete-message", Set.of("admin", "owner"));
        g.put("leave-c", Set.of("admin", "user", "bot", "anonymous", "app"));
        g.put("leave-p", Set.of("admin", "user", "bot", "anonymous", "app"));
        g.put("manage-incoming-integrations", Set.of("admin"));
        g.put("manage-own-incoming-integrations", Set.of("admin"));
        g.put("mention-all", Set.of("admin", "owner", "moderator", "user"));
        g.put("mention-here", Set.of("admin", "owner", "moderator", "user"));
        g.put("message-impersonate", Set.of("bot", "app"));
        g.put("pin-message", Set.of("owner", "moderator", "admin"));
        g.put("post-readonly", Set.of("admin", "owner", "moderator"));
        g.put("preview-c-room", Set.of("admin", "user", "anonymous"));
        g.put("send-many-messages", Set.of("admin", "bot", "app"));
        g.put("set-moderator", Set.of("admin", "owner"));
        g.put("set-owner", Set.of("admin", "owner"));
        g.put("view-c-room", Set.of("admin", "user", "bot", "app", "anonymous"));
        g.put("view-d-room", Set.of("admin", "user", "bot", "app", "guest"));
        g.put("view-full-other-user-info", Set.of("admin"));
        g.put("view-outside-room", Set.of("admin", "owner", "moderator", "user"));
        g.put("view-p-room", Set.of("admin", "user", "anonymous", "guest"));
        g.put("view-privileged-setting", Set.of("admin"));
        g.put("view-room-administration", Set.of("admin"));
        g.put("view-statistics", Set.of("admin"));
        g.put("view-user-administration", Set.of("admin"));
        return java.util.Collections.unmodifiableMap(g);
    }

    /** A global permission: one of the user's global roles is granted it. */
    public boolean has(User user, String permission) {
        return has(user, permission, Set.of());
    }

    /**
     * A permission in a room: the user's global roles plus {@code roomRoles}, the roles the user holds in that room
     * (owner, moderator, leader), as Rocket.Chat's {@code hasPermissionAsync(uid, permission, rid)}.
     */
    public boolean has(User user, String permission, Set<String> roomRoles) {
        if (user == null) {
            return false;
        }
        Grant g = grants.get(permission);
        Set<String> roles = g == null ? Set.of() : g.roles();
        return Stream.concat(user.roles().stream(), roomRoles.stream()).anyMatch(roles::contains);
    }

    /** Every permission with its grant, sorted by id. */
    public Map<String, Grant> all() {
        return new TreeMap<>(grants);
    }

    /** Called with (id, new grant) after every {@link #update}, on the caller's thread. */
    public void onChange(BiConsumer<String, Grant> listener) {
        listeners.add(listener);
    }

    /**
     * {@code permissions.update}: sets a permission's roles. An unknown permission is {@code error-invalid-permission},
     * an unknown role {@code error-invalid-role}.
     */
    public Grant update(String id, Set<String> roles) {
        if (!grants.containsKey(id)) {
            throw new MeteorError("error-invalid-permission", "Invalid permission");
        }
        for (String r : roles) {
            if (!isRole(r)) {
                throw new MeteorError("error-invalid-role", "Invalid role");
            }
        }
        Grant g = new Grant(Set.copyOf(roles), System.currentTimeMillis());
        if (store != null) {
            store.save(id, g.roles(), g.updatedAtMs());
        }
        grants.put(id, g);
        listeners.forEach(l -> l.accept(id, g));
        return g;
    }

    /** True when {@code role} is one of Rocket.Chat's default roles. */
    public static boolean isRole(String role) {
        return ROLES.stream().anyMatch(r -> r.id().equals(role));
    }
}
