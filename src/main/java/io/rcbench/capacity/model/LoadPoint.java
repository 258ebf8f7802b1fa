package io.rcbench.capacity.model;

/** One measured level: {@code users} active users completed {@code throughputPerSec} actions/s over the hold. */
public record LoadPoint(double users, double throughputPerSec) {
    public LoadPoint {
        if (!(users >= 1) || !(throughputPerSec > 0) || !Double.isFinite(throughputPerSec)) {
            throw new IllegalArgumentException("a load point needs users >= 1 and a positive throughput: " + users
                + ", " + throughputPerSec);
        }
    }
}
