package io.rcbench.report;

import io.rcbench.metrics.LatencyRecorder;
import java.util.Comparator;
import java.util.List;

/**
 * How the report orders and groups latency metric names: actions in the order a user meets them (connect,
 * login, subscribe, then messaging), sizes of {@code upload.<size>} together, {@code delivery} last; a
 * {@code .raw} twin right after its action. Stateless.
 */
public final class MetricNames {
    public static final String DELIVERY = "delivery";
    private static final List<String> ORDER = List.of("connect", "login", "subscribe", "joinRoom", "sendMessage",
        "typing", "loadHistory", "read", "upload", "download", "webhook", "botReply", DELIVERY);

    private MetricNames() {
    }

    /** Orders names: known actions first in user order, others alphabetically, each raw twin after its action. */
    public static final Comparator<String> ORDERING = Comparator.comparingInt((String n) -> rank(base(n)))
        .thenComparing(MetricNames::base).thenComparing(MetricNames::isRaw);

    public static boolean isRaw(String metric) {
        return metric.endsWith(LatencyRecorder.RAW);
    }

    /** The action of a raw twin; other names unchanged. */
    public static String base(String metric) {
        return isRaw(metric) ? metric.substring(0, metric.length() - LatencyRecorder.RAW.length()) : metric;
    }

    private static int rank(String base) {
        int i = ORDER.indexOf(base.startsWith("upload.") ? "upload" : base);
        return i < 0 ? ORDER.size() - 1 : i; // unknown names before delivery
    }
}
