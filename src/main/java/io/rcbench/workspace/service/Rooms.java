package io.rcbench.workspace.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.MeteorError;
import io.rcbench.ddp.RandomId;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.store.StoreException;
import io.rcbench.workspace.store.Stores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Creating, joining and reading rooms with Rocket.Chat's rules and error codes. Thread-safe. */
public final class Rooms {
    private final Permissions permissions;
    /** Rocket.Chat's default UTF8_Channel_Names_Validation, bounded by the rooms table's name column. */
    private static final Pattern ROOM_NAME = Pattern.compile("[0-9a-zA-Z-_.]{1,256}");
    private final Object directLock = new Object();
    private final Stores stores;
    private final Notifier notifier;
    /**
     * Serialises the name check and insert of named rooms: the store's unique index is case-sensitive, so
     * without this two concurrent creates of "Ops" and "ops" would both succeed.
     */
    private final Object nameLock = new Object();

    public Rooms(Stores stores, Notifier notifier, Permissions permissions) {
        this.permissions = permissions;
        this.stores = stores;
        this.notifier = notifier;
    }

    /**
     * Creates a channel ("c") or private group ("p"); the creator and the named members join it.
     * Returns the room document plus {@code rid} and {@code inserted}, as {@code ICreatedRoom}.
     */
    public ObjectNode create(User creator, String type, String name, List<String> memberUsernames, boolean readOnly) {
        if (!permissions.has(creator, type.equals("c") ? "create-c" : "create-p")) {
            throw new MeteorError("error-not-allowed", "Not allowed");
        }
        if (name == null || !ROOM_NAME.matcher(name).matches()) {
            throw new MeteorError("error-invalid-room-name", (name == null ? "" : name) + " is not a valid room name");
        }
        Set<User> members = new LinkedHashSet<>();
        members.add(creator);
        for (String username : memberUsernames) {
            members.add(stores.users.byUsername(username)
                .orElseThrow(() -> new MeteorError("error-invalid-user", "Invalid user " + username)));
        }
        Room room = new Room(RandomId.id(), type, name, creator.id(), System.currentTimeMillis(), readOnly);
        try {
            synchronized (nameLock) {
                stores.rooms.insert(room);
            }
        } catch (StoreException e) {
            if (!e.isDuplicateKey() && stores.rooms.byName(name).isEmpty()) {
                throw e;
            }
            throw new MeteorError("error-duplicate-channel-name", "A channel with name '" + name + "' exists");
        }
        for (User m : members) {
            stores.rooms.addMember(room.id(), m.id(), room.createdAtMs());
            notifier.subscriptionInserted(room, m);
        }
        ObjectNode doc = Documents.room(room, creator, stores);
        doc.put("rid", room.id()).put("inserted", true);
        return doc;
    }

    /**
     * {@code im.create}: the direct room of the caller and the named users or, with {@code excludeSelf}, of the
     * named users alone (an admin provisioning a DM between two others; needs view-room-administration). As on
     * Rocket.Chat the caller's own name is dropped from the list, so naming only oneself gives the self-DM.
     * Rocket.Chat also makes group DMs of three or more members; they are not simulated and refused. Stricter than
     * Rocket.Chat, which lets anyone use excludeSelf (the permission only opens the members' subscriptions): here
     * it is kept to the admin provisioning it exists for.
     */
    public Room direct(User caller, List<String> usernames, boolean excludeSelf) {
        if (excludeSelf && !permissions.has(caller, "view-room-administration")) {
            throw new MeteorError(403, "unauthorized");
        }
        // By id: a name listed twice, in any letter case, is one member.
        Map<String, User> named = new LinkedHashMap<>();
        for (String username : usernames) {
            User u = stores.users.byUsername(username)
                .orElseThrow(() -> new MeteorError("error-invalid-user", "Invalid user"));
            named.putIfAbsent(u.id(), u);
        }
        named.remove(caller.id());
        List<User> members = new ArrayList<>(named.values());
        if (!excludeSelf) {
            members.add(0, caller);
        }
        if (members.size() > 2) {
            throw new MeteorError("error-not-allowed",
                "Group direct messages (three or more members) are not supported by the embedded workspace");
        }
        if (excludeSelf && members.size() < 2) {
            // Rocket.Chat refuses a DM that would hold one user other than the caller.
            throw new MeteorError("error-invalid-user", "Invalid user");
        }
        return direct(members.get(0), members.get(members.size() - 1));
    }

    /**
     * The direct-message room of two users, created on first use; its id is both user ids sorted. With
     * oneself it is the self-DM Rocket.Chat allows: id the user's id, one member.
     */
    public Room direct(User a, User b) {
        Set<User> members = a.id().equals(b.id()) ? Set.of(a) : Set.of(a, b);
        List<String> ids = new ArrayList<>(members.stream().map(User::id).toList());
        ids.sort(null);
        String rid = String.join("", ids);
        // one caller at a time (DMs are opened rarely): a concurrent caller, e.g. several injectors provisioning the
        // same pair, must neither fail on the duplicate row nor see the room before its members are in
        synchronized (directLock) {
            return stores.rooms.byId(rid).orElseGet(() -> {
                Room room = new Room(rid, "d", null, a.id(), System.currentTimeMillis(), false);
                stores.rooms.insert(room);
                for (User u : members) {
                    stores.rooms.addMember(rid, u.id(), room.createdAtMs());
                    notifier.subscriptionInserted(room, u);
                }
                return room;
            });
        }
    }

    /** Joins a public channel; joining twice is a no-op. Private groups and DMs refuse with error-not-allowed. */
    public void join(User user, String rid) {
        Room room = stores.rooms.byId(rid).orElseThrow(() -> new MeteorError("error-invalid-room", "Invalid room"));
        if (stores.rooms.isMember(rid, user.id())) {
            return;
        }
        if (!room.isPublic()) {
            throw new MeteorError("error-not-allowed", "Not allowed");
        }
        if (stores.rooms.addMember(rid, user.id(), System.currentTimeMillis())) {
            notifier.subscriptionInserted(room, user);
        }
    }

    /** A room the user may read: a member, or any logged-in user for a public channel. */
    public boolean canRead(User user, Room room) {
        return user != null && (room.isPublic() || stores.rooms.isMember(room.id(), user.id()));
    }

    /** The room with this id, or null. */
    public Room find(String rid) {
        return stores.rooms.byId(rid).orElse(null);
    }

    public Room require(String rid) {
        return stores.rooms.byId(rid).orElseThrow(() -> new MeteorError("error-invalid-room", "Invalid room"));
    }

    /** The room a webhook or postMessage names: "#name", "@username" (DM with the poster) or a room id. */
    public Room resolveChannel(User poster, String channel) {
        if (channel == null || channel.isBlank()) {
            throw new MeteorError("error-invalid-channel", "Invalid channel");
        }
        if (channel.startsWith("#")) {
            return stores.rooms.byName(channel.substring(1))
                .orElseThrow(() -> new MeteorError("error-invalid-channel", "Invalid channel"));
        }
        if (channel.startsWith("@")) {
            User other = stores.users.byUsername(channel.substring(1))
                .orElseThrow(() -> new MeteorError("error-invalid-channel", "Invalid channel"));
            return direct(poster, other);
        }
        return stores.rooms.byId(channel).or(() -> stores.rooms.byName(channel))
            .orElseThrow(() -> new MeteorError("error-invalid-channel", "Invalid channel"));
    }

    /** Every room of a user, as {@code rooms/get} returns them. */
    public List<ObjectNode> roomsOf(User user) {
        List<ObjectNode> out = new ArrayList<>();
        for (String rid : stores.rooms.roomsOf(user.id())) {
            stores.rooms.byId(rid).ifPresent(r -> out.add(Documents.room(r, stores)));
        }
        return out;
    }

    /** Every subscription of a user, as {@code subscriptions/get} returns them. */
    public List<ObjectNode> subscriptionsOf(User user) {
        List<ObjectNode> out = new ArrayList<>();
        for (String rid : stores.rooms.roomsOf(user.id())) {
            stores.rooms.byId(rid).ifPresent(r -> stores.rooms.subscriptionState(rid, user.id())
                .ifPresent(s -> out.add(Documents.subscription(r, user, s))));
        }
        return out;
    }

    /** Marks a room read (subscriptions.read / readMessages). */
    public void markRead(User user, String rid) {
        Room room = require(rid);
        if (!stores.rooms.isMember(rid, user.id())) {
            throw new MeteorError("error-invalid-subscription", "Invalid subscription");
        }
        stores.rooms.markRead(rid, user.id(), System.currentTimeMillis());
        notifier.messagesRead(room, user);
    }

    /**
     * The roles a user holds in a room. Room roles are not stored: the room's creator is its owner while a member,
     * as Rocket.Chat makes the creator owner at creation (a documented simplification: no set-owner/set-moderator).
     */
    public Set<String> rolesIn(User user, Room room) {
        return user != null && user.id().equals(room.creatorId()) && stores.rooms.isMember(room.id(), user.id())
            ? Set.of("owner") : Set.of();
    }

    /** {@code channels.leave} / {@code groups.leave}: leave-c/leave-p, membership, and the last owner must stay. */
    public void leave(User user, Room room) {
        if (!permissions.has(user, room.isPublic() ? "leave-c" : "leave-p")) {
            throw new MeteorError("error-not-allowed", "Not allowed");
        }
        if (!stores.rooms.isMember(room.id(), user.id())) {
            throw new MeteorError("error-user-not-in-room", "You are not in this room");
        }
        if (rolesIn(user, room).contains("owner")) {
            throw new MeteorError("error-you-are-last-owner",
                "You are the last owner. Please set new owner before leaving the room.");
        }
        stores.rooms.removeMember(room.id(), user.id());
        notifier.subscriptionRemoved(room, user);
    }

    /** {@code channels.delete} / {@code groups.delete}: delete-c/delete-p (owner or admin); members are told. */
    public void delete(User user, Room room) {
        if (!permissions.has(user, room.isPublic() ? "delete-c" : room.t().equals("p") ? "delete-p" : "delete-d",
            rolesIn(user, room))) {
            throw new MeteorError("error-not-allowed", "Not allowed");
        }
        List<String> memberIds = List.copyOf(stores.rooms.members(room.id()));
        stores.messages.deleteRoom(room.id());
        stores.rooms.delete(room.id());
        for (String uid : memberIds) {
            stores.users.byId(uid).ifPresent(m -> notifier.subscriptionRemoved(room, m));
        }
    }
}
