package io.rcbench.capacity;

import io.rcbench.capacity.model.ScalabilityAnalysis;
import io.rcbench.run.CapacityResult;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where to measure past the ceiling, as a pure function of the curve so far: an SLO ceiling is usually met before
 * the target's throughput saturates, and a scalability model fitted to the straight part cannot say where it will.
 * So once a level has failed, while the knee metric's throughput has not bent
 * ({@link ScalabilityAnalysis#bends}), probe {@code growth} times the highest level measured, never past {@code max},
 * at most {@code count} times. A probe never claims a ceiling.
 *
 * @param count  probes allowed, >= 0
 * @param growth step-up factor, > 1
 * @param max    the search's highest level
 * @param metric the knee metric whose throughput must bend
 */
public record Probes(int count, double growth, int max, String metric) {
    public Probes {
        if (count < 0 || !(growth > 1) || max < 1) {
            throw new IllegalArgumentException("probes: need count >= 0, growth > 1, max >= 1");
        }
    }

    /** The next probe's level, or empty: none allowed, no failure yet, the curve bends, or {@code max} reached. */
    public OptionalInt next(String profile, List<CapacityResult.Step> curve, int probesRun) {
        if (probesRun >= count || curve.stream().allMatch(CapacityResult.Step::pass)
            || ScalabilityAnalysis.bends(new CapacityResult(profile, curve, List.of(), null, null), metric)) {
            return OptionalInt.empty();
        }
        int highest = curve.stream().mapToInt(CapacityResult.Step::activeUsers).max().orElse(0);
        int level = (int) Math.min(max, Math.max(highest + 1, Math.round(highest * growth)));
        return level > highest ? OptionalInt.of(level) : OptionalInt.empty();
    }
}
