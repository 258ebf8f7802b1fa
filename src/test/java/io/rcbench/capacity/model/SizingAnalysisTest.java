package io.rcbench.capacity.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rcbench.run.CapacityResult;
import io.rcbench.run.SizingResult;
import java.util.List;

import org.junit.jupiter.api.Test;

/** From capacity runs on several envelopes to the sizing answer, measured first, extrapolations said so. */
class SizingAnalysisTest {
    static SizingAnalysis.Run run(double cores, Integer heldTo, Integer ceiling, Integer documented) {
        CapacityResult r = new CapacityResult("minimal-vps", List.of(), List.of(), null, ceiling, documented,
            new CapacityResult.Envelope(cores + " cores", cores, 1024, heldTo), null);
        return new SizingAnalysis.Run("run-" + cores, r);
    }

    @Test
    void threeEnvelopesFitTheUslInCoresAndTheSmallestHoldingEnvelopeIsTheMeasuredAnswer() {
        // ceilings of a USL with 40 users per core, sigma 0.1, kappa 0.01: 40, 71.4, 112.7 (and 95.2 on 3 cores)
        SizingResult s = SizingAnalysis.of(List.of(run(1, null, 40, 100), run(2, null, 71, 100), run(4, null, 113, 100)),
            List.of(new SizingAnalysis.Documented("bare-metal", 6, 300)));
        assertThat(s.fitForm()).isEqualTo("usl");
        assertThat(s.fit().throughputAt(2)).isCloseTo(71, within(1.5));
        assertThat(s.fit().throughputAt(3)).isCloseTo(95.2, within(2.0));
        assertThat(s.answers().get(0)).isEqualTo("Measured: 4.0 cores holds the documented 100 active users with a 13% "
            + "margin (ceiling 113).");
        assertThat(s.answers().get(1)).startsWith("Predicted: 4 cores hold 100 active users").doesNotContain("extrapolation");
        assertThat(s.answers()).anyMatch(a -> a.contains("passes through every point"));
        SizingResult.Row documented = s.table().get(s.table().size() - 1);
        assertThat(documented.label()).isEqualTo("bare-metal");
        assertThat(documented.extrapolated()).isTrue();
        assertThat(documented.documentedActiveUsers()).isEqualTo(300);
    }

    @Test
    void aCountBeyondTheMeasuredEnvelopesIsAnExtrapolation() {
        SizingResult s = SizingAnalysis.of(List.of(run(1, null, 40, 150), run(2, null, 70, 150)), List.of());
        assertThat(s.fitForm()).isEqualTo("amdahl");
        // sigma = (1 - r) / r with r = 70 / 80: 0.143; 150 users need 40 p / (1 + 0.143 (p - 1)) >= 150: p = 7
        assertThat(s.fit().sigma()).isCloseTo(0.142857, within(1e-4));
        assertThat(s.answers().get(0)).isEqualTo("Measured: no envelope tried holds the documented 150 active users.");
        assertThat(s.answers().get(1)).startsWith("Predicted: 7 cores hold 150 active users")
            .endsWith(": an extrapolation beyond the measured 1-2 cores.");
    }

    @Test
    void anEnvelopeHeldToFewerCoresIsPlacedWhereItRan() {
        SizingResult s = SizingAnalysis.of(List.of(run(1, 1, 40, 50), run(4, 2, 70, 50)), List.of());
        assertThat(s.measured().get(1).envelope().effectiveCores()).isEqualTo(2);
        assertThat(s.table().get(1).label()).contains("held to 2 on this machine");
    }

    @Test
    void withoutAnyCeilingNothingIsPredictedAndNothingCalledAnExtrapolation() {
        SizingResult s = SizingAnalysis.of(List.of(run(1, 1, null, null), run(2, 2, null, null)),
            List.of(new SizingAnalysis.Documented("minimal-vps", 1, 50)));
        assertThat(s.fit()).isNull();
        assertThat(s.table()).allMatch(r -> r.predictedCeilingUsers() == null && !r.extrapolated());
        // a measured row never borrows another profile's documented count
        assertThat(s.table()).filteredOn(r -> r.measuredCeilingUsers() == null && !r.label().equals("minimal-vps"))
            .allMatch(r -> r.documentedActiveUsers() == null);
        assertThat(s.answers()).containsExactly("The profile documents no active-user count, so there is nothing to "
            + "size for.");
    }

    @Test
    void memoryFarFromItsLimitIsShownNotToBindWithTheFigures() {
        // 1 and 2 cores with 2 GB; the target's peak RSS 200 MB + 3 MB per user, 320 MB at the larger ceiling
        SizingResult s = SizingAnalysis.of(List.of(withMemory(1, 20, 24), withMemory(2, 38, 44)), List.of());
        assertThat(s.measured()).allMatch(m -> "cores".equals(m.binding()) && m.memoryShare() < 0.2);
        assertThat(s.memory().mbPerUser().value()).isCloseTo(3.0, within(1e-6));
        assertThat(s.answers()).anyMatch(a -> a.startsWith("Memory: peak resident memory grows 3.00")
            && a.contains("it used 13-16% of the envelope's memory: memory was not the binding limit in the measured "
            + "range; cores were."));
        assertThat(s.table()).allMatch(r -> r.predicted().binding().equals("cores"));
        // without observations the answer says memory was assumed not to bind
        SizingResult blind = SizingAnalysis.of(List.of(run(1, null, 40, 50), run(2, null, 70, 50)), List.of());
        assertThat(blind.memory()).isNull();
        assertThat(blind.answers()).anyMatch(a -> a.startsWith("Memory: not observed by these runs"));
        assertThat(blind.table()).allMatch(r -> r.predicted().note().equals("memory not observed: assumed not to bind"));
    }

    /** A run on {@code cores} with 2 GB whose levels at half, the ceiling and the failure record RSS 200 + 3 per user. */
    static SizingAnalysis.Run withMemory(double cores, int ceiling, int failed) {
        List<CapacityResult.Step> steps = new java.util.ArrayList<>();
        for (int users : new int[] {ceiling / 2, ceiling, failed}) {
            steps.add(new CapacityResult.Step(users, java.util.Map.of(), null, users, 0, users <= ceiling,
                java.util.Map.of(), false, new CapacityResult.Memory(null, 200L + 3L * users)));
        }
        return new SizingAnalysis.Run("run-" + cores, new CapacityResult("minimal-vps", steps, List.of(), null, ceiling,
            null, new CapacityResult.Envelope(cores + " cores", cores, 2048, null), null));
    }

    @Test
    void runsOfDifferentProfilesAreRefused() {
        SizingAnalysis.Run other = new SizingAnalysis.Run("x", new CapacityResult("other", List.of(), List.of(), null, 5,
            null, new CapacityResult.Envelope("1 core", 1, 512, null), null));
        assertThatThrownBy(() -> SizingAnalysis.of(List.of(run(1, null, 40, 50), other), List.of()))
            .hasMessageContaining("different profiles");
    }
}
