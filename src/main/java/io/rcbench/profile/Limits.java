package io.rcbench.profile;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a source document claims the configuration sustains: the claim a run checks and the capacity search
 * compares its ceiling against. Blank figures in the source stay empty here; the profile's assumptions say what
 * the run uses instead.
 *
 * @param usersFrom   lower end of a documented user range (0 when the claim is "up to")
 * @param users       documented (upper) number of users
 * @param activeUsers documented concurrently active users, empty where the source leaves it blank
 * @param instances   documented maximum number of application instances, if stated
 * @param mix         documented activity level (limited, moderate, heavy), if stated
 * @param sources     the lines the figures come from, at least one
 */
public record Limits(int usersFrom, int users, OptionalInt activeUsers, OptionalInt instances, Optional<String> mix,
                     List<SourceLine> sources) {
    public Limits {
        FieldException.require(users >= 1, "users", "an integer >= 1", users);
        FieldException.require(usersFrom >= 0 && usersFrom <= users, "usersFrom", "an integer between 0 and users ("
            + users + ")", usersFrom);
        activeUsers.ifPresent(a -> FieldException.require(a >= 1 && a <= users, "activeUsers",
            "an integer between 1 and users (" + users + ")", a));
        instances.ifPresent(i -> FieldException.require(i >= 1, "instances", "an integer >= 1", i));
        sources = List.copyOf(sources);
        FieldException.require(!sources.isEmpty(), "sources", "at least one source line", "none");
    }
}
