package io.rcbench.workspace.rest;

import io.rcbench.workspace.info.WorkspaceInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code GET /api/info}, which says truthfully what this server is, and SockJS's {@code GET /sockjs/info}.
 * {@code version} is the Rocket.Chat protocol line spoken, the field clients check for compatibility;
 * {@code product} and {@code rcbench} name the stand-in, and reports read those.
 */
public final class InfoRoutes {
    private InfoRoutes() {
    }

    public static void register(RestRouter router) {
        router.add("GET", "/api/info", Access.PUBLIC, Limit.NONE, req -> {
            ObjectNode body = Json.object().put("version", WorkspaceInfo.PROTOCOL_VERSION).put("product", WorkspaceInfo.PRODUCT);
            body.set("rcbench", Json.object().put("product", WorkspaceInfo.PRODUCT).put("version", WorkspaceInfo.version())
                .put("protocol", WorkspaceInfo.PROTOCOL_LINE)
                .put("note", "a Rocket.Chat-compatible protocol stand-in, not Rocket.Chat"));
            body.set("minimumClientVersions", Json.object().put("desktop", "3.9.6").put("mobile", "4.39.0"));
            return RestResponse.ok(body);
        });
        router.add("GET", "/sockjs/info", Access.PUBLIC, Limit.NONE, req -> RestResponse.json(200,
            Json.object().put("websocket", true).put("cookie_needed", false)
                .put("entropy", ThreadLocalRandom.current().nextInt() & Integer.MAX_VALUE)
                .set("origins", Json.array().add("*:*"))));
    }
}
