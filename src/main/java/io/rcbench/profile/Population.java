package io.rcbench.profile;

/**
 * Who is simulated: every user is provisioned; active users connect, subscribe like a web client and act;
 * idle users connect and subscribe but do not act (a desktop app left open); the rest stay offline.
 */
public record Population(int users, int activeUsers, int idleConnectedUsers) {
    public Population {
        FieldException.require(users >= 1, "users", "an integer >= 1", users);
        FieldException.require(activeUsers >= 1, "activeUsers", "an integer >= 1", activeUsers);
        FieldException.require(idleConnectedUsers >= 0, "idleConnectedUsers", "an integer >= 0", idleConnectedUsers);
        FieldException.require((long) activeUsers + idleConnectedUsers <= users, "activeUsers",
            "activeUsers + idleConnectedUsers <= users (" + users + ")", activeUsers + " + " + idleConnectedUsers);
    }

    /** Users holding a connection: active plus idle. */
    public int connectedUsers() {
        return activeUsers + idleConnectedUsers;
    }

    /**
     * The same population shape with {@code active} active users: idle and total users keep their ratio to the
     * active users (rounded; never fewer users than connect), so a capacity step means "this installation, k times
     * larger".
     */
    public Population scaledTo(int active) {
        if (active < 1) {
            throw new FieldException("activeUsers", "expected an integer >= 1, got " + active);
        }
        double f = (double) active / activeUsers;
        int idle = (int) Math.round(idleConnectedUsers * f);
        int total = (int) Math.max(Math.round(users * f), (long) active + idle);
        return new Population(total, active, idle);
    }
}
