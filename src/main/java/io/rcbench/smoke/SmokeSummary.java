package io.rcbench.smoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** What a smoke load measured: whole-run histograms per metric (µs) and counts. */
public record SmokeSummary(Map<String, Histogram> histograms, long sent, long expectedDeliveries, long delivered,
                           long lateSends, Map<String, Long> errors) {

    /** Deliveries that never arrived after the drain. */
    public long lostDeliveries() {
        return Math.max(0, expectedDeliveries - delivered);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object().put("sent", sent).put("expectedDeliveries", expectedDeliveries).put("delivered", delivered)
            .put("lostDeliveries", lostDeliveries()).put("lateSends", lateSends);
        ObjectNode errs = o.putObject("errors");
        errors.forEach(errs::put);
        ObjectNode metrics = o.putObject("latencyMicros");
        histograms.forEach((name, h) -> {
            ObjectNode m = metrics.putObject(name).put("count", h.getTotalCount());
            if (h.getTotalCount() > 0) {
                m.put("p50", h.getValueAtPercentile(50)).put("p90", h.getValueAtPercentile(90))
                    .put("p99", h.getValueAtPercentile(99)).put("p999", h.getValueAtPercentile(99.9)).put("max", h.getMaxValue());
            }
        });
        return o;
    }
}
