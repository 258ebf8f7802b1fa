package io.rcbench.workspace.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.ddp.MethodRegistry;
import io.rcbench.workspace.settings.AccessDocuments;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.settings.Settings;

/**
 * The methods a web client calls during its initial load (protocol section 4.7): {@code public-settings/get}
 * (anonymous too), {@code permissions/get}, {@code license:getModules}, {@code license:isEnterprise},
 * {@code listCustomSounds} and {@code listCustomUserStatus}. This workspace has no license, custom sounds or custom
 * statuses, so those answer empty, as a Community Edition server without them does.
 */
public final class LoginLoadMethods {
    private final Settings settings;
    private final Permissions permissions;

    public LoginLoadMethods(Settings settings, Permissions permissions) {
        this.settings = settings;
        this.permissions = permissions;
    }

    public void register(MethodRegistry registry) {
        registry.register("public-settings/get", (ctx, p) -> {
            ArrayNode all = Json.array();
            settings.publicIds().forEach(id -> all.add(AccessDocuments.setting(id, settings.get(id).orElseThrow())));
            return delta(all, p, Ejson.isDate(p.path(0)) ? Json.array() : null);
        });
        registry.register("permissions/get", (ctx, p) -> {
            long since = Ejson.isDate(p.path(0)) ? Ejson.dateMs(p.get(0), 0) : Long.MIN_VALUE;
            return delta(AccessDocuments.permissions(permissions, since), p, Json.array());
        });
        registry.register("license:getModules", (ctx, p) -> {
            ctx.requireUser("license:getModules");
            return Json.array();
        });
        registry.register("license:isEnterprise", (ctx, p) -> BooleanNode.FALSE);
        registry.register("listCustomSounds", (ctx, p) -> Json.array());
        registry.register("listCustomUserStatus", (ctx, p) -> {
            ctx.requireUser("listCustomUserStatus");
            return Json.array();
        });
    }

    /** No date argument: the list itself; a date: {@code {update, remove}}. */
    private static JsonNode delta(ArrayNode docs, ArrayNode p, ArrayNode remove) {
        if (!Ejson.isDate(p.path(0))) {
            return docs;
        }
        ObjectNode out = Json.object();
        out.set("update", docs);
        out.set("remove", remove == null ? Json.array() : remove);
        return out;
    }
}
