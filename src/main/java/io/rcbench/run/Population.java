package io.rcbench.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accounts and rooms a run needs on the target. Users are {@code user.<i>} (i from 0), bots {@code bot.<i>}.
 * Users belong to several rooms (see {@link RoomLayout}): channels and private groups named
 * {@code loadtest-<layout hash>-<m>}, and direct messages of two users (no name). Every bot is a member of every
 * channel and group, not of direct messages. Webhook w posts as bot (w mod bots) into the w-th channel or group.
 *
 * @param shares how users' messages spread over channels, groups and direct messages
 */
public record Population(int users, int bots, int webhooks, List<Room> rooms, Membership.Shares shares) {
    public Population {
        rooms = List.copyOf(rooms);
        if (users < 1 || bots < 0 || webhooks < 0 || rooms.isEmpty()) {
            throw new IllegalArgumentException("a population needs users, rooms and no negative counts");
        }
        if (webhooks > 0 && bots == 0) {
            throw new IllegalArgumentException("webhooks post as bots: add at least one bot");
        }
        if (rooms.stream().allMatch(Room::direct)) {
            throw new IllegalArgumentException("a population needs at least one channel or group");
        }
    }

    /** Every message in channels: tools and layouts with one channel per user. */
    public Population(int users, int bots, int webhooks, List<Room> rooms) {
        this(users, bots, webhooks, rooms, Membership.Shares.CHANNELS_ONLY);
    }

    /**
     * One room: its type ({@code c} channel, {@code p} private group, {@code d} direct message) and member account
     * indexes. A direct message has exactly two members and no name.
     */
    public record Room(String name, String type, List<Integer> members) {
        public Room {
            members = List.copyOf(members);
            if (!type.equals("c") && !type.equals("p") && !type.equals("d")) {
                throw new IllegalArgumentException("room type must be c (channel), p (private group) or d (direct)");
            }
            if (type.equals("d") ? members.size() != 2 || name != null : name == null) {
                throw new IllegalArgumentException("a direct message has two members and no name; other rooms a name");
            }
        }

        public boolean direct() {
            return type.equals("d");
        }
    }

    /** {@code users} in channels of {@code roomSize} (the last one may be smaller): tools and tests. */
    public static Population uniform(int users, int roomSize, int bots, int webhooks) {
        return new Population(users, bots, webhooks, RoomLayout.uniform(users, roomSize));
    }

    public static String username(int i) {
        return "user." + i;
    }

    public static String botname(int i) {
        return "bot." + i;
    }

    /**
     * The prefix all of this population's room names share: {@code loadtest-<layout hash>-}, so a layout meets its
     * own rooms again on a real workspace (a second run reuses them) and never another layout's.
     */
    public String roomPrefix() {
        String name = namedRooms().get(0).name();
        return name.substring(0, name.lastIndexOf('-') + 1);
    }

    /** Channels and private groups: the rooms bots are in and webhooks post to. */
    public List<Room> namedRooms() {
        return rooms.stream().filter(r -> !r.direct()).toList();
    }

    /** The rooms of {@code accounts}, as each finds them on the target (name, or the DM's other username). */
    public Membership membership(Collection<Integer> accounts) {
        Set<Integer> wanted = new HashSet<>(accounts);
        Map<Integer, List<Membership.RoomKey>> byUser = new HashMap<>();
        for (Room r : rooms) {
            for (int i = 0; i < r.members().size(); i++) {
                int u = r.members().get(i);
                if (wanted.contains(u)) {
                    String key = r.direct() ? username(r.members().get(1 - i)) : r.name();
                    byUser.computeIfAbsent(u, k -> new ArrayList<>()).add(new Membership.RoomKey(r.type(), key));
                }
            }
        }
        return new Membership(byUser, shares);
    }

    /**
     * Groups of users that share no room with anyone outside the group (connected components of the membership
     * graph), each as its sorted account indexes, ordered by their smallest member. Users in no room are groups of one.
     */
    public List<List<Integer>> neighbourhoods() {
        int[] parent = new int[users];
        for (int i = 0; i < users; i++) {
            parent[i] = i;
        }
        for (Room r : rooms) {
            int first = find(parent, r.members().get(0));
            for (int m : r.members()) {
                int root = find(parent, m);
                if (root != first) {
                    parent[Math.max(root, first)] = Math.min(root, first);
                    first = Math.min(root, first);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new java.util.TreeMap<>();
        for (int u = 0; u < users; u++) {
            groups.computeIfAbsent(find(parent, u), k -> new ArrayList<>()).add(u);
        }
        return List.copyOf(groups.values());
    }

    private static int find(int[] parent, int u) {
        while (parent[u] != u) {
            parent[u] = parent[parent[u]];
            u = parent[u];
        }
        return u;
    }
}
