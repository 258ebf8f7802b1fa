package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.FullHttpRequest;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.User;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One REST request as a route sees it: method, decoded path and query, path parameters, the authenticated
 * user (null on anonymous routes) and the raw Netty request for bodies (multipart, JSON).
 * The request is valid only during the route call.
 */
public record RestRequest(String method, String path, Map<String, List<String>> query, Map<String, String> pathParams,
                          String clientAddress, User user, String authToken, FullHttpRequest raw) {

    public String param(String name) {
        return pathParams.get(name);
    }

    /** First value of a query parameter, or null. */
    public String query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String header(String name) {
        return raw.headers().get(name);
    }

    /** The body as JSON; an empty body is {}. Malformed JSON is a 400. */
    public JsonNode json() {
        String text = raw.content().toString(StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Json.object();
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MeteorError("error-invalid-body", "Invalid JSON body");
        }
    }

    /** A required string field of the JSON body, or a 400 naming it. */
    public String requireText(JsonNode body, String field) {
        String v = Json.text(body, field);
        if (v == null || v.isEmpty()) {
            throw new MeteorError("error-invalid-params", "Match error: Missing key '" + field + "'");
        }
        return v;
    }
}
