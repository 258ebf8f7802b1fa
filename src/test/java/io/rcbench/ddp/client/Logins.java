package io.rcbench.ddp.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.service.Accounts;

/** Login parameters as Meteor's accounts-password sends them. */
final class Logins {
    private Logins() {
    }

    static ObjectNode password(String username, String password) {
        ObjectNode req = Json.object();
        req.set("user", Json.object().put("username", username));
        req.set("password", Json.object().put("digest", Accounts.sha256Hex(password)).put("algorithm", "sha-256"));
        return req;
    }

    static ObjectNode resume(String token) {
        return Json.object().put("resume", token);
    }
}
