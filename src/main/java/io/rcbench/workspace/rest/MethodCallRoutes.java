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
 * {@code message} is the EJSON text of a DDP method frame, whose {@code method} is the one run (as on Rocket.Chat;
 * the URL segment is informative); the answer's {@code message} is the text of the result frame, with method
 * errors inside it. Exempt from the REST limiter, run through the DDP limiter with
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
        // As Rocket.Chat's isMethodCallProps: the frame names the method; the URL segment is informative only.
        if (!frame.isObject() || !"method".equals(frame.path("msg").asText()) || !frame.path("method").isTextual()
            || !frame.path("params").isArray() || !frame.path("id").isTextual()) {
            throw new MeteorError("error-invalid-params", "Invalid method call");
        }
        String id = frame.get("id").asText();
        String method = frame.get("method").asText();
        ArrayNode params = (ArrayNode) frame.get("params");
        ObjectNode result = Json.object().put("msg", "result").put("id", id);
        String connection = req.authToken() != null ? req.authToken() : req.clientAddress();
        try {
            JsonNode value = dispatcher.invoke(new MethodContext(req.user(), connection, req.clientAddress(), null),
                method, params);
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
