package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;
import io.rcbench.workspace.service.Documents;
import io.rcbench.workspace.service.Rooms;
import io.rcbench.workspace.service.SlashCommands;
import io.rcbench.workspace.service.UserAdmin;
import io.rcbench.workspace.settings.AccessDocuments;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.settings.Settings;
import io.rcbench.workspace.store.Stores;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a client loads at login and the admin routes around roles (apps/meteor/app/api/server/v1/roles.ts,
 * permissions.ts, settings.ts, commands.ts, the Apps-Engine's actionButtons): {@code roles.list},
 * {@code roles.getUsersInRole}, {@code roles.addUserToRole}, {@code roles.removeUserFromRole},
 * {@code permissions.listAll}, {@code settings.public}, {@code commands.list}, {@code commands.run} and
 * {@code GET /api/apps/actionButtons} (always an empty list: no apps are installed).
 */
public final class AccessRoutes {
    private final Permissions permissions;
    private final Stores stores;
    private final Settings settings;
    private final Rooms rooms;
    private final UserAdmin admin;
    private final SlashCommands commands;

    public AccessRoutes(Stores stores, Settings settings, Rooms rooms, UserAdmin admin, SlashCommands commands, Permissions permissions) {
        this.permissions = permissions;
        this.stores = stores;
        this.settings = settings;
        this.rooms = rooms;
        this.admin = admin;
        this.commands = commands;
    }

    public void register(RestRouter router) {
        router.add("GET", "/api/apps/actionButtons", Access.PUBLIC, Limit.DEFAULT, req -> RestResponse.json(200, Json.array()));
        router.add("GET", "/api/v1/roles.list", Access.AUTH, Limit.DEFAULT,
            req -> RestResponse.ok(Json.object().set("roles", AccessDocuments.roles())));
        router.add("GET", "/api/v1/roles.getUsersInRole", Access.AUTH, Limit.DEFAULT, this::usersInRole);
        router.add("POST", "/api/v1/roles.addUserToRole", Access.AUTH, Limit.DEFAULT, req -> changeRole(req, true));
        router.add("POST", "/api/v1/roles.removeUserFromRole", Access.AUTH, Limit.DEFAULT, req -> changeRole(req, false));
        router.add("GET", "/api/v1/permissions.listAll", Access.AUTH, Limit.DEFAULT, req -> {
            long since = since(req.query("updatedSince"));
            ObjectNode body = Json.object();
            body.set("update", AccessDocuments.permissions(permissions, since));
            body.set("remove", Json.array());
            return RestResponse.ok(body);
        });
        router.add("POST", "/api/v1/permissions.update", Access.AUTH, Limit.DEFAULT, this::updatePermissions);
        router.add("GET", "/api/v1/settings.public", Access.PUBLIC, Limit.DEFAULT, req -> {
            List<String> wanted = requestedIds(req.query("query"));
            List<ObjectNode> docs = new ArrayList<>();
            for (String id : settings.publicIds()) {
                if (wanted == null || wanted.contains(id)) {
                    docs.add(AccessDocuments.setting(id, settings.get(id).orElseThrow()));
                }
            }
            return RestResponse.ok(Paging.page("settings", docs, req));
        });
        router.add("GET", "/api/v1/commands.list", Access.AUTH, Limit.DEFAULT, req -> {
            List<ObjectNode> docs = new ArrayList<>();
            SlashCommands.COMMANDS.forEach(c -> docs.add(c.document()));
            return RestResponse.ok(Paging.page("commands", docs, req));
        });
        router.add("GET", "/api/v1/commands.get", Access.AUTH, Limit.DEFAULT, req -> {
            String name = req.query("command");
            if (name == null || name.isEmpty()) {
                throw new MeteorError("error-parameter-required", "The query param \"command\" must be provided.");
            }
            return RestResponse.ok(Json.object().set("command", SlashCommands.COMMANDS.stream()
                .filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new MeteorError("error-invalid-command", "There is no command in the system by the name of: " + name))
                .document()));
        });
        router.add("POST", "/api/v1/commands.run", Access.AUTH, Limit.DEFAULT, req -> {
            JsonNode b = req.json();
            String command = Json.text(b, "command");
            if (command == null || command.isEmpty()) {
                throw new MeteorError("error-invalid-params", "You must provide a command to run.");
            }
            if (b.has("params") && !b.get("params").isTextual()) {
                throw new MeteorError("error-invalid-params", "The parameters for the command must be a single string.");
            }
            String rid = Json.text(b, "roomId");
            if (rid == null || rid.isEmpty()) {
                throw new MeteorError("error-invalid-params", "The room's id where to execute this command must be provided and be a string.");
            }
            String name = command.toLowerCase(java.util.Locale.ROOT);
            if (!SlashCommands.exists(name)) {
                throw new MeteorError("error-invalid-command", "The command provided does not exist (or is disabled).");
            }
            Room room = rooms.find(rid);
            if (room == null || !stores.rooms.isMember(rid, req.user().id())) {
                throw new MeteorError("error-invalid-room", "The room does not exist or you do not have access to it.");
            }
            commands.run(req.user(), name, Json.text(b, "params"), room, Json.text(b, "tmid"));
            return RestResponse.ok();
        });
    }

    /**
     * permissions.update {permissions:[{_id, roles}]} (access-permissions): each permission's roles replaced and
     * announced as permissions-changed; answers every permission.
     */
    private RestResponse updatePermissions(RestRequest req) {
        if (!permissions.has(req.user(), "access-permissions")) {
            throw new MeteorError("error-access-denied", "Editing permissions is not allowed");
        }
        JsonNode list = req.json().path("permissions");
        if (!list.isArray() || list.isEmpty()) {
            throw new MeteorError("error-invalid-params", "Match error: Missing key 'permissions'");
        }
        for (JsonNode p : list) {
            if (!p.path("_id").isTextual() || !p.path("roles").isArray()) {
                throw new MeteorError("error-invalid-params", "Each permission needs an _id and a roles array");
            }
        }
        for (JsonNode p : list) {
            java.util.Set<String> roles = new java.util.HashSet<>();
            p.get("roles").forEach(r -> roles.add(r.asText()));
            permissions.update(p.get("_id").asText(), roles);
        }
        return RestResponse.ok(Json.object().set("permissions", AccessDocuments.permissions(permissions, Long.MIN_VALUE)));
    }

    /** The {@code _id.$in} list of a settings.public {@code query}, or null for all. */
    private static List<String> requestedIds(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        JsonNode q;
        try {
            q = Json.parse(query);
        } catch (IllegalArgumentException e) {
            throw new MeteorError("error-invalid-query", "Invalid query parameter provided");
        }
        JsonNode id = q.path("_id");
        List<String> out = new ArrayList<>();
        if (id.isTextual()) {
            out.add(id.asText());
        } else if (id.path("$in").isArray()) {
            id.get("$in").forEach(x -> out.add(x.asText()));
        } else {
            return null;
        }
        return out;
    }

    private static long since(String value) {
        if (value == null) {
            return Long.MIN_VALUE;
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new MeteorError("error-updatedSince-param-invalid", "The \"updatedSince\" query parameter must be a valid date.");
        }
    }

    /** roles.getUsersInRole?role=&roomId=: access-permissions; a room role lists the room's holders. */
    private RestResponse usersInRole(RestRequest req) {
        if (!permissions.has(req.user(), "access-permissions")) {
            throw new MeteorError("error-not-allowed", "Not allowed");
        }
        String role = req.query("role");
        if (role == null || role.isEmpty()) {
            throw new MeteorError("error-param-not-provided", "Query param \"role\" is required");
        }
        if (!Permissions.isRole(role)) {
            throw new MeteorError("error-invalid-roleId", "This role does not exist");
        }
        List<User> holders = new ArrayList<>();
        String rid = req.query("roomId");
        if (rid != null) {
            Room room = rooms.require(rid);
            for (String uid : stores.rooms.members(rid)) {
                stores.users.byId(uid).filter(u -> rooms.rolesIn(u, room).contains(role) || u.hasRole(role)).ifPresent(holders::add);
            }
        } else {
            stores.users.all().stream().filter(u -> u.hasRole(role)).forEach(holders::add);
        }
        holders.sort(Comparator.comparing(User::username));
        List<ObjectNode> docs = new ArrayList<>();
        holders.forEach(u -> docs.add(Documents.userRef(u)));
        ObjectNode page = Paging.page("users", docs, req);
        ObjectNode body = Json.object();
        body.set("users", page.get("users"));
        body.put("total", docs.size());
        return RestResponse.ok(body);
    }

    /** roles.addUserToRole / removeUserFromRole {roleId|roleName, username}: access-permissions, global roles. */
    private RestResponse changeRole(RestRequest req, boolean add) {
        if (!permissions.has(req.user(), "access-permissions")) {
            throw new MeteorError("error-not-allowed", "Accessing permissions is not allowed");
        }
        JsonNode b = req.json();
        String role = b.hasNonNull("roleId") ? b.get("roleId").asText() : req.requireText(b, "roleName");
        User target = stores.users.byUsername(req.requireText(b, "username"))
            .orElseThrow(() -> new MeteorError("error-invalid-user", "There is no user with this username"));
        if (b.hasNonNull("roomId")) {
            throw new MeteorError("error-invalid-params", "Room roles are not supported by the embedded workspace");
        }
        admin.setRole(target, role, add);
        Permissions.Role r = Permissions.ROLES.stream().filter(x -> x.id().equals(role)).findFirst().orElseThrow();
        return RestResponse.ok(Json.object().set("role", AccessDocuments.role(r)));
    }
}
