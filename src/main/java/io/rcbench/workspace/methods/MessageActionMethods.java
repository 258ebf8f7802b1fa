package io.rcbench.workspace.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.ddp.MethodRegistry;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.service.MessageActions;
import java.util.List;

/**
 * The DDP side of what people do to messages: {@code updateMessage}, {@code deleteMessage}, {@code setReaction},
 * {@code starMessage}, {@code pinMessage}, {@code unpinMessage} and {@code getThreadMessages}, with the rules and
 * errors of their Rocket.Chat methods (apps/meteor/app/lib/server/methods/, app/reactions, app/threads).
 */
public final class MessageActionMethods {
    /** getThreadMessages' MAX_LIMIT. */
    private static final int THREAD_MAX_LIMIT = 100;
    private final MessageActions actions;

    public MessageActionMethods(MessageActions actions) {
        this.actions = actions;
    }

    public void register(MethodRegistry registry) {
        registry.register("updateMessage", (ctx, p) -> {
            User user = ctx.requireUser("updateMessage");
            JsonNode m = p.path(0);
            String id = Json.text(m, "_id");
            if (id == null || !m.path("msg").isTextual()) {
                throw new MeteorError(400, "Match failed");
            }
            ObjectNode original = actions.find(id);
            if (original == null) {
                return null;
            }
            // As executeUpdateMessage: only msg (and a few presentation fields) may change.
            for (String key : new String[] {"rid", "u", "ts", "t"}) {
                if (m.has(key) && !m.get(key).equals(original.path(key))) {
                    throw new MeteorError("error-invalid-update-key", "Cannot update the message " + key)
                        .withDetails(Json.object().put("method", "updateMessage"));
                }
            }
            actions.edit(user, id, m.get("msg").asText());
            return null;
        });
        registry.register("deleteMessage", (ctx, p) -> {
            User user = ctx.requireUser("deleteMessage");
            String id = Json.text(p.path(0), "_id");
            ObjectNode m = actions.require(id, new MeteorError("error-invalid-message", "Invalid message")
                .withDetails(Json.object().put("method", "deleteMessage").put("action", "Delete_message")));
            actions.delete(user, m);
            return null;
        });
        registry.register("setReaction", (ctx, p) -> {
            User user = ctx.requireUser("setReaction");
            ObjectNode m = actions.require(p.path(1).asText(null), new MeteorError("error-not-allowed", "Not allowed"));
            Boolean should = p.path(2).isBoolean() ? p.get(2).asBoolean() : null;
            actions.react(user, m, p.path(0).asText(""), should);
            return null;
        });
        registry.register("starMessage", (ctx, p) -> {
            User user = ctx.requireUser("starMessage");
            JsonNode arg = p.path(0);
            ObjectNode m = actions.require(Json.text(arg, "_id"), new MeteorError("error-action-not-allowed", "Not allowed"));
            actions.star(user, m, arg.path("starred").asBoolean(true));
            return BooleanNode.TRUE;
        });
        registry.register("pinMessage", (ctx, p) -> {
            User user = ctx.requireUser("pinMessage");
            ObjectNode m = actions.require(Json.text(p.path(0), "_id"), new MeteorError("error-invalid-message", "Message you are pinning was not found"));
            return actions.pin(user, m, true);
        });
        registry.register("unpinMessage", (ctx, p) -> {
            User user = ctx.requireUser("unpinMessage");
            ObjectNode m = actions.require(Json.text(p.path(0), "_id"), new MeteorError("error-invalid-message", "Message you are unpinning was not found"));
            actions.pin(user, m, false);
            return BooleanNode.TRUE;
        });
        registry.register("getThreadMessages", (ctx, p) -> {
            JsonNode arg = p.path(0);
            int limit = arg.path("limit").asInt(0);
            int skip = Math.max(0, arg.path("skip").asInt(0));
            if (limit > THREAD_MAX_LIMIT) {
                throw new MeteorError("error-not-allowed", "max limit: " + THREAD_MAX_LIMIT)
                    .withDetails(Json.object().put("method", "getThreadMessages"));
            }
            if (ctx.user() == null) {
                throw new MeteorError("error-not-allowed", "Threads Disabled")
                    .withDetails(Json.object().put("method", "getThreadMessages"));
            }
            String tmid = Json.text(arg, "tmid");
            List<ObjectNode> replies = actions.threadReplies(ctx.user(), tmid);
            // Rocket.Chat answers the parent first, then the replies newest first (sort ts -1, skip, limit).
            ArrayNode out = Json.array();
            out.add(actions.require(tmid, new MeteorError("error-invalid-message", "Invalid Message")));
            int end = limit > 0 ? Math.min(replies.size(), skip + limit) : replies.size();
            for (int i = skip; i < end; i++) {
                out.add(replies.get(replies.size() - 1 - i));
            }
            return out;
        });
    }
}
