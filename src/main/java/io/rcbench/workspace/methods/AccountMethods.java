package io.rcbench.workspace.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.ddp.MethodContext;
import io.rcbench.workspace.ddp.MethodRegistry;
import io.rcbench.workspace.ddp.SessionRegistry;
import io.rcbench.workspace.service.Accounts;

/** {@code login} (password digest, plain password, or resume token) and {@code logout} (protocol section 2). */
public final class AccountMethods {
    private final Accounts accounts;
    private final SessionRegistry sessions;

    public AccountMethods(Accounts accounts, SessionRegistry sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    public void register(MethodRegistry registry) {
        registry.register("login", this::login).register("logout", this::logout);
    }

    private JsonNode login(MethodContext ctx, ArrayNode params) {
        JsonNode req = params.path(0);
        Accounts.Login login;
        if (req.hasNonNull("resume")) {
            login = accounts.loginWithResume(req.get("resume").asText());
        } else if (req.has("user") && req.has("password")) {
            JsonNode pw = req.get("password");
            String digest;
            if (pw.isTextual()) {
                digest = Accounts.sha256Hex(pw.asText());
            } else if ("sha-256".equals(Json.text(pw, "algorithm")) && pw.path("digest").isTextual()) {
                digest = pw.get("digest").asText();
            } else {
                throw new MeteorError(400, "Unrecognized options for login request");
            }
            login = accounts.loginWithPassword(req.get("user"), digest);
        } else {
            throw new MeteorError(400, "Unrecognized options for login request");
        }
        if (ctx.session() != null) {
            sessions.login(ctx.session(), login.user(), login.token());
            // Meteor publishes the current user to the client right after login.
            ctx.session().send(Json.object().put("msg", "added").put("collection", "users").put("id", login.user().id())
                .set("fields", Json.object().put("username", login.user().username()).put("name", login.user().name())));
        }
        ObjectNode result = Json.object().put("id", login.user().id()).put("token", login.token());
        result.set("tokenExpires", Ejson.date(login.expiresAtMs()));
        result.put("type", login.type());
        return result;
    }

    private JsonNode logout(MethodContext ctx, ArrayNode params) {
        if (ctx.session() != null) {
            accounts.logout(ctx.session().loginToken());
            sessions.logout(ctx.session());
        }
        return null;
    }
}
