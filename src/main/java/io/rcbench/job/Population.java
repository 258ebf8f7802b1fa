package io.rcbench.job;

/**
 * The accounts and rooms a run needs on the target. Users are {@code user.<i>} (i from 0), bots {@code bot.<i>},
 * rooms {@code loadtest-<m>} of type {@code roomType}; room m holds users m*roomSize .. m*roomSize+roomSize-1
 * (modulo the users) and every bot, which is also how the embedded workspace's seeder lays them out, so both target
 * kinds look alike to the simulation. Webhook w posts as bot (w mod bots) into room (w mod rooms).
 */
public record Population(int users, int roomSize, String roomType, int bots, int webhooks) {
    public Population {
        if (users < 1 || roomSize < 2 || roomSize > users || bots < 0 || webhooks < 0) {
            throw new IllegalArgumentException("a population needs users >= room size >= 2 and no negative counts: "
                + this);
        }
        if (webhooks > 0 && bots == 0) {
            throw new IllegalArgumentException("webhooks post as bots: add at least one bot");
        }
        if (!roomType.equals("c") && !roomType.equals("p")) {
            throw new IllegalArgumentException("room type must be c (channel) or p (private group)");
        }
    }

    /** Rooms needed so every user is in one. */
    public int rooms() {
        return (users + roomSize - 1) / roomSize;
    }

    public static String username(int i) {
        return "user." + i;
    }

    public static String botname(int i) {
        return "bot." + i;
    }

    public static String roomName(int m) {
        return "loadtest-" + m;
    }
}
