package io.rcbench.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes {@code summary.json} and a plain, self-contained {@code index.html} for a smoke run. The capacity
 * report of a later issue replaces the HTML; the JSON keeps the target and injector facts with the numbers.
 */
public final class SmokeReport {
    private SmokeReport() {
    }

    public static void write(Path runDir, ObjectNode header, SmokeSummary summary) throws IOException {
        ObjectNode doc = header.deepCopy();
        doc.set("results", summary.toJson());
        Files.writeString(runDir.resolve("summary.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        StringBuilder h = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>rcbench smoke run</title>"
            + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
            + "padding:4px 8px;text-align:right}</style></head><body><h1>rcbench smoke run</h1>");
        h.append("<p>Target: ").append(esc(header.path("target").path("product").asText())).append(' ')
            .append(esc(header.path("target").path("version").asText())).append(" at ")
            .append(esc(header.path("target").path("url").asText())).append(", envelope ")
            .append(esc(header.path("target").path("envelope").toString())).append("</p>");
        h.append("<p>Sent ").append(summary.sent()).append(", deliveries ").append(summary.delivered()).append('/')
            .append(summary.expectedDeliveries()).append(", lost ").append(summary.lostDeliveries()).append(", errors ")
            .append(esc(summary.errors().toString())).append("</p>");
        h.append("<table><tr><th>metric (ms)</th><th>count</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr>");
        JsonNode metrics = summary.toJson().get("latencyMicros");
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            h.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(e.getValue().path("count").asLong()).append("</td>");
            for (String p : new String[] {"p50", "p90", "p99", "p999", "max"}) {
                h.append("<td>").append(String.format("%.2f", e.getValue().path(p).asLong() / 1000.0)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table><p>Histograms: smoke.hlog (HdrHistogram interval log, µs). sendMessage is corrected for coordinated "
            + "omission (from the intended send time); sendMessage.raw is service time.</p></body></html>");
        Files.writeString(runDir.resolve("index.html"), h.toString());
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
