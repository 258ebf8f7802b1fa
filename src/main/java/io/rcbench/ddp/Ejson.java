package io.rcbench.ddp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * EJSON as Rocket.Chat traffic uses it: only dates matter, written {@code {"$date": epochMs}} on DDP
 * and as ISO-8601 strings on REST (protocol section 1.6).
 */
public final class Ejson {
    private Ejson() {
    }

    public static ObjectNode date(long epochMs) {
        return Json.object().put("$date", epochMs);
    }

    /** True when the node is an EJSON date object. */
    public static boolean isDate(JsonNode node) {
        return node != null && node.isObject() && node.size() == 1 && node.has("$date") && node.get("$date").isNumber();
    }

    /** The instant of an EJSON date or ISO string, or null when the node is neither. */
    public static Instant instant(JsonNode node) {
        long ms = dateMs(node, Long.MIN_VALUE);
        return ms == Long.MIN_VALUE ? null : Instant.ofEpochMilli(ms);
    }

    /** Epoch ms of an EJSON date or ISO string, or {@code fallback} when the node is neither. */
    public static long dateMs(JsonNode node, long fallback) {
        if (isDate(node)) {
            return node.get("$date").asLong();
        }
        if (node != null && node.isTextual()) {
            try {
                return Instant.parse(node.asText()).toEpochMilli();
            } catch (RuntimeException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /**
     * A deep copy with every EJSON date replaced by its ISO-8601 string, as REST responses carry them.
     */
    public static JsonNode toRest(JsonNode node) {
        if (isDate(node)) {
            return Json.MAPPER.getNodeFactory().textNode(Instant.ofEpochMilli(node.get("$date").asLong()).toString());
        }
        if (node.isObject()) {
            ObjectNode copy = Json.object();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                copy.set(e.getKey(), toRest(e.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = Json.array();
            node.forEach(item -> copy.add(toRest(item)));
            return copy;
        }
        return node;
    }
}
