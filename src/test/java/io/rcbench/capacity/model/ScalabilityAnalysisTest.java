package io.rcbench.capacity.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rcbench.run.CapacityResult;
import io.rcbench.run.ScalabilityModel;
import io.rcbench.run.ScalabilityModel.Usl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model against curves whose answer is known: exact USL curves are recovered, noise widens the intervals
 * without moving them off the truth, a curve that never bends says so, and the fit survives capacity.json.
 */
class ScalabilityAnalysisTest {
    static final double[] LOADS = {1, 2, 4, 8, 16, 24, 32, 48, 64, 80};
    static final Usl RETROGRADE = new Usl(2, 0.05, 0.0005);
    static final UslBootstrap BOOTSTRAP = new UslBootstrap(300, 5);

    static List<LoadPoint> curve(Usl truth, double[] loads, double noise, long seed) {
        Random random = new Random(seed);
        List<LoadPoint> out = new ArrayList<>();
        for (double n : loads) {
            out.add(new LoadPoint(n, truth.throughputAt(n) * Math.max(0.05, 1 + noise * random.nextGaussian())));
        }
        return out;
    }

    @Test
    void recoversSigmaAndKappaOfAnExactRetrogradeCurve() {
        ScalabilityModel m = ScalabilityAnalysis.of(curve(RETROGRADE, LOADS, 0, 1), 50.0, BOOTSTRAP);
        // stated tolerances: sigma within 0.005 absolute, kappa and lambda within 2%, R² ~ 1
        assertThat(m.usl().sigma()).isCloseTo(0.05, within(0.005));
        assertThat(m.usl().kappa()).isCloseTo(0.0005, within(0.00001));
        assertThat(m.usl().lambda()).isCloseTo(2, within(0.04));
        assertThat(m.rSquared()).isGreaterThan(0.999);
        // N* = sqrt(0.95 / 0.0005) = 43.6 users, X(N*) = 2 N* / (1 + 0.05 (N* - 1) + 0.0005 N* (N* - 1)) = 21.9/s
        assertThat(m.peakUsers().value()).isCloseTo(Math.sqrt(0.95 / 0.0005), within(1.0));
        assertThat(m.peakThroughputPerSec().value()).isCloseTo(RETROGRADE.peakThroughput(), within(0.2));
        assertThat(m.peakThroughputPerSec().contains(RETROGRADE.peakThroughput())).isTrue();
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void recoversContentionAloneWhenThroughputLevelsOff() {
        Usl truth = new Usl(0.5, 0.1, 0);
        ScalabilityModel m = ScalabilityAnalysis.of(curve(truth, LOADS, 0, 1), null, BOOTSTRAP);
        assertThat(m.usl().sigma()).isCloseTo(0.1, within(0.005));
        assertThat(m.usl().kappa()).isLessThan(1e-6);
        // no retrograde region: the peak is the asymptote lambda / sigma = 5/s, approached but never reached
        assertThat(m.peakThroughputPerSec().value()).isCloseTo(5, within(0.25));
        assertThat(m.warns(ModelWarnings.KNEE_NOT_REACHED)).isFalse();
    }

    @Test
    void noisyStepsGiveWideIntervalsThatStillHoldTheTruth() {
        ScalabilityModel exact = ScalabilityAnalysis.of(curve(RETROGRADE, LOADS, 0, 1), null, BOOTSTRAP);
        ScalabilityModel noisy = ScalabilityAnalysis.of(curve(RETROGRADE, LOADS, 0.15, 42), null, BOOTSTRAP);
        double exactWidth = exact.peakThroughputPerSec().high() - exact.peakThroughputPerSec().low();
        double noisyWidth = noisy.peakThroughputPerSec().high() - noisy.peakThroughputPerSec().low();
        assertThat(exactWidth).as("exact curve: peak interval").isLessThan(0.02 * RETROGRADE.peakThroughput());
        assertThat(noisyWidth).as("15%% noise: peak interval").isGreaterThan(0.1 * RETROGRADE.peakThroughput())
            .isGreaterThan(10 * exactWidth);
        assertThat(noisy.peakThroughputPerSec().contains(RETROGRADE.peakThroughput())).as("truth inside").isTrue();
        assertThat(noisy.sigma().contains(0.05)).isTrue();
        assertThat(noisy.rSquared()).isLessThan(exact.rSquared());
    }

    @Test
    void aCurveThatNeverBendsIsReportedAsNotReachingItsKnee() {
        ScalabilityModel m = ScalabilityAnalysis.of(curve(RETROGRADE, new double[] {1, 2, 3, 4, 5}, 0, 1), null,
            BOOTSTRAP);
        assertThat(m.warns(ModelWarnings.KNEE_NOT_REACHED)).isTrue();
        assertThat(m.warns(ModelWarnings.EXTRAPOLATED)).isTrue();
        assertThat(m.warnings().get(0).message()).contains("never reach past the knee").contains("extrapolation");
    }

    @Test
    void scatterIsAPoorFit() {
        List<LoadPoint> scatter = List.of(new LoadPoint(1, 5), new LoadPoint(2, 1), new LoadPoint(4, 9),
            new LoadPoint(8, 2), new LoadPoint(16, 8), new LoadPoint(32, 1));
        ScalabilityModel m = ScalabilityAnalysis.of(scatter, null, BOOTSTRAP);
        assertThat(m.warns(ModelWarnings.POOR_FIT)).isTrue();
    }

    @Test
    void fewerThanThreeLoadsGiveNoModel() {
        CapacityResult r = result(List.of(step(4, 2, true), step(8, 4, true), step(8, 4.1, true)));
        assertThat(ScalabilityAnalysis.of(r, "sendMessage", BOOTSTRAP)).isEmpty();
    }

    @Test
    void theModelTravelsInCapacityJsonAndTheServiceTimeComesFromTheLowestLoad(@TempDir Path dir) throws Exception {
        List<CapacityResult.Step> steps = new ArrayList<>();
        for (double n : LOADS) {
            steps.add(step((int) n, RETROGRADE.throughputAt(n), n < 40));
        }
        CapacityResult r = result(steps);
        ScalabilityModel m = ScalabilityAnalysis.of(r, "sendMessage", BOOTSTRAP).orElseThrow();
        assertThat(m.serviceTimeMs()).isEqualTo(10.0);
        // Little's law at the peak: 21.9 actions/s x 10 ms = 0.22 actions in service at once
        assertThat(m.concurrencyAtPeak()).isCloseTo(RETROGRADE.peakThroughput() * 0.010, within(0.01));
        r.withModel(m).write(dir);
        CapacityResult back = CapacityResult.read(dir).orElseThrow();
        assertThat(back.model()).isEqualTo(m);
        assertThat(back.model().band()).hasSize(ScalabilityAnalysis.BAND_POINTS);
    }

    static CapacityResult.Step step(int users, double perSec, boolean pass) {
        return new CapacityResult.Step(users, Map.of("sendMessage", new CapacityResult.Latency(10.0 * users, 20.0 * users,
            30.0 * users)), null, perSec, 0, pass);
    }

    static CapacityResult result(List<CapacityResult.Step> steps) {
        return new CapacityResult("p", steps, List.of(), null, null);
    }
}
