package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.ddp.DdpDispatcher;
import io.rcbench.workspace.ddp.MethodContext;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;

/**
 * {@code method.call/<method>} and {@code method.callAnon/<method>}: a DDP method over REST. The body's
 * {@code message} is the EJSON text of a DDP method frame; the answer's {@code message} is the text of the
 * result frame, with method errors inside it. Exempt from the REST limiter, run through the DDP limiter with
 * the auth token as connection id; a DDP rate-limit rejection answers 429.
 */
public final class MethodCallRoutes {
    private final DdpDispatcher dispatcher;

    public MethodCallRoutes(DdpDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public void register(RestRouter router) {
        router.add("POST", "/api/v1/method.call/:method", Access.AUTH, Limit.NONE, this::call);
        router.add("POST", "/api/v1/method.callAnon/:method", Access.PUBLIC, Limit.NONE, this::call);
    }

    private RestResponse call(RestRequest req) {
        String text = req.requireText(req.json(), "message");
        JsonNode frame;
        try {
            frame = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MeteorError("error-invalid-params", "Invalid method frame");
        }
        String id = frame.path("id").asText("");
        JsonNode params = frame.path("params").isArray() ? frame.get("params") : Json.array();
        ObjectNode result = Json.object().put("msg", "result").put("id", id);
        String connection = req.authToken() != null ? req.authToken() : req.clientAddress();
        try {
            JsonNode value = dispatcher.invoke(new MethodContext(req.user(), connection, req.clientAddress(), null),
                req.param("method"), (ArrayNode) params);
            if (value != null) {
                result.set("result", value);
            }
        } catch (MeteorError e) {
            if ("too-many-requests".equals(e.code())) {
                return RestResponse.failure(429, e.getMessage(), e.code());
            }
            result.set("error", e.toJson());
        }
        return RestResponse.json(200, Json.object().put("message", Json.write(result)).put("success", true));
    }
}
