package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;
import io.rcbench.workspace.service.Documents;
import io.rcbench.workspace.service.Presence;
import io.rcbench.workspace.service.UserAdmin;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.settings.Settings;
import io.rcbench.workspace.store.Stores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Users and presence over REST (apps/meteor/app/api/server/v1/users.ts): {@code users.info/list/getStatus/setStatus/
 * presence/delete/update/updateOwnBasicInfo/resetAvatar}.
 */
public final class UserInfoRoutes {
    private final Permissions permissions;
    /** Rocket.Chat's USER_STATUS_TEXT_MAX_LENGTH. */
    private static final int STATUS_TEXT_MAX = 120;
    private final Stores stores;
    private final Presence presence;
    private final UserAdmin admin;
    private final Settings settings;

    public UserInfoRoutes(Stores stores, Presence presence, UserAdmin admin, Settings settings, Permissions permissions) {
        this.permissions = permissions;
        this.settings = settings;
        this.stores = stores;
        this.presence = presence;
        this.admin = admin;
    }

    public void register(RestRouter router) {
        router.add("GET", "/api/v1/users.info", Access.AUTH, Limit.DEFAULT,
            req -> RestResponse.ok(Json.object().set("user", info(named(req), req.user()))));
        router.add("GET", "/api/v1/users.list", Access.AUTH, Limit.DEFAULT, req -> {
            if (!permissions.has(req.user(), "view-d-room")) {
                throw new MeteorError(403, "unauthorized");
            }
            List<User> all = new ArrayList<>(stores.users.all());
            all.sort(Comparator.comparing(User::username));
            List<ObjectNode> docs = new ArrayList<>();
            all.forEach(u -> docs.add(info(u, req.user())));
            return RestResponse.ok(Paging.page("users", docs, req));
        });
        router.add("GET", "/api/v1/users.getStatus", Access.AUTH, Limit.DEFAULT, req -> {
            boolean self = req.query("userId") == null && req.query("username") == null;
            User u = self ? req.user() : named(req);
            self |= u.id().equals(req.user().id());
            // As Rocket.Chat: the connection status only to the user themself.
            ObjectNode body = Json.object().put("_id", u.id()).put("status", presence.status(u.id()));
            if (self) {
                body.put("connectionStatus", presence.connectionStatus(u.id()));
            }
            String text = presence.statusText(u.id());
            if (!text.isEmpty()) {
                body.put("message", text);
            }
            return RestResponse.ok(body);
        });
        router.add("POST", "/api/v1/users.setStatus", Access.AUTH, Limit.DEFAULT, req -> {
            JsonNode b = req.json();
            if (!settings.bool("Accounts_AllowUserStatusMessageChange")) {
                throw new MeteorError("error-not-allowed", "Change status is not allowed");
            }
            User target = req.user();
            String other = Json.text(b, "userId");
            if (other != null && !other.equals(req.user().id())) {
                if (!permissions.has(req.user(), "edit-other-user-info")) {
                    throw new MeteorError(403, "unauthorized");
                }
                target = admin.require(other);
            }
            String status = Json.text(b, "status");
            String message = Json.text(b, "message");
            if (status == null && message == null) {
                throw new MeteorError("error-invalid-params", "Match error: one of 'status' or 'message' is required");
            }
            if (message != null && message.length() > STATUS_TEXT_MAX) {
                throw new MeteorError("error-status-text-too-long", "Status text is too long");
            }
            presence.choose(target, status, message);
            return RestResponse.ok();
        });
        router.add("GET", "/api/v1/users.presence", Access.AUTH, Limit.DEFAULT, req -> {
            List<String> ids = new ArrayList<>();
            for (String key : new String[] {"ids", "ids[]"}) {
                List<String> v = req.query().get(key);
                if (v != null) {
                    v.forEach(x -> ids.addAll(List.of(x.split(","))));
                }
            }
            ArrayNode users = Json.array();
            List<User> chosen = new ArrayList<>();
            if (ids.isEmpty()) {
                stores.users.all().stream().filter(u -> !presence.status(u.id()).equals("offline")).forEach(chosen::add);
            } else {
                ids.stream().map(String::trim).distinct().forEach(id -> stores.users.byId(id).ifPresent(chosen::add));
            }
            chosen.sort(Comparator.comparing(User::username));
            for (User u : chosen) {
                ObjectNode d = Documents.userRef(u).put("status", presence.status(u.id())).put("utcOffset", 0);
                String text = presence.statusText(u.id());
                if (!text.isEmpty()) {
                    d.put("statusText", text);
                }
                users.add(d);
            }
            ObjectNode body = Json.object();
            body.set("users", users);
            body.put("full", req.query("from") == null);
            return RestResponse.ok(body);
        });
        router.add("POST", "/api/v1/users.delete", Access.AUTH, Limit.DEFAULT, req -> {
            if (!permissions.has(req.user(), "delete-user")) {
                throw new MeteorError(403, "unauthorized");
            }
            admin.delete(bodyUser(req, req.json()));
            return RestResponse.ok();
        });
        router.add("POST", "/api/v1/users.update", Access.AUTH, Limit.DEFAULT, req -> {
            JsonNode b = req.json();
            User target = admin.require(req.requireText(b, "userId"));
            if (!permissions.has(req.user(), "edit-other-user-info") && !target.id().equals(req.user().id())) {
                throw new MeteorError(403, "unauthorized");
            }
            JsonNode data = b.path("data");
            if (!data.isObject()) {
                throw new MeteorError("error-invalid-params", "Match error: Missing key 'data'");
            }
            User changed = admin.rename(target, Json.text(data, "name"), Json.text(data, "username"));
            return RestResponse.ok(Json.object().set("user", Documents.me(changed)));
        });
        router.add("POST", "/api/v1/users.updateOwnBasicInfo", Access.AUTH, Limit.DEFAULT, req -> {
            JsonNode data = req.json().path("data");
            if (!data.isObject()) {
                throw new MeteorError("error-invalid-params", "Match error: Missing key 'data'");
            }
            User changed = admin.rename(req.user(), Json.text(data, "name"), Json.text(data, "username"));
            return RestResponse.ok(Json.object().set("user", Documents.me(changed)));
        });
        router.add("POST", "/api/v1/users.resetAvatar", Access.AUTH, Limit.DEFAULT, req -> {
            JsonNode b = req.json();
            User target = b.has("userId") || b.has("username") ? bodyUser(req, b) : req.user();
            if (!target.id().equals(req.user().id()) && !permissions.has(req.user(), "edit-other-user-info")) {
                throw new MeteorError(403, "unauthorized");
            }
            admin.resetAvatar(target);
            return RestResponse.ok();
        });
    }

    /** The user a query names by {@code userId} or {@code username}. */
    private User named(RestRequest req) {
        String id = req.query("userId");
        String username = req.query("username");
        if (id == null && username == null) {
            throw new MeteorError("error-user-param-not-provided", "The required \"userId\" or \"username\" param was not provided");
        }
        return (id != null ? stores.users.byId(id) : stores.users.byUsername(username))
            .orElseThrow(() -> new MeteorError("error-invalid-user", "User not found."));
    }

    private User bodyUser(RestRequest req, JsonNode b) {
        String id = Json.text(b, "userId");
        String username = Json.text(b, "username");
        if (id == null && username == null) {
            throw new MeteorError("error-user-param-not-provided", "The required \"userId\" or \"username\" param was not provided");
        }
        return (id != null ? stores.users.byId(id) : stores.users.byUsername(username))
            .orElseThrow(() -> new MeteorError("error-invalid-user", "User not found."));
    }

    /** The user as {@code users.info} shows it; email and roles only to oneself or with view-full-other-user-info. */
    private ObjectNode info(User u, User caller) {
        boolean full = u.id().equals(caller.id()) || permissions.has(caller, "view-full-other-user-info");
        ObjectNode d = full ? Documents.me(u) : Documents.userRef(u);
        d.put("status", presence.status(u.id())).put("statusConnection", presence.connectionStatus(u.id()))
            .put("utcOffset", 0).put("active", u.active()).put("type", u.hasRole("bot") ? "bot" : "user");
        String text = presence.statusText(u.id());
        if (!text.isEmpty()) {
            d.put("statusText", text);
        }
        return d;
    }
}
