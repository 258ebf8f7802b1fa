package io.rcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.run.CapacityResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The probe decision as a table: only after a failure, only while throughput has not bent, within max and count. */
class ProbesTest {
    static final Probes TWO = new Probes(2, 2, 64, "sendMessage");

    /** A level completing {@code sendsPerUser} sendMessage/s per user. */
    static CapacityResult.Step step(int users, double sendsPerUser, boolean pass) {
        return new CapacityResult.Step(users, Map.of(), null, users * sendsPerUser, 0, pass,
            Map.of("sendMessage", users * sendsPerUser), false);
    }

    static List<CapacityResult.Step> straight(boolean failed) {
        return new ArrayList<>(List.of(step(8, 0.5, true), step(16, 0.49, !failed), step(12, 0.5, true)));
    }

    @Test
    void probesTwiceTheHighestLevelWhileTheCurveIsStraightAfterAFailure() {
        assertThat(TWO.next("p", straight(true), 0)).isEqualTo(OptionalInt.of(32));
    }

    @Test
    void noProbeBeforeAnyFailure() {
        assertThat(TWO.next("p", straight(false), 0)).isEmpty();
    }

    @Test
    void noProbeOnceTheCurveBends() {
        List<CapacityResult.Step> curve = straight(true);
        // 32 users completing 10/s: 0.31 per user against 0.5 at 8, under the 80% that counts as straight
        curve.add(step(32, 10.0 / 32, false));
        assertThat(TWO.next("p", curve, 1)).isEmpty();
    }

    @Test
    void noProbeBeyondMaxOrTheCount() {
        assertThat(new Probes(2, 2, 16, "sendMessage").next("p", straight(true), 0)).isEmpty();
        assertThat(new Probes(2, 2, 20, "sendMessage").next("p", straight(true), 0)).isEqualTo(OptionalInt.of(20));
        assertThat(TWO.next("p", straight(true), 2)).isEmpty();
        assertThat(new Probes(0, 2, 64, "sendMessage").next("p", straight(true), 0)).isEmpty();
    }
}
