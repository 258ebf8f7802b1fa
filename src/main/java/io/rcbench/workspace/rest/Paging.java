package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import java.util.List;

/**
 * Rocket.Chat's list answers: {@code count}/{@code offset} from the query (API_Default_Count 50,
 * API_Upper_Count_Limit 100) and a body {@code {<key>: [...], count, offset, total}}.
 */
final class Paging {
    static final int DEFAULT_COUNT = 50;
    static final int UPPER_COUNT = 100;

    private Paging() {
    }

    /** The requested {@code count} (default 50, capped at 100). */
    static int count(RestRequest req) {
        return (int) Math.min(number(req.query("count"), "count", DEFAULT_COUNT), UPPER_COUNT);
    }

    static int offset(RestRequest req) {
        return (int) Math.min(number(req.query("offset"), "offset", 0), Integer.MAX_VALUE);
    }

    /** A page of {@code all} under {@code key}, with count, offset and total. */
    static ObjectNode page(String key, List<? extends JsonNode> all, RestRequest req) {
        int offset = offset(req);
        int count = count(req);
        ArrayNode items = Json.array();
        for (int i = offset; i < all.size() && items.size() < count; i++) {
            items.add(all.get(i));
        }
        ObjectNode body = Json.object();
        body.set(key, items);
        return body.put("count", items.size()).put("offset", offset).put("total", all.size());
    }

    /** A query number that must be a non-negative integer; absent gives {@code absent}; anything else is a 400. */
    static long number(String value, String name, long absent) {
        if (value == null) {
            return absent;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400
        }
        throw new MeteorError("error-invalid-params", "The parameter \"" + name + "\" must be a non-negative integer");
    }
}
