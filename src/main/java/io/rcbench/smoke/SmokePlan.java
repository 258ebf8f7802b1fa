package io.rcbench.smoke;

/**
 * A smoke load: {@code users} seeded users (user.0 ..) in rooms of {@code roomSize}, each sending
 * {@code messagesPerUserPerMinute} for {@code durationSeconds} after logging in.
 */
public record SmokePlan(int users, int roomSize, int durationSeconds, double messagesPerUserPerMinute) {
    public SmokePlan {
        if (users < 1 || roomSize < 1 || roomSize > users) {
            throw new IllegalArgumentException("need at least one user and 1 <= room size <= users");
        }
        if (durationSeconds < 1 || durationSeconds > 3600) {
            throw new IllegalArgumentException("duration must be 1..3600 s");
        }
        if (messagesPerUserPerMinute <= 0 || messagesPerUserPerMinute > 240) {
            throw new IllegalArgumentException("rate must be in (0, 240] messages per user per minute "
                + "(Rocket.Chat allows a user 5 per second)");
        }
    }

    public int rooms() {
        return (users + roomSize - 1) / roomSize;
    }
}
