package io.rcbench.run;

import java.util.Map;

/**
 * One scrape of the target's Prometheus endpoint ({@code server-metrics.jsonl}): selected series by their
 * exposition name with labels, e.g. {@code rocketchat_ddp_sessions_count} or
 * {@code rocketchat_meteor_methods_count{method="sendMessage"}}, with their value at {@code tMs} (ms since the run's
 * start).
 */
public record ServerSample(long tMs, Map<String, Double> values) {
}
