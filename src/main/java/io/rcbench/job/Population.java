package io.rcbench.job;

import java.util.List;

/**
 * The accounts and rooms a run needs on the target. Users are {@code user.<i>} (i from 0), bots {@code bot.<i>};
 * every user belongs to one room ({@code loadtest-<m>}, a channel or a private group, see {@link RoomLayout}) and
 * every bot to all of them. Webhook w posts as bot (w mod bots) into room (w mod rooms).
 */
public record Population(int users, int bots, int webhooks, List<Room> rooms) {
    public Population {
        rooms = List.copyOf(rooms);
        if (users < 1 || bots < 0 || webhooks < 0 || rooms.isEmpty()) {
            throw new IllegalArgumentException("a population needs users, rooms and no negative counts");
        }
        if (webhooks > 0 && bots == 0) {
            throw new IllegalArgumentException("webhooks post as bots: add at least one bot");
        }
    }

    /** One room: its type ({@code c} channel, {@code p} private group) and member account indexes. */
    public record Room(String name, String type, List<Integer> members) {
        public Room {
            members = List.copyOf(members);
            if (!type.equals("c") && !type.equals("p")) {
                throw new IllegalArgumentException("room type must be c (channel) or p (private group)");
            }
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
        String name = rooms.get(0).name();
        return name.substring(0, name.lastIndexOf('-') + 1);
    }
}
