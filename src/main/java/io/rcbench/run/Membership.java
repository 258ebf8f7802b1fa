package io.rcbench.run;

import java.util.List;
import java.util.Map;

/**
 * The rooms each simulated user belongs to, as the user finds them in {@code rooms/get}, and how its messages spread
 * over room types. A user writes in the room it has open; the first room it opens and every room switch are drawn by
 * {@link Shares}, then uniformly among its rooms of that type (the layout gave each user memberships of each size
 * class in proportion to that class's message share, so this keeps the mix's shares by size too).
 *
 * @param byUser the rooms of every account this injector simulates, by account index
 * @param shares the share of messages in channels, private groups and direct messages
 */
public record Membership(Map<Integer, List<RoomKey>> byUser, Shares shares) {
    public Membership {
        byUser = Map.copyOf(byUser);
    }

    /**
     * One room of a user.
     *
     * @param type {@code c} channel, {@code p} private group, {@code d} direct message
     * @param key  a channel's or group's name; for a direct message, the other member's username (DMs have no name)
     */
    public record RoomKey(String type, String key) {
        public RoomKey {
            if (!type.equals("c") && !type.equals("p") && !type.equals("d")) {
                throw new IllegalArgumentException("room type must be c, p or d: " + type);
            }
        }
    }

    /** Shares of messages by room type; they need not add up to one (they are weights). */
    public record Shares(double channels, double groups, double direct) {
        public static final Shares CHANNELS_ONLY = new Shares(1, 0, 0);

        public Shares {
            if (channels < 0 || groups < 0 || direct < 0 || channels + groups + direct <= 0) {
                throw new IllegalArgumentException("room type shares must not be negative and not all zero");
            }
        }

        public double of(String type) {
            return switch (type) {
                case "c" -> channels;
                case "p" -> groups;
                default -> direct;
            };
        }
    }

    /** The rooms of account {@code user}; empty when it has none here. */
    public List<RoomKey> of(int user) {
        return byUser.getOrDefault(user, List.of());
    }
}
