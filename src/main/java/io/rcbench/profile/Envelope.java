package io.rcbench.profile;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The hardware a configuration runs on: what the embedded workspace is held to, and what a real target is
 * checked against. Cores may be fractional (the sizing guide's "0.8 CPU").
 *
 * @param instances Rocket.Chat application instances (1 for a monolith on one box)
 */
public record Envelope(double cores, double clockGhz, long memoryMb, Disk disk, int instances, Database database) {
    public Envelope {
        FieldException.require(cores > 0 && Double.isFinite(cores), "cores", "a number of cores > 0", FieldException.plain(cores));
        FieldException.require(clockGhz > 0 && clockGhz < 10, "clockGhz", "a clock in GHz between 0 and 10", FieldException.plain(clockGhz));
        FieldException.require(memoryMb >= 64, "memoryMb", "memory in MB >= 64", memoryMb);
        FieldException.require(instances >= 1, "instances", "an integer >= 1", instances);
    }

    /** Whole cores the embedded workspace gets: fractions round up, as the workspace's own envelope does. */
    public int wholeCores() {
        return (int) Math.ceil(cores - 1e-9);
    }

    /** Storage. */
    public record Disk(long sizeGb, Kind kind) {
        public Disk {
            FieldException.require(sizeGb >= 1, "sizeGb", "a size in GB >= 1", sizeGb);
        }

        /** Storage medium. */
        public enum Kind { SSD, HDD, SD }
    }

    /** The database (MongoDB for Rocket.Chat, H2 in the embedded workspace) and where it runs. */
    public record Database(Placement placement, OptionalLong memoryMb, OptionalDouble cores) {
        public Database {
            memoryMb.ifPresent(m -> FieldException.require(m >= 64, "memoryMb", "memory in MB >= 64", m));
            cores.ifPresent(c -> FieldException.require(c > 0, "cores", "a number of cores > 0", FieldException.plain(c)));
        }

        /** LOCAL: on the same box, sharing the envelope; EXTERNAL: a separate or managed service. */
        public enum Placement { LOCAL, EXTERNAL }
    }
}
