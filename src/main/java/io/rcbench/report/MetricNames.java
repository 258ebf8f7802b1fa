package io.rcbench.report;

import io.rcbench.metrics.LatencyRecorder;
import java.util.Comparator;
import java.util.List;

/**
 * How the report orders and groups latency metric names: actions in the order a user meets them, as
 * {@link io.rcbench.profile.MetricNames#FIXED} lists them, sizes of {@code upload.<size>} together, {@code delivery}
 * last; a {@code .raw} twin right after its action. Stateless.
 */
public final class MetricNames {
    public static final String DELIVERY = io.rcbench.profile.MetricNames.DELIVERY;
    /** The profile's list of recorded metrics (one source), with the upload classes grouped before downloads. */
    private static final List<String> ORDER = order();

    private MetricNames() {
    }

    /** Orders names: known actions first in user order, others alphabetically, each raw twin after its action. */
    public static final Comparator<String> ORDERING = Comparator.comparingInt((String n) -> rank(base(n)))
        .thenComparing(MetricNames::base).thenComparing(MetricNames::isRaw);

    /** A receipt, not an action: a message's or a change's arrival at another member (no throughput of its own). */
    public static boolean isReceipt(String metric) {
        return metric.equals(DELIVERY) || metric.equals(io.rcbench.profile.MetricNames.CHANGE_DELIVERY);
    }

    public static boolean isRaw(String metric) {
        return metric.endsWith(LatencyRecorder.RAW);
    }

    /** The action of a raw twin; other names unchanged. */
    public static String base(String metric) {
        return isRaw(metric) ? metric.substring(0, metric.length() - LatencyRecorder.RAW.length()) : metric;
    }

    private static List<String> order() {
        List<String> out = new java.util.ArrayList<>(io.rcbench.profile.MetricNames.FIXED);
        out.add(out.indexOf(io.rcbench.profile.MetricNames.DOWNLOAD), "upload");
        return List.copyOf(out);
    }

    private static int rank(String base) {
        int i = ORDER.indexOf(base.startsWith("upload.") ? "upload" : base);
        return i < 0 ? ORDER.size() - 1 : i; // unknown names before delivery
    }
}
