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
 * metric family, one line per label set (the {@value #MAX_LINES} largest), legends showing only the labels that
 * differ. Counters ({@code _total}, {@code _count}) are drawn as per-second rates, a counter reset as a gap.
 * Summaries (a family with {@code _count} and {@code _sum}, as Rocket.Chat's {@code rocketchat_meteor_methods})
 * are drawn as calls per second and mean duration in ms (Δsum/Δcount), and their quantile series as p99 in ms.
 * {@code *_bytes} are in MB, {@code process_cpu_seconds_total} in busy cores. Rocket.Chat's families come first.
 * Stateless.
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

    /** How one family is drawn. */
    private enum Kind { GAUGE, RATE, MEAN_MS, QUANTILE_MS }

    public static List<Chart> of(RunData run) {
        List<ServerSample> samples = run.server();
        Map<String, TreeSet<String>> families = new TreeMap<>();
        for (ServerSample s : samples) {
            if (s.values() != null) {
                s.values().keySet().forEach(k -> families.computeIfAbsent(family(k), f -> new TreeSet<>()).add(k));
            }
        }
        Set<String> summaries = new TreeSet<>();
        for (String f : families.keySet()) {
            if (f.endsWith("_sum") && families.containsKey(base(f) + "_count")) {
                summaries.add(base(f));
            }
        }
        List<String> order = new ArrayList<>(families.keySet());
        order.sort(Comparator.comparingInt((String f) -> {
            int i = FIRST.indexOf(base(f));
            return i < 0 ? FIRST.size() : i;
        }).thenComparing(f -> f));
        double[] x = new double[samples.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = samples.get(i).tMs() / 1000.0;
        }
        List<Chart> out = new ArrayList<>();
        for (String family : order) {
            if (out.size() == MAX_CHARTS) {
                break;
            }
            Kind kind = summaries.contains(family) ? Kind.QUANTILE_MS
                : family.endsWith("_sum") && summaries.contains(base(family)) ? Kind.MEAN_MS
                : isCounter(family) ? Kind.RATE : Kind.GAUGE;
            Map<String, double[]> lines = new LinkedHashMap<>();
            for (String key : families.get(family)) {
                if (kind == Kind.QUANTILE_MS && !key.contains("quantile=\"0.99\"")) {
                    continue;
                }
                double[] y = values(samples, key, family.endsWith("_bytes") ? 1.0 / (1024 * 1024) : kind == Kind.QUANTILE_MS ? 1000 : 1);
                if (kind == Kind.MEAN_MS) {
                    String countKey = base(family) + "_count" + key.substring(family.length());
                    y = meanMs(y, values(samples, countKey, 1));
                } else if (kind == Kind.RATE) {
                    y = rate(x, y);
                }
                lines.put(key, y);
            }
            if (lines.isEmpty()) {
                continue;
            }
            out.add(chart(run, family, kind, lines, x));
        }
        return out;
    }

    private static Chart chart(RunData run, String family, Kind kind, Map<String, double[]> lines, double[] x) {
        List<Map.Entry<String, double[]>> top = new ArrayList<>(lines.entrySet());
        top.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -max(e.getValue())).thenComparing(Map.Entry::getKey));
        top = top.subList(0, Math.min(MAX_LINES, top.size()));
        Map<String, String> labels = labels(top.stream().map(Map.Entry::getKey).toList());
        List<Chart.Series> series = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            series.add(Chart.Series.line(labels.get(top.get(i).getKey()), x, top.get(i).getValue(), Palette.nth(i)));
        }
        String more = lines.size() > MAX_LINES ? " (largest " + MAX_LINES + " of " + lines.size() + " series)" : "";
        String title = switch (kind) {
            case QUANTILE_MS -> family + " p99 (server's summary)";
            case MEAN_MS -> base(family) + " mean duration";
            case RATE -> family.startsWith("process_cpu_seconds") ? family + " (busy cores)" : family + " (rate)";
            case GAUGE -> family;
        };
        String unit = switch (kind) {
            case QUANTILE_MS, MEAN_MS -> "ms";
            case RATE -> family.startsWith("process_cpu_seconds") ? "cores busy" : "per second";
            case GAUGE -> family.endsWith("_bytes") ? "MB" : "value";
        };
        return new Chart(title + more, TimelineCharts.timeAxis(run), Chart.Axis.linear(unit, Chart.Format.NUMBER), series)
            .withXBands(TimelineCharts.holdBand(run.summary()));
    }

    private static double[] values(List<ServerSample> samples, String key, double scale) {
        double[] y = new double[samples.size()];
        for (int i = 0; i < y.length; i++) {
            Double v = samples.get(i).values() == null ? null : samples.get(i).values().get(key);
            y[i] = v == null ? Double.NaN : v * scale;
        }
        return y;
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

    /** A family without its counter or summary suffix. */
    private static String base(String f) {
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

    /** Mean duration in ms between scrapes: Δsum (seconds) / Δcount; a gap where nothing was counted. */
    static double[] meanMs(double[] sum, double[] count) {
        double[] m = new double[sum.length];
        for (int i = 1; i < sum.length; i++) {
            double dc = count[i] - count[i - 1];
            double ds = sum[i] - sum[i - 1];
            m[i] = dc > 0 && ds >= 0 ? 1000 * ds / dc : Double.NaN;
        }
        if (m.length > 0) {
            m[0] = Double.NaN;
        }
        return m;
    }

    /**
     * Legend text per series key: only the labels that differ between the chart's series
     * ({@code method="login"} rather than {@code {has_connection="true",has_user="true",method="login"}}).
     */
    static Map<String, String> labels(List<String> keys) {
        Map<String, Map<String, String>> parsed = new LinkedHashMap<>();
        for (String k : keys) {
            Map<String, String> l = new TreeMap<>();
            int brace = k.indexOf('{');
            if (brace >= 0 && k.endsWith("}")) {
                for (String pair : k.substring(brace + 1, k.length() - 1).split(",(?=[a-zA-Z_][a-zA-Z0-9_]*=)")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        l.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
            parsed.put(k, l);
        }
        Set<String> varying = new TreeSet<>();
        for (Map<String, String> l : parsed.values()) {
            for (Map.Entry<String, String> e : l.entrySet()) {
                for (Map<String, String> other : parsed.values()) {
                    if (!e.getValue().equals(other.get(e.getKey()))) {
                        varying.add(e.getKey());
                    }
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        parsed.forEach((k, l) -> {
            StringBuilder b = new StringBuilder();
            l.forEach((name, value) -> {
                if (varying.contains(name)) {
                    b.append(b.length() == 0 ? "" : ", ").append(name).append('=').append(value);
                }
            });
            out.put(k, b.length() == 0 ? family(k) : b.toString());
        });
        return out;
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
