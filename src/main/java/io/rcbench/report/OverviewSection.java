package io.rcbench.report;

import io.rcbench.run.RunSummary;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Key figures at a glance, the target and the injector's health. */
final class OverviewSection {
    private OverviewSection() {
    }

    static String keyFigures(RunData run) {
        RunSummary s = run.summary();
        StringBuilder b = new StringBuilder("<section id=\"figures\"><h2>Key figures</h2><div class=\"tiles\">");
        int peak = run.timeline().stream().mapToInt(t -> t.activeUsers()).max()
            .orElse(s.phases() == null ? 0 : s.phases().activeUsers());
        tile(b, "peak active users", Html.count(peak));
        tile(b, run.hasHold() ? "actions/s (hold)" : "actions/s", Html.num(throughput(run), 1));
        long attempted = 0;
        long failed = 0;
        if (s.actions() != null) {
            for (RunSummary.ActionCounts a : s.actions().values()) {
                attempted += a.attempted();
                failed += a.failed();
            }
        }
        tile(b, "actions attempted", Html.count(attempted));
        tile(b, "error rate", Html.num(attempted == 0 ? 0 : 100.0 * failed / attempted, 2) + " %");
        Histogram send = window(run).get("sendMessage");
        if (send != null) {
            tile(b, "sendMessage p99", Html.ms(send.getValueAtPercentile(99) / 1000.0) + " ms");
        }
        Histogram delivery = window(run).get(MetricNames.DELIVERY);
        if (delivery != null) {
            tile(b, "delivery p99", Html.ms(delivery.getValueAtPercentile(99) / 1000.0) + " ms");
        }
        if (s.deliveries() != null) {
            RunSummary.Deliveries d = s.deliveries();
            tile(b, "delivered of " + Html.count(d.expected()), d.expected() == 0 ? "–"
                : Html.num(100.0 * d.received() / d.expected(), d.received() == d.expected() ? 0 : 2) + " %");
            tile(b, "deliveries lost", Html.count(s.deliveries().lost()));
        }
        tile(b, "duration", Html.clock(run.durationMs()));
        return b.append("</div></section>").toString();
    }

    /** Completed actions (corrected action metrics, not deliveries) per second over the table's window. */
    static double throughput(RunData run) {
        long n = 0;
        for (Map.Entry<String, Histogram> e : window(run).entrySet()) {
            if (!MetricNames.isRaw(e.getKey()) && !MetricNames.isReceipt(e.getKey())) {
                n += e.getValue().getTotalCount();
            }
        }
        return run.windowMs() <= 0 ? 0 : n / (run.windowMs() / 1000.0);
    }

    /** The histograms the tables use: the hold window when there is one, else the whole run. */
    static Map<String, Histogram> window(RunData run) {
        return run.hasHold() ? run.latency().hold() : run.latency().total();
    }

    static String targetAndInjector(RunData run) {
        RunSummary s = run.summary();
        StringBuilder b = new StringBuilder("<section id=\"target\"><div class=\"cols\"><div><h2>Target</h2><table class=\"kv\">");
        RunSummary.TargetInfo t = s.target();
        if (t != null) {
            kv(b, "kind", Html.esc(t.kind()));
            kv(b, "product", Html.esc(t.product()));
            kv(b, "version", Html.esc(t.version()));
            kv(b, "URL", Html.esc(Html.displayUrl(t.url())));
            kv(b, "envelope", Html.esc((t.cores() == null ? "? cores" : t.cores() + " core(s)") + ", "
                + (t.memoryMb() == null ? "? MB" : Html.count(t.memoryMb()) + " MB") + ", "
                + (t.instances() == null ? "1" : t.instances()) + " instance(s)"));
        } else {
            kv(b, "target", "not recorded");
        }
        if (!run.targetCheck().isEmpty()) {
            // observed, not assumed: each line is one dimension of the envelope against the profile
            kv(b, "envelope check", String.join("<br>", run.targetCheck().stream().map(Html::esc).toList()));
        }
        RunSummary.Phases p = s.phases();
        if (p != null) {
            kv(b, "users", Html.count(p.activeUsers()) + " active, " + Html.count(p.connectedUsers()) + " connected, "
                + Html.count(p.totalUsers()) + " provisioned");
            kv(b, "hold window", run.hasHold() ? Html.clock(p.holdStartMs()) + " – " + Html.clock(p.holdEndMs())
                + " (" + Html.clock(p.holdEndMs() - p.holdStartMs()) + ")" : "none recorded: tables cover the whole run");
        }
        b.append("</table></div><div><h2>Injector health</h2><table class=\"kv\">");
        RunSummary.InjectorSummary i = s.injector();
        HealthBudget budget = HealthBudget.of(run);
        Hold hold = Hold.of(run);
        if (hold != null) {
            // what the verdict judges, marked by the same limits
            warnKv(b, "CPU mean in the hold", Html.num(hold.cpuMeanPercent(), 1) + " %" + (i == null ? ""
                : " of " + i.cores() + " cores"), hold.cpuMeanPercent() > budget.maxCpuPercent());
            warnKv(b, "GC pause max in the hold", Html.count(hold.gcMaxMs()) + " ms", hold.gcMaxMs() > budget.maxGcPauseMs());
            warnKv(b, "event-loop lag max in the hold", Html.count(hold.lagMaxMs()) + " ms",
                hold.lagMaxMs() > budget.maxEventLoopLagMs());
        }
        if (i != null) {
            kv(b, "CPU max / mean (run)", Html.esc(Html.num(i.cpuMaxPercent(), 1) + " % / " + Html.num(i.cpuMeanPercent(), 1)
                + " % of " + i.cores() + " cores"));
            kv(b, "GC pause max / total (run)", Html.esc(Html.count(i.gcMaxPauseMs()) + " ms / "
                + Html.count(i.gcTotalPauseMs()) + " ms"));
            kv(b, "event-loop lag max (run)", Html.esc(Html.count(i.loopLagMaxMs()) + " ms"));
            kv(b, "heap max", Html.count(i.heapMaxMb()) + " MB");
        } else {
            kv(b, "injector", "not recorded");
        }
        kv(b, "shards", Integer.toString(Math.max(1, s.shards())));
        b.append("</table><p class=\"note\">A busy injector delays requests and understates the target's latency; ")
            .append("the hold's figures are marked red above ")
            .append(budget.source() == null ? "rcbench's default injector budget" : Html.esc(budget.source()) + "'s injector budget")
            .append(", as the verdict judges them: ").append(Html.num(budget.maxCpuPercent(), 0)).append(" % mean CPU, ")
            .append(budget.maxGcPauseMs()).append(" ms GC pause, ").append(budget.maxEventLoopLagMs())
            .append(" ms event-loop lag.</p></div></div></section>");
        return b.toString();
    }

    /** The injector's health over the hold window from the timeline: points closing the hold's intervals. */
    private record Hold(double cpuMeanPercent, long gcMaxMs, long lagMaxMs) {
        static Hold of(RunData run) {
            if (!run.hasHold()) {
                return null;
            }
            long from = run.summary().phases().holdStartMs();
            long to = run.summary().phases().holdEndMs();
            var points = run.timeline().stream().filter(p -> p.tMs() > from && p.tMs() <= to).toList();
            if (points.isEmpty()) {
                return null;
            }
            return new Hold(points.stream().mapToDouble(p -> p.cpuPercent()).average().orElse(0),
                points.stream().mapToLong(p -> p.gcPauseMs()).max().orElse(0),
                points.stream().mapToLong(p -> p.loopLagMs()).max().orElse(0));
        }
    }

    private static void tile(StringBuilder b, String key, String value) {
        b.append("<div class=\"tile\"><div class=\"v\">").append(value).append("</div><div class=\"k\">").append(Html.esc(key))
            .append("</div></div>");
    }

    private static void kv(StringBuilder b, String key, String escapedValue) {
        b.append("<tr><td>").append(Html.esc(key)).append("</td><td>").append(escapedValue).append("</td></tr>");
    }

    private static void warnKv(StringBuilder b, String key, String value, boolean warn) {
        b.append("<tr><td>").append(Html.esc(key)).append("</td><td").append(warn ? " class=\"warn\"" : "").append(">")
            .append(Html.esc(value)).append(warn ? " ⚠" : "").append("</td></tr>");
    }
}
