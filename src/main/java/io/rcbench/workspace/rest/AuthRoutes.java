package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;
import io.rcbench.workspace.service.Accounts;
import io.rcbench.workspace.service.Documents;

/** {@code POST /api/v1/login}, {@code POST /api/v1/logout}, {@code GET /api/v1/me} (protocol section 5). */
public final class AuthRoutes {
    private final Accounts accounts;

    public AuthRoutes(Accounts accounts) {
        this.accounts = accounts;
    }

    public void register(RestRouter router) {
        router.add("POST", "/api/v1/login", Access.PUBLIC, Limit.DEFAULT, this::login);
        router.add("POST", "/api/v1/logout", Access.AUTH, Limit.DEFAULT, req -> {
            accounts.logout(req.authToken());
            return RestResponse.json(200, Json.object().put("status", "success")
                .set("data", Json.object().put("message", "You've been logged out!")));
        });
        router.add("GET", "/api/v1/me", Access.AUTH, Limit.DEFAULT, req -> RestResponse.ok(Documents.me(req.user())));
    }

    private RestResponse login(RestRequest req) {
        JsonNode body = req.json();
        Accounts.Login login;
        try {
            if (body.hasNonNull("resume")) {
                login = accounts.loginWithResume(body.get("resume").asText());
            } else {
                JsonNode user = body.has("user") ? body.get("user") : body.has("username") ? body.get("username") : body.get("email");
                JsonNode pw = body.get("password");
                if (user == null || pw == null) {
                    return unauthorized();
                }
                String digest = pw.isTextual() ? Accounts.sha256Hex(pw.asText()) : Json.text(pw, "digest");
                login = accounts.loginWithPassword(user, digest);
            }
        } catch (MeteorError e) {
            return unauthorized();
        }
        ObjectNode data = Json.object().put("userId", login.user().id()).put("authToken", login.token());
        data.set("me", Documents.me(login.user()));
        return RestResponse.json(200, Json.object().put("status", "success").set("data", data));
    }

    private static RestResponse unauthorized() {
        return RestResponse.json(401, Json.object().put("status", "error").put("error", "Unauthorized").put("message", "Unauthorized"));
    }
}
