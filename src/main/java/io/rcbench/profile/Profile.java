package io.rcbench.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A hardware profile: a documented claim ("this hardware sustains N users at this activity") made runnable.
 * Loaded and validated by {@link ProfileLoader}; immutable.
 *
 * @param name        file name without {@code .yaml}
 * @param parent      the profile it extends, if any
 * @param limits      the documented claim and its source lines; empty for profiles not taken from a document
 * @param assumptions figures the sources leave blank: field path -> what is assumed and why
 */
public record Profile(String name, String description, Optional<String> parent, Optional<Limits> limits,
                      Envelope envelope, Population population, ActivityMix mix, Slos slos, InjectorBudget injector,
                      Phases phases, Map<String, String> assumptions) {
    public Profile {
        assumptions = Collections.unmodifiableMap(new LinkedHashMap<>(assumptions));
    }

    /**
     * This profile with {@code activeUsers} concurrently active users, for a capacity search: the population keeps
     * its shape ({@link Population#scaledTo}), the login rate scales with it so the ramp keeps its duration, the
     * per-user mix, envelope, SLOs and documented limits stay as they are (webhook rates are per 100 active users,
     * so they follow).
     */
    public Profile scaledTo(int activeUsers) {
        Population p = population.scaledTo(activeUsers);
        double f = (double) p.connectedUsers() / population.connectedUsers();
        Phases ph = new Phases(phases.loginsPerSecond() * f, phases.warmupSeconds(), phases.holdSeconds());
        return new Profile(name, description, parent, limits, envelope, p, mix, slos, injector, ph, assumptions);
    }
}
