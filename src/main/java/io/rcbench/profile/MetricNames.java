package io.rcbench.profile;

import java.util.List;

/**
 * The latency metrics a run records (microseconds, HdrHistogram) and SLOs may name. Each has a {@code .raw} twin
 * with the uncorrected service time; SLOs always use the corrected one. Uploads are recorded per size class as
 * {@code upload.<sizeClass>}.
 */
public final class MetricNames {
    /** Every metric but the per-class uploads. */
    public static final List<String> FIXED = List.of("connect", "login", "subscribe", "sendMessage", "typing",
        "loadHistory", "joinRoom", "read", "download", "webhook", "botReply", "delivery");
    /** Prefix of the per-size-class upload metrics. */
    public static final String UPLOAD_PREFIX = "upload.";
    /** Suffix of the raw (service time) twins. */
    public static final String RAW_SUFFIX = ".raw";

    private MetricNames() {
    }
}
