package io.rcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class NextStepTest {
    private final NextStep search = new NextStep(10, 400, 2, 0.05, 4);

    /** Drives the decision against a target that holds exactly {@code holds}; returns the levels run and the end. */
    private static List<String> drive(NextStep s, IntPredicate holds) {
        List<StepOutcome> done = new ArrayList<>();
        List<String> trace = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            NextStep.Decision d = s.next(done);
            if (d instanceof NextStep.Decision.Done end) {
                trace.add("done " + (end.ceiling().isPresent() ? end.ceiling().getAsInt() : "none")
                    + (end.reachedMax() ? " max" : ""));
                return trace;
            }
            NextStep.Decision.Run r = (NextStep.Decision.Run) d;
            trace.add(r.activeUsers() + (r.confirmation() ? "c" : ""));
            done.add(new StepOutcome(r.activeUsers(), holds.test(r.activeUsers()) ? "PASS" : "FAIL", r.confirmation()));
        }
        throw new AssertionError("did not converge: " + trace);
    }

    @Test
    void stepsUpThenBisectsThenConfirms() {
        assertThat(drive(search, n -> n <= 57)).containsExactly("10", "20", "40", "80", "60", "50", "55", "57", "57c", "done 57");
    }

    @Test
    void stopsWithinTheResolution() {
        // 5% of 200 is 10 users: 200 passes, 210 fails -> confirm 200
        assertThat(drive(search, n -> n < 205)).endsWith("200c", "done 200");
    }

    @Test
    void aFailedConfirmationMovesTheCeilingDown() {
        List<StepOutcome> done = List.of(new StepOutcome(10, "PASS", false), new StepOutcome(20, "PASS", false),
            new StepOutcome(40, "FAIL", false), new StepOutcome(30, "PASS", false), new StepOutcome(35, "FAIL", false),
            new StepOutcome(32, "PASS", false), new StepOutcome(33, "FAIL", false), new StepOutcome(32, "FAIL", true));
        assertThat(search.next(done)).isEqualTo(new NextStep.Decision.Run(30, true));
    }

    @Test
    void inconclusiveLevelsAreNotClaimed() {
        List<StepOutcome> done = List.of(new StepOutcome(10, "PASS", false), new StepOutcome(20, "INCONCLUSIVE", false));
        assertThat(search.next(done)).isEqualTo(new NextStep.Decision.Run(15, false));
    }

    @Test
    void aFailingStartBisectsDownToNothing() {
        assertThat(drive(search, n -> false)).last().isEqualTo("done none");
        assertThat(drive(search, n -> n <= 3)).containsExactly("10", "5", "2", "2c", "done 2"); // 2..5 is within 4 users
    }

    @Test
    void reachingTheMaximumSaysSo() {
        assertThat(drive(search, n -> true)).containsExactly("10", "20", "40", "80", "160", "320", "400", "400c",
            "done 400 max");
    }

    @Test
    void refusesNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NextStep(0, 10, 2, 0.05, 1))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(new NextStep(5, 5, 2, 0.05, 1).next(List.of())).isEqualTo(new NextStep.Decision.Run(5, false));
        assertThat(OptionalInt.empty()).isEmpty();
    }
}
