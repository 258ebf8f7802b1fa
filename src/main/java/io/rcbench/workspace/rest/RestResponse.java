package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a route answers: a status with a JSON body, or a file to stream. Success bodies get
 * {@code "success":true} and EJSON dates become ISO strings, as Rocket.Chat's REST API writes them.
 */
public record RestResponse(int status, JsonNode json, Path file, String contentType, Map<String, String> headers) {

    /** 200 with the fields of {@code body} plus {@code success:true}; dates converted to ISO strings. */
    public static RestResponse ok(ObjectNode body) {
        ObjectNode b = (ObjectNode) Ejson.toRest(body);
        b.put("success", true);
        return new RestResponse(200, b, null, null, Map.of());
    }

    public static RestResponse ok() {
        return ok(Json.object());
    }

    /** A JSON answer exactly as given. */
    public static RestResponse json(int status, JsonNode body) {
        return new RestResponse(status, body, null, null, Map.of());
    }

    /** Rocket.Chat's failure body: {@code {"success":false,"error":..,"errorType"?:..}}. */
    public static RestResponse failure(int status, String error, String errorType) {
        ObjectNode b = Json.object().put("success", false).put("error", error);
        if (errorType != null) {
            b.put("errorType", errorType);
        }
        return json(status, b);
    }

    public static RestResponse file(Path file, String contentType) {
        return new RestResponse(200, null, file, contentType, Map.of());
    }

    public RestResponse withHeaders(Map<String, String> extra) {
        var h = new java.util.LinkedHashMap<>(headers);
        h.putAll(extra);
        return new RestResponse(status, json, file, contentType, h);
    }
}
