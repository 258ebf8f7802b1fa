package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.settings.Settings;

/** {@code GET/POST /api/v1/settings/<id>} for admins: how a harness reads and switches limits (protocol 7.3). */
public final class SettingsRoutes {
    private final Permissions permissions;
    private final Settings settings;

    public SettingsRoutes(Settings settings, Permissions permissions) {
        this.permissions = permissions;
        this.settings = settings;
    }

    public void register(RestRouter router) {
        router.add("GET", "/api/v1/settings/:id", Access.AUTH, Limit.DEFAULT, req -> {
            if (!permissions.has(req.user(), "view-privileged-setting")) {
                throw new MeteorError(403, "unauthorized");
            }
            String id = req.param("id");
            JsonNode value = settings.get(id).orElseThrow(() -> new MeteorError("error-setting-not-found", "Setting not found"));
            return RestResponse.ok(Json.object().put("_id", id).set("value", value));
        });
        router.add("POST", "/api/v1/settings/:id", Access.AUTH, Limit.DEFAULT, req -> {
            if (!permissions.has(req.user(), "edit-privileged-setting")) {
                throw new MeteorError(403, "unauthorized");
            }
            JsonNode value = req.json().get("value");
            if (value == null) {
                throw new MeteorError("error-invalid-params", "Match error: Missing key 'value'");
            }
            try {
                settings.set(req.param("id"), value);
            } catch (IllegalArgumentException e) {
                throw new MeteorError("error-invalid-setting", e.getMessage());
            }
            return RestResponse.ok();
        });
    }
}
