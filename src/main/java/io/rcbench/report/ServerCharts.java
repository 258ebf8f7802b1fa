package io.rcbench.report;

import io.rcbench.run.ServerSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Charts of the target's Prometheus series ({@code server-metrics.jsonl}) on the run's time axis: one chart per
 * metric family, one line per label set (the {@value #MAX_LINES} largest). Counters ({@code _total}, and the
 * {@code _count}/{@code _sum} of summaries) are drawn as per-second rates, a counter reset as a gap;
 * {@code *_bytes} in MB; {@code process_cpu_seconds_total} as busy cores. Rocket.Chat's own families come
 * first. Stateless.
 */
public final class ServerCharts {
    static final int MAX_LINES = 8;
    static final int MAX_CHARTS = 12;
    private static final List<String> FIRST = List.of("rocketchat_ddp_sessions_count", "rocketchat_ddp_sessions_auth",
        "rocketchat_ddp_connected_users", "rocketchat_message_sent", "rocketchat_meteor_methods",
        "rocketchat_meteor_subscriptions", "rocketchat_rest_api", "rocketchat_ddp_rate_limit_exceeded",
        "process_cpu_seconds", "process_resident_memory_bytes");
    /** Gauges whose names end like counters (Rocket.Chat's naming). */
    private static final Set<String> GAUGES = Set.of("rocketchat_ddp_sessions_count");

    private ServerCharts() {
    }

    public static List<Chart> of(RunData run) {
        List<ServerSample> samples = run.server();
        Map<String, TreeSet<String>> families = new TreeMap<>();
        for (ServerSample s : samples) {
            if (s.values() != null) {
                s.values().keySet().forEach(k -> families.computeIfAbsent(family(k), f -> new TreeSet<>()).add(k));
            }
        }
        List<String> order = new ArrayList<>(families.keySet());
        order.sort(Comparator.comparingInt((String f) -> {
            int i = FIRST.indexOf(stripCounterSuffix(f));
            return i < 0 ? FIRST.size() : i;
        }).thenComparing(f -> f));
        List<Chart> out = new ArrayList<>();
        double[] x = new double[samples.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = samples.get(i).tMs() / 1000.0;
        }
        for (String family : order) {
            if (out.size() == MAX_CHARTS) {
                break;
            }
            boolean counter = isCounter(family);
            double scale = family.endsWith("_bytes") ? 1.0 / (1024 * 1024) : 1;
            Map<String, double[]> lines = new LinkedHashMap<>();
            for (String key : families.get(family)) {
                double[] y = new double[samples.size()];
                for (int i = 0; i < y.length; i++) {
                    Double v = samples.get(i).values() == null ? null : samples.get(i).values().get(key);
                    y[i] = v == null ? Double.NaN : v * scale;
                }
                lines.put(key, counter ? rate(x, y) : y);
            }
            List<Map.Entry<String, double[]>> top = new ArrayList<>(lines.entrySet());
            top.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -max(e.getValue())).thenComparing(Map.Entry::getKey));
            List<Chart.Series> series = new ArrayList<>();
            for (int i = 0; i < Math.min(MAX_LINES, top.size()); i++) {
                String key = top.get(i).getKey();
                series.add(Chart.Series.line(label(key), x, top.get(i).getValue(), Palette.nth(i)));
            }
            String more = top.size() > MAX_LINES ? " (largest " + MAX_LINES + " of " + top.size() + " series)" : "";
            String unit = family.startsWith("process_cpu_seconds") ? "cores busy"
                : counter ? "per second" : family.endsWith("_bytes") ? "MB" : "value";
            out.add(new Chart(family + (counter ? " (rate)" : "") + more, TimelineCharts.timeAxis(run),
                Chart.Axis.linear(unit, Chart.Format.NUMBER), series).withXBands(TimelineCharts.holdBand(run.summary())));
        }
        return out;
    }

    /** The family of a series key: the name before its labels. */
    static String family(String key) {
        int brace = key.indexOf('{');
        return brace < 0 ? key : key.substring(0, brace);
    }

    static boolean isCounter(String family) {
        if (GAUGES.contains(family)) {
            return false;
        }
        return family.endsWith("_total") || family.endsWith("_count") || family.endsWith("_sum")
            || family.equals("rocketchat_message_sent") || family.equals("rocketchat_ddp_rate_limit_exceeded");
    }

    private static String stripCounterSuffix(String f) {
        for (String s : new String[] {"_total", "_count", "_sum"}) {
            if (f.endsWith(s) && !GAUGES.contains(f)) {
                return f.substring(0, f.length() - s.length());
            }
        }
        return f;
    }

    /** Per-second increase; the first point and a decrease (counter reset) are gaps. */
    static double[] rate(double[] x, double[] y) {
        double[] r = new double[y.length];
        r[0] = Double.NaN;
        for (int i = 1; i < y.length; i++) {
            double dt = x[i] - x[i - 1];
            double dv = y[i] - y[i - 1];
            r[i] = dt > 0 && dv >= 0 ? dv / dt : Double.NaN;
        }
        if (r.length > 0) {
            r[0] = Double.NaN;
        }
        return r;
    }

    private static String label(String key) {
        int brace = key.indexOf('{');
        return brace < 0 ? key : key.substring(brace);
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                m = Math.max(m, d);
            }
        }
        return m;
    }
}
