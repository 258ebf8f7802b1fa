package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;
import io.rcbench.workspace.service.Accounts;
import io.rcbench.workspace.service.Documents;
import io.rcbench.workspace.service.Presence;

/** {@code POST /api/v1/login}, {@code POST /api/v1/logout}, {@code GET /api/v1/me} (protocol section 5). */
public final class AuthRoutes {
    private final Accounts accounts;
    private final Presence presence;

    public AuthRoutes(Accounts accounts, Presence presence) {
        this.accounts = accounts;
        this.presence = presence;
    }

    public void register(RestRouter router) {
        router.add("POST", "/api/v1/login", Access.PUBLIC, Limit.DEFAULT, this::login);
        router.add("POST", "/api/v1/logout", Access.AUTH, Limit.DEFAULT, req -> {
            accounts.logout(req.authToken());
            return RestResponse.json(200, Json.object().put("status", "success")
                .set("data", Json.object().put("message", "You've been logged out!")));
        });
        router.add("GET", "/api/v1/me", Access.AUTH, Limit.DEFAULT, req -> {
            // The status a REST-only caller has is its chosen one; statusConnection is the DDP sessions' state.
            ObjectNode me = Documents.me(req.user());
            me.put("status", presence.status(req.user().id())).put("statusConnection", presence.connectionStatus(req.user().id()));
            String text = presence.statusText(req.user().id());
            if (!text.isEmpty()) {
                me.put("statusText", text);
            }
            return RestResponse.ok(me);
        });
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
