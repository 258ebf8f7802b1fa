package io.rcbench.workspace.settings;

import io.rcbench.workspace.model.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The role grants of Rocket.Chat's default permissions that the workspace enforces or reports
 * (apps/meteor/app/authorization/server/constant/permissions.ts), and its default roles
 * (apps/meteor/server/startup/initialData / roles). Fixed at Rocket.Chat's defaults: {@code permissions.update}
 * is not simulated.
 */
public final class Permissions {
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

    private static final Map<String, Set<String>> GRANTS = grants();

    private Permissions() {
    }

    private static Map<String, Set<String>> grants() {
        Map<String, Set<String>> g = new LinkedHashMap<>();
        g.put("access-permissions", Set.of("admin"));
        g.put("api-bypass-rate-limit", Set.of("admin", "bot", "app"));
        g.put("assign-roles", Set.of("admin"));
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
    public static boolean has(User user, String permission) {
        return has(user, permission, Set.of());
    }

    /**
     * A permission in a room: the user's global roles plus {@code roomRoles}, the roles the user holds in that room
     * (owner, moderator, leader), as Rocket.Chat's {@code hasPermissionAsync(uid, permission, rid)}.
     */
    public static boolean has(User user, String permission, Set<String> roomRoles) {
        if (user == null) {
            return false;
        }
        Set<String> roles = GRANTS.getOrDefault(permission, Set.of());
        return Stream.concat(user.roles().stream(), roomRoles.stream()).anyMatch(roles::contains);
    }

    /** Every permission id with the roles granted it, sorted by id. */
    public static Map<String, Set<String>> all() {
        return GRANTS;
    }

    /** True when {@code role} is one of Rocket.Chat's default roles. */
    public static boolean isRole(String role) {
        return ROLES.stream().anyMatch(r -> r.id().equals(role));
    }
}
