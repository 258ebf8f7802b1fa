package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;
import io.rcbench.workspace.service.Accounts;
import io.rcbench.workspace.service.Documents;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.settings.Settings;
import java.util.HashSet;
import java.util.Set;

/** {@code users.create} (needs create-user) and {@code users.register} (public registration form). */
public final class UserRoutes {
    private final Permissions permissions;
    private final Accounts accounts;
    private final Settings settings;

    public UserRoutes(Accounts accounts, Settings settings, Permissions permissions) {
        this.permissions = permissions;
        this.accounts = accounts;
        this.settings = settings;
    }

    public void register(RestRouter router) {
        router.add("POST", "/api/v1/users.create", Access.AUTH, Limit.DEFAULT, req -> {
            if (!permissions.has(req.user(), "create-user")) {
                throw new MeteorError(403, "unauthorized");
            }
            JsonNode b = req.json();
            Set<String> roles = new HashSet<>();
            b.path("roles").forEach(r -> roles.add(r.asText()));
            if (roles.isEmpty()) {
                roles.add("user");
            }
            User u = accounts.create(req.requireText(b, "username"), Json.text(b, "name"), req.requireText(b, "email"),
                req.requireText(b, "password"), roles);
            return RestResponse.ok(Json.object().set("user", Documents.me(u)));
        });
        router.add("POST", "/api/v1/users.register", Access.PUBLIC, Limit.REGISTER, req -> {
            if (!"Public".equals(settings.text("Accounts_RegistrationForm"))) {
                throw new MeteorError("error-user-registration-disabled", "User registration is disabled");
            }
            JsonNode b = req.json();
            User u = accounts.create(req.requireText(b, "username"), Json.text(b, "name"), req.requireText(b, "email"),
                req.requireText(b, "pass"), Set.of("user"));
            return RestResponse.ok(Json.object().set("user", Documents.me(u)));
        });
    }
}
