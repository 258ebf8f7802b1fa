package io.rcbench.workspace.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import java.util.Map;

/**
 * The documents of roles, permissions and public settings as Rocket.Chat sends them ({@code IRole},
 * {@code IPermission}, {@code ISetting} subsets; EJSON dates, converted by REST answers).
 */
public final class AccessDocuments {
    /** Roles and permissions never change here; their {@code _updatedAt} is when this JVM loaded them. */
    private static final long LOADED_AT = System.currentTimeMillis();

    private AccessDocuments() {
    }

    public static ObjectNode role(Permissions.Role r) {
        ObjectNode o = Json.object().put("_id", r.id()).put("name", r.id()).put("description", r.description())
            .put("mandatory2fa", false).put("protected", true).put("scope", r.scope());
        o.set("_updatedAt", Ejson.date(LOADED_AT));
        return o;
    }

    /** Every role, as {@code roles.list} answers. */
    public static ArrayNode roles() {
        ArrayNode out = Json.array();
        Permissions.ROLES.forEach(r -> out.add(role(r)));
        return out;
    }

    /** Permissions changed after {@code sinceMs}, as {@code permissions.listAll} and {@code permissions/get} list them. */
    public static ArrayNode permissions(Permissions permissions, long sinceMs) {
        ArrayNode out = Json.array();
        for (Map.Entry<String, Permissions.Grant> e : permissions.all().entrySet()) {
            if (e.getValue().updatedAtMs() > sinceMs) {
                out.add(permission(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    /** One permission: {@code {_id, roles, _updatedAt}}. */
    public static ObjectNode permission(String id, Permissions.Grant grant) {
        ObjectNode p = Json.object().put("_id", id);
        ArrayNode roles = p.putArray("roles");
        grant.roles().stream().sorted().forEach(roles::add);
        p.set("_updatedAt", Ejson.date(grant.updatedAtMs()));
        return p;
    }

    /** A public setting as {@code settings.public}, {@code public-settings/get} and the change stream carry it. */
    public static ObjectNode setting(String id, JsonNode value) {
        ObjectNode o = Json.object().put("_id", id);
        o.set("value", value);
        o.put("enterprise", false).put("requiredOnWizard", false);
        return o;
    }
}
