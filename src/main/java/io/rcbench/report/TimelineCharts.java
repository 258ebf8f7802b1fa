package io.rcbench.report;

import io.rcbench.run.RunSummary;
import io.rcbench.run.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The run over time, all on one axis (seconds since the run's start) with the hold window shaded: active and
 * connected users, actions per second, p50 and p99 latency per interval per action, errors per second by
 * reason, and the injector's CPU, GC pauses and event-loop lag. Stateless.
 */
public final class TimelineCharts {
    static final String HOLD_FILL = "rgba(46,125,50,0.08)";

    private TimelineCharts() {
    }

    /** The hold window as a band in seconds, or none. */
    public static List<Chart.Band> holdBand(RunSummary summary) {
        RunSummary.Phases p = summary.phases();
        if (p == null || p.holdEndMs() <= p.holdStartMs()) {
            return List.of();
        }
        return List.of(new Chart.Band(p.holdStartMs() / 1000.0, p.holdEndMs() / 1000.0, "hold window", HOLD_FILL));
    }

    public static Chart users(RunData run) {
        List<TimelinePoint> t = windows(run.timeline());
        double[] x = seconds(t);
        double[] active = new double[t.size()];
        double[] connected = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            active[i] = t.get(i).activeUsers();
            connected[i] = t.get(i).connectedUsers();
        }
        return chart("Users", "users", List.of(Chart.Series.line("active", x, active, "#1f77b4"),
            new Chart.Series("connected", x, connected, "#7f7f7f", true, false)), run);
    }

    public static Chart actionsPerSecond(RunData run) {
        List<TimelinePoint> t = windows(run.timeline());
        TreeSet<String> names = new TreeSet<>(MetricNames.ORDERING);
        t.forEach(p -> {
            if (p.actions() != null) {
                names.addAll(p.actions().keySet());
            }
        });
        double[] x = seconds(t);
        double[] secs = intervalSeconds(t);
        List<Chart.Series> series = new ArrayList<>();
        double[] total = new double[t.size()];
        for (String name : names) {
            double[] y = new double[t.size()];
            for (int i = 0; i < t.size(); i++) {
                Map<String, Long> a = t.get(i).actions();
                y[i] = (a == null ? 0 : a.getOrDefault(name, 0L)) / secs[i];
                total[i] += y[i];
            }
            series.add(Chart.Series.line(name, x, y, Palette.of(name)));
        }
        if (names.size() > 1) {
            series.add(0, new Chart.Series("all actions", x, total, "#222222", true, false));
        }
        return chart("Actions per second", "actions/s", series, run);
    }

    public static Chart errorsPerSecond(RunData run) {
        List<TimelinePoint> t = windows(run.timeline());
        TreeSet<String> reasons = new TreeSet<>();
        t.forEach(p -> {
            if (p.errors() != null) {
                reasons.addAll(p.errors().keySet());
            }
        });
        double[] x = seconds(t);
        double[] secs = intervalSeconds(t);
        List<Chart.Series> series = new ArrayList<>();
        for (String reason : reasons) {
            double[] y = new double[t.size()];
            for (int i = 0; i < t.size(); i++) {
                Map<String, Long> e = t.get(i).errors();
                y[i] = (e == null ? 0 : e.getOrDefault(reason, 0L)) / secs[i];
            }
            series.add(Chart.Series.line(reason, x, y, Palette.of("error:" + reason)));
        }
        if (series.isEmpty() && !t.isEmpty()) {
            series.add(Chart.Series.line("no errors", x, new double[t.size()], "#2e7d32")); // a flat zero says it plainly
        }
        return chart("Errors per second by reason", "errors/s", series, run);
    }

    /** Latency per interval at p50 or p99 (corrected), one line per action and delivery. */
    public static Chart latency(RunData run, int percentile) {
        List<Chart.Series> series = new ArrayList<>();
        run.latency().timelines().entrySet().stream().filter(e -> !MetricNames.isRaw(e.getKey()))
            .sorted(Map.Entry.comparingByKey(MetricNames.ORDERING)).forEach(e -> {
                LatencyDigest.Timeline tl = e.getValue();
                long window = Math.max(1, run.latency().windowMs());
                List<double[]> points = new ArrayList<>();
                for (int i = 0; i < tl.size(); i++) {
                    // a window without samples breaks the line: a rare action must not look continuous
                    if (i > 0 && tl.endMs(i) - tl.endMs(i - 1) > window * 3 / 2) {
                        points.add(new double[] {(tl.endMs(i - 1) + window) / 1000.0, Double.NaN});
                    }
                    points.add(new double[] {tl.endMs(i) / 1000.0, (percentile == 50 ? tl.p50Micros(i) : tl.p99Micros(i)) / 1000.0});
                }
                double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
                double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
                boolean sparse = tl.size() < points.size() * 0.9 || tl.size() < 30;
                series.add(new Chart.Series(e.getKey(), x, y, Palette.of(e.getKey()), false, sparse));
            });
        long window = run.latency().windowMs();
        String per = window > 0 ? " per " + span(window) : "";
        Chart c = chart("p" + percentile + " latency" + per + " (corrected, log scale)", "ms", series, run);
        return new Chart(c.title(), c.x(), Chart.Axis.log("ms"), c.series(), c.xBands(), c.yBands(), c.markers());
    }

    public static Chart injectorCpu(RunData run) {
        List<TimelinePoint> t = windows(run.timeline());
        double[] y = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            y[i] = t.get(i).cpuPercent();
        }
        Chart c = chart("Injector CPU" + maxPer(run, t), "% of all cores", List.of(Chart.Series.line("injector CPU", seconds(t), y, "#d62728")), run);
        return new Chart(c.title(), c.x(), new Chart.Axis("% of all cores", Chart.Scale.LINEAR, Chart.Format.NUMBER, 0.0, 100.0),
            c.series(), c.xBands(), c.yBands(), c.markers());
    }

    public static Chart injectorPauses(RunData run) {
        List<TimelinePoint> t = windows(run.timeline());
        double[] gc = new double[t.size()];
        double[] lag = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            gc[i] = t.get(i).gcPauseMs();
            lag[i] = t.get(i).loopLagMs();
        }
        double[] x = seconds(t);
        return chart("Injector GC pauses and event-loop lag" + maxPer(run, t), "ms", List.of(Chart.Series.line("longest GC pause", x, gc, "#9467bd"),
            Chart.Series.line("event-loop lag", x, lag, "#8c564b")), run);
    }

    private static Chart chart(String title, String yLabel, List<Chart.Series> series, RunData run) {
        return new Chart(title, timeAxis(run), Chart.Axis.linear(yLabel, Chart.Format.NUMBER), series)
            .withXBands(holdBand(run.summary()));
    }

    /** The run's time axis in seconds, from its start to its end, shared by every chart over time. */
    public static Chart.Axis timeAxis(RunData run) {
        double end = run.durationMs() / 1000.0;
        return new Chart.Axis("time since start", Chart.Scale.LINEAR, Chart.Format.CLOCK, 0.0, end > 0 ? end : null);
    }

    /** " (max per 10 s)" when {@code t} combines intervals, else nothing. */
    private static String maxPer(RunData run, List<TimelinePoint> t) {
        return t.size() < run.timeline().size() && t.size() > 1 ? " (max per " + span(t.get(1).tMs() - t.get(0).tMs()) + ")" : "";
    }

    /** "10 s", "2 min". */
    static String span(long ms) {
        return ms < 120_000 ? Math.round(ms / 1000.0) + " s" : Math.round(ms / 60_000.0) + " min";
    }

    /**
     * The timeline with at most about {@link LatencyDigest#MAX_TIMELINE_POINTS} points: consecutive intervals are
     * combined, counts added, users taken at the window's end and CPU, GC pause and lag as the window's maximum
     * (a saturated second must stay visible).
     */
    static List<TimelinePoint> windows(List<TimelinePoint> t) {
        int k = Math.max(1, (t.size() + LatencyDigest.MAX_TIMELINE_POINTS - 1) / LatencyDigest.MAX_TIMELINE_POINTS);
        if (k == 1) {
            return t;
        }
        List<TimelinePoint> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i += k) {
            List<TimelinePoint> w = t.subList(i, Math.min(t.size(), i + k));
            Map<String, Long> actions = new java.util.TreeMap<>();
            Map<String, Long> errors = new java.util.TreeMap<>();
            double cpu = 0;
            long gc = 0;
            long lag = 0;
            for (TimelinePoint p : w) {
                if (p.actions() != null) {
                    p.actions().forEach((a, n) -> actions.merge(a, n, Long::sum));
                }
                if (p.errors() != null) {
                    p.errors().forEach((a, n) -> errors.merge(a, n, Long::sum));
                }
                cpu = Math.max(cpu, p.cpuPercent());
                gc = Math.max(gc, p.gcPauseMs());
                lag = Math.max(lag, p.loopLagMs());
            }
            TimelinePoint last = w.get(w.size() - 1);
            out.add(new TimelinePoint(last.tMs(), last.activeUsers(), last.connectedUsers(), actions, errors, cpu, gc, lag));
        }
        return out;
    }

    static double[] seconds(List<TimelinePoint> t) {
        double[] x = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            x[i] = t.get(i).tMs() / 1000.0;
        }
        return x;
    }

    /** Length of each interval in seconds; the first one is measured from the run's start. */
    static double[] intervalSeconds(List<TimelinePoint> t) {
        double[] s = new double[t.size()];
        long prev = 0;
        for (int i = 0; i < t.size(); i++) {
            s[i] = Math.max(0.001, (t.get(i).tMs() - prev) / 1000.0);
            prev = t.get(i).tMs();
        }
        return s;
    }
}
