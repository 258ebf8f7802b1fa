package io.rcbench.report;

import io.rcbench.run.CapacityResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The capacity curve: active users against latency at one percentile, one line per action and delivery, each
 * step a dot; the SLO limits at that percentile shaded as the breach zone above the tightest limit, the knee
 * and the ceiling as vertical markers. Stateless.
 */
public final class CapacityChart {
    static final String BREACH_FILL = "rgba(198,40,40,0.08)";

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
}
