package io.rcbench.workspace.methods;

import com.fasterxml.jackson.databind.node.BooleanNode;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.ddp.MethodRegistry;
import io.rcbench.workspace.service.Presence;

/**
 * Presence over DDP: {@code UserPresence:setDefaultStatus(status)} (the status menu), {@code UserPresence:away} and
 * {@code UserPresence:online} (the client's idle timer) and the older {@code setUserStatus(status, text)}.
 */
public final class PresenceMethods {
    private final Presence presence;

    public PresenceMethods(Presence presence) {
        this.presence = presence;
    }

    public void register(MethodRegistry registry) {
        registry.register("UserPresence:setDefaultStatus", (ctx, p) -> {
            String status = p.path(0).asText(null);
            if (status == null || !Presence.STATUSES.contains(status)) {
                throw new MeteorError(400, "Match failed");
            }
            presence.choose(ctx.requireUser("UserPresence:setDefaultStatus"), status, null);
            return BooleanNode.TRUE;
        });
        registry.register("UserPresence:away", (ctx, p) -> {
            presence.setIdle(ctx.requireUser("UserPresence:away"), true);
            return BooleanNode.TRUE;
        });
        registry.register("UserPresence:online", (ctx, p) -> {
            presence.setIdle(ctx.requireUser("UserPresence:online"), false);
            return BooleanNode.TRUE;
        });
        registry.register("setUserStatus", (ctx, p) -> {
            String status = p.path(0).isNull() || p.path(0).isMissingNode() ? null : p.path(0).asText();
            String text = p.path(1).isTextual() ? p.get(1).asText() : null;
            if (text != null && text.length() > 120) {
                throw new MeteorError("error-status-text-too-long", "Status text is too long");
            }
            presence.choose(ctx.requireUser("setUserStatus"), status, text);
            return null;
        });
    }
}
