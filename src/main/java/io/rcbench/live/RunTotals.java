package io.rcbench.live;

import io.rcbench.run.RunMetrics;
import io.rcbench.run.RunSummary;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of the runs this JVM made since the exporter started: the finished runs' totals carried, plus the
 * current run's read live. A capacity search makes one run per step; carrying keeps the exported counters monotonic
 * across steps, as Prometheus counters must be. With one run they are exactly its {@code summary.json} counts.
 * Thread-safe.
 */
final class RunTotals {
    private final Map<String, RunSummary.ActionCounts> carriedActions = new TreeMap<>();
    private final Map<String, Long> carriedErrors = new TreeMap<>();
    private RunSummary.Deliveries carriedDeliveries = new RunSummary.Deliveries(0, 0, 0);
    private RunMetrics current;

    /** A new run: the previous one's final counts are carried; returns the previous run (null for the first). */
    synchronized RunMetrics next(RunMetrics metrics) {
        RunMetrics previous = current;
        if (current != null) {
            current.counters().totals().forEach((k, v) -> carriedActions.merge(k, v, RunSummary.ActionCounts::plus));
            current.counters().errors().forEach((k, v) -> carriedErrors.merge(k, v, Long::sum));
            carriedDeliveries = carriedDeliveries.plus(current.deliveries().totals());
        }
        current = metrics;
        return previous;
    }

    synchronized RunMetrics current() {
        return current;
    }

    synchronized Map<String, RunSummary.ActionCounts> actions() {
        Map<String, RunSummary.ActionCounts> out = new TreeMap<>(carriedActions);
        if (current != null) {
            current.counters().totals().forEach((k, v) -> out.merge(k, v, RunSummary.ActionCounts::plus));
        }
        return out;
    }

    synchronized Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>(carriedErrors);
        if (current != null) {
            current.counters().errors().forEach((k, v) -> out.merge(k, v, Long::sum));
        }
        return out;
    }

    synchronized RunSummary.Deliveries deliveries() {
        return current == null ? carriedDeliveries : carriedDeliveries.plus(current.deliveries().totals());
    }
}
