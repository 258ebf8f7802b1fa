package io.rcbench.workspace.store;

import io.rcbench.workspace.model.Room;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rooms and their memberships (Rocket.Chat's subscriptions), durable in H2 and indexed in memory:
 * rooms by id and name, members per room, rooms per user. Message counts, last-message times and unread counts
 * are derived from the stored messages and each member's last-seen time: kept in memory, computed from the
 * database when first needed, so a message costs one insert rather than an update per member. Thread-safe.
 */
public final class RoomStore {
    private static final String INSERT_ROOM =
        "INSERT INTO rooms(id, t, name, creator_id, created_at, read_only) VALUES (?,?,?,?,?,?)";
    private static final String INSERT_SUB = "INSERT INTO subscriptions(id, rid, uid, ts) VALUES (?,?,?,?)";

    /** One membership row to insert. */
    public record Membership(String rid, String uid, long ts) {
    }

    private final Database db;
    private final Map<String, Room> byId = new ConcurrentHashMap<>();
    private final Map<String, Room> byName = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> roomsOfUser = new ConcurrentHashMap<>();
    private final Map<String, MemberState> memberStates = new ConcurrentHashMap<>();
    private final Map<String, RoomCounters> counters = new ConcurrentHashMap<>();

    /** A member's join and last-seen times (persisted) and unread count (derived; -1 until computed). */
    private static final class MemberState {
        final long joinedMs;
        volatile Long lastSeenMs;
        int unread = -1;

        MemberState(long joinedMs, Long lastSeenMs) {
            this.joinedMs = joinedMs;
            this.lastSeenMs = lastSeenMs;
        }
    }

    private static final class RoomCounters {
        long msgs;
        Long lastMessageMs;
    }

    public RoomStore(Database db) {
        this.db = db;
        db.query("SELECT id, t, name, creator_id, created_at, read_only FROM rooms", ps -> { },
            rs -> new Room(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getBoolean(6))).forEach(this::index);
        db.query("SELECT rid, uid, ts, ls FROM subscriptions", ps -> { }, rs -> {
            indexMember(rs.getString(1), rs.getString(2), rs.getLong(3), (Long) rs.getObject(4));
            return null;
        });
        db.query("SELECT rid, COUNT(*), MAX(ts) FROM messages GROUP BY rid", ps -> { }, rs -> {
            RoomCounters c = counters.computeIfAbsent(rs.getString(1), k -> new RoomCounters());
            c.msgs = rs.getLong(2);
            c.lastMessageMs = rs.getLong(3);
            return null;
        });
    }

    private void index(Room r) {
        byId.put(r.id(), r);
        if (r.name() != null) {
            byName.put(r.name().toLowerCase(Locale.ROOT), r);
        }
        members.computeIfAbsent(r.id(), k -> ConcurrentHashMap.newKeySet());
    }

    private void indexMember(String rid, String uid, long joinedMs, Long lastSeenMs) {
        memberStates.putIfAbsent(subscriptionId(rid, uid), new MemberState(joinedMs, lastSeenMs));
        members.computeIfAbsent(rid, k -> ConcurrentHashMap.newKeySet()).add(uid);
        roomsOfUser.computeIfAbsent(uid, k -> ConcurrentHashMap.newKeySet()).add(rid);
    }

    public static String subscriptionId(String rid, String uid) {
        return rid + uid;
    }

    /** Inserts a room; a duplicate-key {@link StoreException} when the name is taken. */
    public void insert(Room r) {
        if (r.name() != null && byName.containsKey(r.name().toLowerCase(Locale.ROOT))) {
            throw new StoreException("room name already in use: " + r.name(), null);
        }
        db.update(INSERT_ROOM, ps -> bindRoom(ps, r));
        index(r);
    }

    public void insertAll(List<Room> rooms, List<Membership> memberships) {
        db.batch(INSERT_ROOM, rooms, RoomStore::bindRoom);
        rooms.forEach(this::index);
        db.batch(INSERT_SUB, memberships, RoomStore::bindSub);
        memberships.forEach(m -> indexMember(m.rid(), m.uid(), m.ts(), null));
    }

    private static void bindRoom(java.sql.PreparedStatement ps, Room r) throws java.sql.SQLException {
        ps.setString(1, r.id());
        ps.setString(2, r.t());
        ps.setString(3, r.name());
        ps.setString(4, r.creatorId());
        ps.setLong(5, r.createdAtMs());
        ps.setBoolean(6, r.readOnly());
    }

    private static void bindSub(java.sql.PreparedStatement ps, Membership m) throws java.sql.SQLException {
        ps.setString(1, subscriptionId(m.rid(), m.uid()));
        ps.setString(2, m.rid());
        ps.setString(3, m.uid());
        ps.setLong(4, m.ts());
    }

    /** Adds a member; returns false when already a member. */
    public boolean addMember(String rid, String uid, long ts) {
        if (isMember(rid, uid)) {
            return false;
        }
        try {
            db.update(INSERT_SUB, ps -> bindSub(ps, new Membership(rid, uid, ts)));
        } catch (StoreException e) {
            if (!e.isDuplicateKey()) {
                throw e;
            }
        }
        indexMember(rid, uid, ts, null);
        return true;
    }

    /** Removes a member (leave, kick, user deletion); returns false when not a member. */
    public boolean removeMember(String rid, String uid) {
        db.update("DELETE FROM subscriptions WHERE rid = ? AND uid = ?", ps -> {
            ps.setString(1, rid);
            ps.setString(2, uid);
        });
        memberStates.remove(subscriptionId(rid, uid));
        Set<String> r = roomsOfUser.get(uid);
        if (r != null) {
            r.remove(rid);
        }
        Set<String> m = members.get(rid);
        return m != null && m.remove(uid);
    }

    /** Deletes a room and its memberships (its messages are the message store's). */
    public void delete(String rid) {
        Room r = byId.remove(rid);
        db.update("DELETE FROM subscriptions WHERE rid = ?", ps -> ps.setString(1, rid));
        db.update("DELETE FROM rooms WHERE id = ?", ps -> ps.setString(1, rid));
        if (r != null && r.name() != null) {
            byName.remove(r.name().toLowerCase(Locale.ROOT), r);
        }
        Set<String> m = members.remove(rid);
        if (m != null) {
            for (String uid : m) {
                memberStates.remove(subscriptionId(rid, uid));
                Set<String> of = roomsOfUser.get(uid);
                if (of != null) {
                    of.remove(rid);
                }
            }
        }
        counters.remove(rid);
    }

    /** Counts a new message in the room and one unread for every member but the sender (in memory). */
    public void recordMessage(String rid, String senderId, long ts) {
        RoomCounters c = counters.computeIfAbsent(rid, k -> new RoomCounters());
        synchronized (c) {
            c.msgs++;
            c.lastMessageMs = c.lastMessageMs == null ? ts : Math.max(c.lastMessageMs, ts);
        }
        for (String uid : members(rid)) {
            if (!uid.equals(senderId)) {
                MemberState m = memberStates.get(subscriptionId(rid, uid));
                if (m != null) {
                    synchronized (m) {
                        if (m.unread >= 0) {
                            m.unread++;
                        }
                    }
                }
            }
        }
    }

    /** Marks the room read for a user: last-seen to {@code ts} (persisted), unread back to 0. */
    public void markRead(String rid, String uid, long ts) {
        db.update("UPDATE subscriptions SET ls = ? WHERE rid = ? AND uid = ?", ps -> {
            ps.setLong(1, ts);
            ps.setString(2, rid);
            ps.setString(3, uid);
        });
        MemberState m = memberStates.get(subscriptionId(rid, uid));
        if (m != null) {
            synchronized (m) {
                m.lastSeenMs = ts;
                m.unread = 0;
            }
        }
    }

    /** Message count and last-message time of a room. */
    public record Counters(long msgs, Long lastMessageMs) {
    }

    public Counters counters(String rid) {
        RoomCounters c = counters.get(rid);
        if (c == null) {
            return new Counters(0, null);
        }
        synchronized (c) {
            return new Counters(c.msgs, c.lastMessageMs);
        }
    }

    /** Unread count and last-seen time of one membership. */
    public record SubscriptionState(int unread, Long lastSeenMs, long joinedMs) {
    }

    /** The membership's state; the unread count is computed from the messages the first time it is asked for. */
    public Optional<SubscriptionState> subscriptionState(String rid, String uid) {
        MemberState m = memberStates.get(subscriptionId(rid, uid));
        if (m == null) {
            return Optional.empty();
        }
        synchronized (m) {
            if (m.unread < 0) {
                long since = m.lastSeenMs != null ? m.lastSeenMs : m.joinedMs;
                m.unread = db.query("SELECT COUNT(*) FROM messages WHERE rid = ? AND ts > ? AND uid <> ?", ps -> {
                    ps.setString(1, rid);
                    ps.setLong(2, since);
                    ps.setString(3, uid);
                }, rs -> rs.getInt(1)).get(0);
            }
            return Optional.of(new SubscriptionState(m.unread, m.lastSeenMs, m.joinedMs));
        }
    }

    public Optional<Room> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public Optional<Room> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Live view of a room's member ids; empty when the room is unknown. */
    public Set<String> members(String rid) {
        Set<String> m = members.get(rid);
        return m == null ? Set.of() : m;
    }

    /** Live view of the rooms a user belongs to. */
    public Set<String> roomsOf(String uid) {
        Set<String> r = roomsOfUser.get(uid);
        return r == null ? Set.of() : r;
    }

    public boolean isMember(String rid, String uid) {
        return members(rid).contains(uid);
    }

    public Collection<Room> all() {
        return byId.values();
    }
}
