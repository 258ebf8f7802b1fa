package io.rcbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Percentile distribution plots (HdrHistogram's "latency by percentile"): one chart per action with the
 * corrected latency as a solid line and the raw service time dashed, and one for delivery. The x axis is
 * spaced by 1/(1-p) up to 99.99%. Stateless.
 */
public final class PercentileCharts {
    /** Points per decade of 1/(1-p): fine enough for smooth curves, small enough for a light page. */
    private static final int STEPS_PER_DECADE = 40;

    private PercentileCharts() {
    }

    /** Charts for every action with samples in {@code histograms} (name → µs histogram), delivery last. */
    public static List<Chart> of(Map<String, Histogram> histograms, String window) {
        List<Chart> out = new ArrayList<>();
        histograms.keySet().stream().filter(n -> !MetricNames.isRaw(n)).sorted(MetricNames.ORDERING).forEach(name -> {
            List<Chart.Series> series = new ArrayList<>();
            series.add(series(name + (name.equals(MetricNames.DELIVERY) ? "" : " (corrected)"), histograms.get(name),
                Palette.of(name), false));
            Histogram raw = histograms.get(name + io.rcbench.metrics.LatencyRecorder.RAW);
            if (raw != null) {
                series.add(series(name + " (raw service time)", raw, Palette.of(name), true));
            }
            out.add(new Chart(name + " latency by percentile, " + window, Chart.Axis.percentile(),
                Chart.Axis.linear("ms", Chart.Format.NUMBER), series));
        });
        return out;
    }

    /** One series of (percentile in %, ms) points from 0 to 99.99%. */
    public static Chart.Series series(String name, Histogram h, String colour, boolean dashed) {
        int n = 4 * STEPS_PER_DECADE + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double units = (double) i / STEPS_PER_DECADE;
            double pct = Math.min(AxisScale.MAX_PERCENTILE, 100 * (1 - Math.pow(10, -units)));
            x[i] = pct;
            y[i] = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(pct) / 1000.0;
        }
        return new Chart.Series(name, x, y, colour, dashed, false);
    }
}
