package io.rcbench.report;

import io.rcbench.run.CapacityResult;
import io.rcbench.run.ScalabilityModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The capacity curves: active users against latency at one percentile, one line per action and delivery, each
 * step a dot; the SLO limits at that percentile shaded as the breach zone above the tightest limit, the knee
 * and the ceiling as vertical markers. And active users against throughput: the measured steps as dots with the
 * fitted scalability model and its 95% band over them. Stateless.
 */
public final class CapacityChart {
    static final String BREACH_FILL = "rgba(198,40,40,0.08)";
    static final String MEASURED = "#37474f";
    static final String MODEL = "#1565c0";

    private CapacityChart() {
    }

    public static Chart of(CapacityResult result, int percentile) {
        List<CapacityResult.Step> steps = new ArrayList<>(result.steps());
        steps.sort(Comparator.comparingInt(CapacityResult.Step::activeUsers));
        TreeSet<String> names = new TreeSet<>(MetricNames.ORDERING);
        steps.forEach(s -> names.addAll(s.actions().keySet()));
        List<Chart.Series> series = new ArrayList<>();
        double[] x = steps.stream().mapToDouble(CapacityResult.Step::activeUsers).toArray();
        for (String name : names) {
            double[] y = new double[steps.size()];
            for (int i = 0; i < y.length; i++) {
                CapacityResult.Latency l = steps.get(i).actions().get(name);
                Double v = l == null ? null : l.at(percentile);
                y[i] = v == null ? Double.NaN : v;
            }
            series.add(new Chart.Series(name, x, y, Palette.of(name), false, true));
        }
        if (steps.stream().anyMatch(s -> s.delivery() != null)) {
            double[] y = new double[steps.size()];
            for (int i = 0; i < y.length; i++) {
                CapacityResult.Latency l = steps.get(i).delivery();
                Double v = l == null ? null : l.at(percentile);
                y[i] = v == null ? Double.NaN : v;
            }
            series.add(new Chart.Series(MetricNames.DELIVERY, x, y, Palette.of(MetricNames.DELIVERY), true, true));
        }
        List<Chart.Band> bands = new ArrayList<>();
        // every limit at this percentile is drawn, one line per value; only the tightest shades the breach zone
        java.util.TreeMap<Double, List<String>> limits = new java.util.TreeMap<>();
        result.slos().stream().filter(s -> s.percentile() == percentile)
            .forEach(s -> limits.computeIfAbsent(s.maxMs(), k -> new ArrayList<>()).add(s.metric()));
        limits.forEach((limit, metrics) -> bands.add(new Chart.Band(limit, 1e12, "SLO " + String.join(", ", metrics.stream()
            .sorted(MetricNames.ORDERING).toList()) + " p" + percentile + " ≤ " + Html.ms(limit) + " ms",
            bands.isEmpty() ? BREACH_FILL : "none")));
        List<Chart.Marker> markers = new ArrayList<>();
        if (result.kneeUsers() != null) {
            markers.add(new Chart.Marker(result.kneeUsers(), "knee " + result.kneeUsers(), "#ef6c00"));
        }
        if (result.ceilingUsers() != null) {
            markers.add(new Chart.Marker(result.ceilingUsers(), "ceiling " + result.ceilingUsers(), "#c62828"));
        }
        return new Chart("Capacity: p" + percentile + " latency by active users", Chart.Axis.linear("active users", Chart.Format.INTEGER),
            Chart.Axis.linear("ms", Chart.Format.NUMBER), series, List.of(), bands, markers);
    }

    /**
     * Throughput by active users: each step a dot (unjoined: confirmations repeat a level), the model's curve and
     * its band as dashed bounds, the knee, the ceiling, the model's climb and peak loads as markers. Without a model,
     * the measured dots alone.
     */
    public static Chart throughput(CapacityResult result) {
        List<CapacityResult.Step> steps = new ArrayList<>(result.steps());
        steps.sort(Comparator.comparingInt(CapacityResult.Step::activeUsers));
        ScalabilityModel m = result.model();
        // each dot followed by a NaN, so the path has no segments and only the dots show
        double[] x = new double[2 * steps.size()];
        double[] y = new double[2 * steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            x[2 * i] = steps.get(i).activeUsers();
            x[2 * i + 1] = steps.get(i).activeUsers();
            y[2 * i] = m == null ? steps.get(i).throughputPerSec() : m.measured(steps.get(i));
            y[2 * i + 1] = Double.NaN;
        }
        List<Chart.Series> series = new ArrayList<>();
        series.add(new Chart.Series("measured", x, y, MEASURED, false, true));
        List<Chart.Marker> markers = new ArrayList<>();
        if (result.kneeUsers() != null) {
            markers.add(new Chart.Marker(result.kneeUsers(), "knee " + result.kneeUsers(), "#ef6c00"));
        }
        if (result.ceilingUsers() != null) {
            markers.add(new Chart.Marker(result.ceilingUsers(), "ceiling " + result.ceilingUsers(), "#c62828"));
        }
        if (m != null && !m.band().isEmpty()) {
            double[] bx = m.band().stream().mapToDouble(ScalabilityModel.BandPoint::users).toArray();
            series.add(Chart.Series.line("model (USL)", bx,
                m.band().stream().mapToDouble(ScalabilityModel.BandPoint::fittedPerSec).toArray(), MODEL));
            series.add(new Chart.Series("95% band, low", bx,
                m.band().stream().mapToDouble(ScalabilityModel.BandPoint::lowPerSec).toArray(), MODEL, true, false));
            series.add(new Chart.Series("95% band, high", bx,
                m.band().stream().mapToDouble(ScalabilityModel.BandPoint::highPerSec).toArray(), MODEL, true, false));
            double reach = bx[bx.length - 1];
            Double climb = m.climbUsers().value();
            if (climb != null && climb <= reach) {
                markers.add(new Chart.Marker(climb, "model: latency climbs " + Math.round(climb), MODEL));
            }
            Double peak = m.peakUsers().value();
            if (peak != null && peak <= reach) {
                markers.add(new Chart.Marker(peak, "model: peak " + Math.round(peak), MODEL));
            }
        }
        return new Chart("Throughput by active users", Chart.Axis.linear("active users", Chart.Format.INTEGER),
            Chart.Axis.linear(m == null ? "actions/s" : m.unit(), Chart.Format.NUMBER), series, List.of(), List.of(), markers);
    }
}
