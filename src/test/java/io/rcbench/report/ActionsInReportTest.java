package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.run.RunSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The actions besides sending have rows in the report's latency and per-action tables, in the order a user meets
 * them (after the bot's, before the receipts), and their fan-out ({@code changeDelivery}) is a receipt like
 * {@code delivery}: listed last, never counted as throughput.
 */
class ActionsInReportTest {
    private static Histogram h(long micros) {
        Histogram h = new Histogram(3);
        h.recordValue(micros);
        return h;
    }

    @Test
    void newActionsAreRowsInUserOrderAndChangeDeliveryIsAReceipt() {
        Map<String, Histogram> hist = new LinkedHashMap<>();
        for (String n : List.of("delivery", "changeDelivery", "unreadCounts", "react", "react.raw", "sendMessage",
            "setStatus", "close")) {
            hist.put(n, h(1000));
        }
        String table = LatencyTables.percentiles(hist);
        List<String> order = List.of(">sendMessage<", ">setStatus<", ">react<", ">unreadCounts<", ">close<",
            ">changeDelivery<", ">delivery<");
        for (int i = 1; i < order.size(); i++) {
            assertThat(table.indexOf(order.get(i - 1))).as(order.get(i - 1) + " before " + order.get(i))
                .isPositive().isLessThan(table.indexOf(order.get(i)));
        }
        String actions = LatencyTables.actions(Map.of("editMessage", new RunSummary.ActionCounts(5, 3, 1, 0, 2)));
        assertThat(actions).contains("<td>editMessage</td><td>5</td><td>3</td>");

        assertThat(MetricNames.isReceipt("changeDelivery")).isTrue();
        assertThat(MetricNames.isReceipt("delivery")).isTrue();
        assertThat(MetricNames.isReceipt("react")).isFalse();
    }
}
