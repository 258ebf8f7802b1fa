package io.rcbench.capacity;

import java.util.List;
import java.util.OptionalInt;

/**
 * The capacity search's next move, as a pure function of the steps so far: step up by {@code growth} from
 * {@code start} while levels pass; after the first failure, bisect between the highest pass below it and the lowest
 * failure until they are within the resolution (a share of the level, at least {@code minResolutionUsers}); then
 * run the highest pass once more as a confirmation. A failed confirmation makes that level a failure and the
 * bisection goes on below it. A level that was INCONCLUSIVE counts as not holding (the search cannot claim it).
 */
public record NextStep(int start, int max, double growth, double resolutionShare, int minResolutionUsers) {
    public NextStep {
        if (start < 1 || max < start || growth <= 1 || resolutionShare <= 0 || minResolutionUsers < 1) {
            throw new IllegalArgumentException("capacity search: need 1 <= start <= max, growth > 1, positive resolution");
        }
    }

    /** What to do next. */
    public sealed interface Decision {
        /** Run {@code activeUsers}; {@code confirmation} when re-running the final level. */
        record Run(int activeUsers, boolean confirmation) implements Decision {
        }

        /** Stop: the ceiling (empty when even the lowest level failed), and whether {@code max} was reached. */
        record Done(OptionalInt ceiling, boolean reachedMax) implements Decision {
        }
    }

    public Decision next(List<StepOutcome> done) {
        if (done.isEmpty()) {
            return new Decision.Run(start, false);
        }
        int lowestFail = Integer.MAX_VALUE;
        for (StepOutcome s : done) {
            if (!s.passed()) {
                lowestFail = Math.min(lowestFail, s.activeUsers());
            }
        }
        int highestPass = 0;
        boolean confirmed = false;
        for (StepOutcome s : done) {
            if (s.passed() && s.activeUsers() < lowestFail && s.activeUsers() >= highestPass) {
                confirmed = s.activeUsers() == highestPass ? confirmed || s.confirmation() : s.confirmation();
                highestPass = s.activeUsers();
            }
        }
        if (lowestFail == Integer.MAX_VALUE) {
            if (highestPass >= max) {
                return confirmed ? new Decision.Done(OptionalInt.of(max), true) : new Decision.Run(max, true);
            }
            return new Decision.Run((int) Math.min(max, Math.max(highestPass + 1, Math.round(highestPass * growth))), false);
        }
        if (highestPass == 0 && lowestFail <= 1) {
            return new Decision.Done(OptionalInt.empty(), false);
        }
        int resolution = Math.max(minResolutionUsers, (int) Math.ceil(highestPass * resolutionShare));
        if (lowestFail - highestPass <= resolution) {
            if (highestPass == 0) {
                return new Decision.Done(OptionalInt.empty(), false);
            }
            return confirmed ? new Decision.Done(OptionalInt.of(highestPass), false)
                : new Decision.Run(highestPass, true);
        }
        return new Decision.Run(highestPass + (lowestFail - highestPass) / 2, false);
    }
}
