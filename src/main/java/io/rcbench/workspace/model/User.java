package io.rcbench.workspace.model;

import java.util.Set;

/**
 * A workspace user. {@code bcrypt} is bcrypt(sha256hex(password)), as Meteor's accounts-password stores it.
 */
public record User(String id, String username, String name, String email, Set<String> roles, String bcrypt,
                   long createdAtMs, boolean active) {
    public User {
        if (id == null || id.isBlank() || username == null || username.isBlank()) {
            throw new IllegalArgumentException("a user needs an id and a username");
        }
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
