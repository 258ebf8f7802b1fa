package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.capacity.model.ScalabilityAnalysis;
import io.rcbench.capacity.model.UslBootstrap;
import io.rcbench.run.CapacityResult;
import io.rcbench.run.ScalabilityModel;
import io.rcbench.run.ScalabilityModel.Usl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model in the capacity report: curve over the dots, sigma and kappa in words, the three figures side by side. */
class ScalabilitySectionTest {
    static final Usl TRUTH = new Usl(2, 0.1, 0.0005);

    static CapacityResult result(int... loads) {
        return result(TRUTH, loads);
    }

    static CapacityResult result(Usl truth, int... loads) {
        List<CapacityResult.Step> steps = new ArrayList<>();
        for (int n : loads) {
            steps.add(new CapacityResult.Step(n, Map.of("sendMessage", new CapacityResult.Latency(40.0, 80.0 + n, 90.0 + n)),
                null, truth.throughputAt(n), 0, n <= 24));
        }
        CapacityResult r = new CapacityResult("minimal-vps", steps, List.of(), 16, 24, 50,
            new CapacityResult.Envelope("minimal-vps", 1, 1024, null), null);
        return ScalabilityAnalysis.of(r, "sendMessage", new UslBootstrap(200, 3)).map(r::withModel).orElse(r);
    }

    @Test
    void statesSigmaAndKappaInWordsAndSetsDocumentedMeasuredAndPredictedSideBySide() {
        CapacityResult r = result(1, 4, 8, 16, 24, 32, 48, 64);
        String html = ScalabilitySection.html(r);
        assertThat(html).contains("about 10% of the work serialises", "every pair of active users adds 0.05%",
            "documented (profile)</td><td>50<", "measured ceiling (every SLO held)</td><td>24<",
            "measured knee (p95 doubles)</td><td>16<", "model: peak</td><td>42", "model: latency climbs from")
            .doesNotContain("Warning:");
        // Little's law: 14.1 actions/s at the peak x 40 ms = 0.56 in service
        assertThat(html).contains("puts about 0.6 actions in service at once");
    }

    @Test
    void throughputChartDrawsTheDotsUnjoinedAndTheModelWithItsBand() {
        CapacityResult r = result(1, 4, 8, 16, 24, 32, 48, 64);
        Chart c = CapacityChart.throughput(r);
        assertThat(c.series()).extracting(Chart.Series::name)
            .containsExactly("measured", "model (USL)", "95% band, low", "95% band, high");
        Chart.Series measured = c.series().get(0);
        assertThat(measured.y()[1]).isNaN();
        assertThat(measured.y()[0]).isEqualTo(TRUTH.throughputAt(1));
        assertThat(c.series().get(2).dashed()).isTrue();
        assertThat(c.markers()).extracting(Chart.Marker::label).contains("knee 16", "ceiling 24", "model: peak 42");
        ScalabilityModel m = r.model();
        for (ScalabilityModel.BandPoint p : m.band()) {
            assertThat(p.lowPerSec()).isLessThanOrEqualTo(p.fittedPerSec() + 1e-9);
            assertThat(p.highPerSec()).isGreaterThanOrEqualTo(p.fittedPerSec() - 1e-9);
        }
    }

    @Test
    void aCurveThatNeverBendsCarriesItsWarningIntoTheReport() {
        String html = ScalabilitySection.html(result(new Usl(2, 0.01, 0), 1, 2, 3, 4));
        assertThat(html).contains("<strong>Warning:</strong> the steps never reach past the knee", "an extrapolation");
    }

    @Test
    void withoutAModelTheSectionSaysSo() {
        String html = ScalabilitySection.html(result(1, 2));
        assertThat(html).contains("No model").doesNotContain("<svg");
    }

    @Test
    void theReportIsRebuiltFromTheFolderAlone(@TempDir Path reports) throws Exception {
        Path dir = RunFixture.write(reports);
        result(1, 4, 8, 16, 24, 32, 48, 64).write(dir);
        RunReportWriter.write(dir);
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("Scalability model", "Throughput by active users", "about 10% of the work serialises");
    }
}
