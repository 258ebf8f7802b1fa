package io.rcbench.workspace.settings;

import io.rcbench.workspace.model.User;
import java.util.Map;
import java.util.Set;

/**
 * The role grants of Rocket.Chat's default permissions that the workspace enforces
 * (apps/meteor/app/authorization/server/constant/permissions.ts).
 */
public final class Permissions {
    private static final Map<String, Set<String>> GRANTS = Map.ofEntries(
        Map.entry("create-user", Set.of("admin")),
        Map.entry("create-c", Set.of("admin", "user", "bot", "app")),
        Map.entry("create-p", Set.of("admin", "user", "bot", "app")),
        Map.entry("create-d", Set.of("admin", "user", "bot", "app")),
        Map.entry("send-many-messages", Set.of("admin", "bot", "app")),
        Map.entry("api-bypass-rate-limit", Set.of("admin", "bot", "app")),
        Map.entry("manage-incoming-integrations", Set.of("admin")),
        Map.entry("edit-privileged-setting", Set.of("admin")),
        Map.entry("view-privileged-setting", Set.of("admin")),
        Map.entry("view-statistics", Set.of("admin")),
        Map.entry("view-room-administration", Set.of("admin")),
        Map.entry("message-impersonate", Set.of("bot", "app")),
        Map.entry("post-readonly", Set.of("admin", "owner", "moderator")));

    private Permissions() {
    }

    public static boolean has(User user, String permission) {
        if (user == null) {
            return false;
        }
        Set<String> roles = GRANTS.getOrDefault(permission, Set.of());
        return user.roles().stream().anyMatch(roles::contains);
    }
}
