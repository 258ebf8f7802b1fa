package io.rcbench.workspace.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.ddp.RandomId;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.store.Stores;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Changing and deleting users, each change announced on {@code stream-notify-logged} where Rocket.Chat announces it:
 * {@code Users:NameChanged} (name or username), {@code roles-change} (a global role added or removed),
 * {@code updateAvatar} (avatar reset) and {@code Users:Deleted}. Thread-safe.
 */
public final class UserAdmin {
    private static final Pattern USERNAME = Pattern.compile("[0-9a-zA-Z-_.]{1,128}");
    private final Stores stores;
    private final Notifier notifier;
    private final Presence presence;
    private final Consumer<String> closeSessions;
    private final Object lock = new Object();

    /** {@code closeSessions} ends every DDP session of a user id (a deleted user is logged out everywhere). */
    public UserAdmin(Stores stores, Notifier notifier, Presence presence, Consumer<String> closeSessions) {
        this.stores = stores;
        this.notifier = notifier;
        this.presence = presence;
        this.closeSessions = closeSessions;
    }

    /** The user by id, or {@code error-invalid-user}. */
    public User require(String userId) {
        return stores.users.byId(userId).orElseThrow(() -> new MeteorError("error-invalid-user", "The required \"userId\" or \"username\" param provided does not match any users"));
    }

    /** Renames a user (name and/or username; null keeps it) and announces {@code Users:NameChanged}. */
    public User rename(User user, String name, String username) {
        synchronized (lock) {
            User current = require(user.id());
            String newName = name == null ? current.name() : name;
            String newUsername = username == null ? current.username() : username;
            if (!USERNAME.matcher(newUsername).matches()) {
                throw new MeteorError("error-invalid-username", "Invalid username");
            }
            if (newName.length() > 256) {
                throw new MeteorError("error-invalid-name", "Name longer than 256 characters");
            }
            if (!newUsername.equalsIgnoreCase(current.username()) && stores.users.byUsername(newUsername).isPresent()) {
                throw new MeteorError("error-field-unavailable", newUsername + " is already in use :(");
            }
            if (newName.equals(current.name()) && newUsername.equals(current.username())) {
                return current;
            }
            User changed = new User(current.id(), newUsername, newName, current.email(), current.roles(), current.bcrypt(),
                current.createdAtMs(), current.active());
            stores.users.replace(changed);
            notifier.logged("Users:NameChanged", Json.array().add(
                Json.object().put("_id", changed.id()).put("name", changed.name()).put("username", changed.username())));
            return changed;
        }
    }

    /**
     * {@code roles.addUserToRole} / {@code roles.removeUserFromRole} (global roles only): announces {@code roles-change}
     * with {@code {type, _id: role, u:{_id, username, name}}}. Returns false when nothing changed.
     */
    public boolean setRole(User user, String role, boolean add) {
        if (!Permissions.isRole(role)) {
            throw new MeteorError("error-invalid-roleId", "This role does not exist");
        }
        synchronized (lock) {
            User current = require(user.id());
            Set<String> roles = new HashSet<>(current.roles());
            if (add ? !roles.add(role) : !roles.remove(role)) {
                if (add) {
                    throw new MeteorError("error-user-already-in-role", "User already in role");
                }
                throw new MeteorError("error-user-not-in-role", "User is not in this role");
            }
            stores.users.replace(new User(current.id(), current.username(), current.name(), current.email(), roles,
                current.bcrypt(), current.createdAtMs(), current.active()));
            ObjectNode event = Json.object().put("type", add ? "added" : "removed").put("_id", role);
            event.set("u", Documents.userRef(current));
            notifier.logged("roles-change", Json.array().add(event));
            return true;
        }
    }

    /** {@code users.resetAvatar}: a new avatar etag, announced as {@code updateAvatar} {@code {username, etag}}. */
    public String resetAvatar(User user) {
        String etag = RandomId.id();
        notifier.logged("updateAvatar", Json.array().add(Json.object().put("username", user.username()).put("etag", etag)));
        return etag;
    }

    /**
     * {@code users.delete}: the user, their memberships and sessions go; their messages stay (a documented
     * simplification of Message_ErasureType). Announced as {@code Users:Deleted}.
     */
    public void delete(User user) {
        synchronized (lock) {
            User current = require(user.id());
            for (String rid : List.copyOf(stores.rooms.roomsOf(current.id()))) {
                stores.rooms.removeMember(rid, current.id());
            }
            stores.users.delete(current.id());
            presence.forget(current.id());
            closeSessions.accept(current.id());
            notifier.logged("Users:Deleted", Json.array().add(Json.object().put("userId", current.id())
                .put("messageErasureType", "Keep")));
        }
    }
}
