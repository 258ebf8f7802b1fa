package io.rcbench.workspace.seed;

/**
 * What to seed. Users are {@code user.0 .. user.(users-1)}, bots {@code bot.0 ..}, rooms {@code loadtest-0 ..}
 * of type {@code roomType} ("c" or "p"); room m holds users m*roomSize .. m*roomSize+roomSize-1 (modulo
 * users) plus every bot. Webhook w posts as bot (w mod bots) into room (w mod rooms). Every user and bot gets
 * {@code password}; {@code bcryptCost} 10 is Meteor's (lower only makes logins cheaper than a real server's).
 */
public record SeedPlan(int users, int rooms, int roomSize, String roomType, int bots, int webhooks, String password,
                       int bcryptCost) {
    public SeedPlan {
        if (users < 0 || rooms < 0 || bots < 0 || webhooks < 0 || roomSize < 0) {
            throw new IllegalArgumentException("seed counts must not be negative");
        }
        if (rooms > 0 && users > 0 && roomSize > users) {
            throw new IllegalArgumentException("room size " + roomSize + " exceeds the " + users + " users");
        }
        if (!roomType.equals("c") && !roomType.equals("p")) {
            throw new IllegalArgumentException("room type must be c (channel) or p (private group)");
        }
        if (webhooks > 0 && (bots == 0 || rooms == 0)) {
            throw new IllegalArgumentException("webhooks need at least one bot and one room");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("seeded users need a password");
        }
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31");
        }
    }

    public static String username(int i) {
        return "user." + i;
    }

    public static String botname(int i) {
        return "bot." + i;
    }

    public static String roomName(int i) {
        return "loadtest-" + i;
    }
}
