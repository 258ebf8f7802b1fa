package io.rcbench.profile;

import java.time.Duration;

/**
 * The shape of a run in time: connected users log in at {@code loginsPerSecond} (the ramp: login and initial
 * subscriptions are a real server's heaviest phase), the load runs {@code warmupSeconds} unjudged, then
 * {@code holdSeconds} over which the SLOs are evaluated.
 */
public record Phases(double loginsPerSecond, int warmupSeconds, int holdSeconds) {
    public Phases {
        FieldException.require(loginsPerSecond > 0 && Double.isFinite(loginsPerSecond), "ramp.loginsPerSecond",
            "a rate > 0", FieldException.plain(loginsPerSecond));
        FieldException.require(warmupSeconds >= 0, "warmup.seconds", "an integer >= 0", warmupSeconds);
        FieldException.require(holdSeconds >= 1, "hold.seconds", "an integer >= 1", holdSeconds);
    }

    /** How long the ramp takes for {@code connectedUsers} at this arrival rate. */
    public Duration ramp(int connectedUsers) {
        return Duration.ofMillis((long) Math.ceil(connectedUsers * 1000.0 / loginsPerSecond));
    }

    public Duration warmup() {
        return Duration.ofSeconds(warmupSeconds);
    }

    public Duration hold() {
        return Duration.ofSeconds(holdSeconds);
    }
}
