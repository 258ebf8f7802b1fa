package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Ejson;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;
import io.rcbench.workspace.service.MessageActions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What people do to messages over REST (apps/meteor/app/api/server/v1/chat.ts): update, delete, react, star, pin,
 * report, one message by id, the starred/pinned/mentioned/thread listings, search and sync.
 */
public final class MessageRoutes {
    private final MessageActions actions;

    public MessageRoutes(MessageActions actions) {
        this.actions = actions;
    }

    public void register(RestRouter router) {
        router.add("POST", "/api/v1/chat.update", Access.AUTH, Limit.DEFAULT, this::update);
        router.add("POST", "/api/v1/chat.delete", Access.AUTH, Limit.DEFAULT, this::delete);
        router.add("GET", "/api/v1/chat.getMessage", Access.AUTH, Limit.DEFAULT, req -> {
            String id = req.query("msgId");
            if (id == null || id.isEmpty()) {
                return RestResponse.failure(400, "The \"msgId\" query parameter must be provided.", null);
            }
            ObjectNode m = actions.find(id);
            if (m == null) {
                return RestResponse.failure(400, "Message not found", null);
            }
            actions.readable(req.user(), m.path("rid").asText());
            return RestResponse.ok(Json.object().set("message", m));
        });
        router.add("POST", "/api/v1/chat.react", Access.AUTH, Limit.DEFAULT, req -> {
            JsonNode b = req.json();
            ObjectNode m = actions.require(Json.text(b, "messageId"),
                new MeteorError("error-message-not-found", "Message not found"));
            String emoji = b.hasNonNull("emoji") ? b.get("emoji").asText() : Json.text(b, "reaction");
            if (emoji == null) {
                throw new MeteorError("error-emoji-param-not-provided", "The required \"emoji\" param is missing.");
            }
            Boolean should = b.path("shouldReact").isBoolean() ? b.get("shouldReact").asBoolean() : null;
            actions.react(req.user(), m, emoji, should);
            return RestResponse.ok();
        });
        router.add("POST", "/api/v1/chat.starMessage", Access.AUTH, Limit.DEFAULT, req -> {
            actions.star(req.user(), message(req), true);
            return RestResponse.ok();
        });
        router.add("POST", "/api/v1/chat.unStarMessage", Access.AUTH, Limit.DEFAULT, req -> {
            actions.star(req.user(), message(req), false);
            return RestResponse.ok();
        });
        router.add("POST", "/api/v1/chat.pinMessage", Access.AUTH, Limit.DEFAULT, req -> {
            ObjectNode system = actions.pin(req.user(), message(req), true);
            return RestResponse.ok(Json.object().set("message", system));
        });
        router.add("POST", "/api/v1/chat.unPinMessage", Access.AUTH, Limit.DEFAULT, req -> {
            actions.pin(req.user(), message(req), false);
            return RestResponse.ok();
        });
        router.add("POST", "/api/v1/chat.reportMessage", Access.AUTH, Limit.DEFAULT, req -> {
            JsonNode b = req.json();
            String description = Json.text(b, "description");
            if (Json.text(b, "messageId") == null || Json.text(b, "messageId").isEmpty()) {
                return RestResponse.failure(400, "The required \"messageId\" param is missing.", null);
            }
            if (description == null || description.isBlank()) {
                return RestResponse.failure(400, "The required \"description\" param is missing.", null);
            }
            actions.report(req.user(), message(req, b), description);
            return RestResponse.ok();
        });
        router.add("GET", "/api/v1/chat.getStarredMessages", Access.AUTH, Limit.DEFAULT, req -> listing(req,
            uid -> m -> {
                for (JsonNode s : m.path("starred")) {
                    if (s.path("_id").asText().equals(uid)) {
                        return true;
                    }
                }
                return false;
            }));
        router.add("GET", "/api/v1/chat.getPinnedMessages", Access.AUTH, Limit.DEFAULT,
            req -> listing(req, uid -> m -> m.path("pinned").asBoolean(false)));
        router.add("GET", "/api/v1/chat.getMentionedMessages", Access.AUTH, Limit.DEFAULT, req -> listing(req,
            uid -> m -> {
                for (JsonNode s : m.path("mentions")) {
                    if (s.path("_id").asText().equals(uid)) {
                        return true;
                    }
                }
                return false;
            }));
        router.add("GET", "/api/v1/chat.search", Access.AUTH, Limit.DEFAULT, req -> {
            String rid = req.query("roomId");
            if (rid == null || rid.isEmpty()) {
                throw new MeteorError("error-roomId-param-not-provided", "The required \"roomId\" query param is missing.");
            }
            String text = req.query("searchText");
            if (text == null || text.isEmpty()) {
                throw new MeteorError("error-searchText-param-not-provided", "The required \"searchText\" query param is missing.");
            }
            Room room = actions.readable(req.user(), rid);
            List<ObjectNode> found = actions.search(room.id(), text);
            ObjectNode page = Paging.page("messages", found, req);
            return RestResponse.ok(Json.object().set("messages", page.get("messages")));
        });
        router.add("GET", "/api/v1/chat.syncMessages", Access.AUTH, Limit.DEFAULT, req -> {
            String rid = req.query("roomId");
            if (rid == null || rid.isEmpty()) {
                throw new MeteorError("error-param-required", "The required \"roomId\" query param is missing");
            }
            String last = req.query("lastUpdate");
            if (last == null) {
                // Rocket.Chat also pages by type/next/previous without lastUpdate; not simulated.
                throw new MeteorError("error-param-required", "The \"type\" or \"lastUpdate\" parameters must be provided");
            }
            Room room = actions.readable(req.user(), rid);
            long since;
            try {
                since = Instant.parse(last).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new MeteorError("error-lastUpdate-param-invalid", "The \"lastUpdate\" query parameter must be a valid date");
            }
            return RestResponse.ok(Json.object().set("result", actions.sync(room.id(), since)));
        });
        router.add("GET", "/api/v1/chat.getThreadMessages", Access.AUTH, Limit.DEFAULT, req -> {
            String tmid = requireQuery(req, "tmid");
            List<ObjectNode> replies = actions.threadReplies(req.user(), tmid);
            // Oldest first unless sort={"ts":-1} (the mobile client's newest-first pages since 8.8).
            if (newestFirst(req.query("sort"))) {
                java.util.Collections.reverse(replies);
            }
            return RestResponse.ok(Paging.page("messages", replies, req));
        });
        router.add("GET", "/api/v1/chat.getThreadsList", Access.AUTH, Limit.DEFAULT, req -> {
            Room room = actions.readable(req.user(), requireQuery(req, "rid"));
            List<ObjectNode> threads = actions.filtered(room.id(), m -> m.path("tcount").asInt(0) > 0);
            threads.sort((a, b) -> Long.compare(Ejson.dateMs(b.get("tlm"), 0), Ejson.dateMs(a.get("tlm"), 0)));
            return RestResponse.ok(Paging.page("threads", threads, req));
        });
    }

    /** True for a sort query {@code {"ts":-1}}; a malformed one is a 400 as Rocket.Chat's parseJsonQuery. */
    private static boolean newestFirst(String sort) {
        if (sort == null) {
            return false;
        }
        try {
            return Json.parse(sort).path("ts").asInt(1) < 0;
        } catch (IllegalArgumentException e) {
            throw new MeteorError("error-invalid-sort", "Invalid sort parameter provided");
        }
    }

    private static String requireQuery(RestRequest req, String name) {
        String v = req.query(name);
        if (v == null || v.isEmpty()) {
            throw new MeteorError("error-invalid-params", "The required \"" + name + "\" query param is missing.");
        }
        return v;
    }

    private ObjectNode message(RestRequest req) {
        return message(req, req.json());
    }

    private ObjectNode message(RestRequest req, JsonNode body) {
        String id = Json.text(body, "messageId");
        if (id == null || id.isEmpty()) {
            throw new MeteorError("error-messageid-param-not-provided", "The required \"messageId\" param is missing.");
        }
        return actions.require(id, new MeteorError("error-message-not-found", "The provided \"messageId\" does not match any existing message."));
    }

    private RestResponse listing(RestRequest req, java.util.function.Function<String, java.util.function.Predicate<ObjectNode>> filter) {
        Room room = actions.readable(req.user(), requireQuery(req, "roomId"));
        return RestResponse.ok(Paging.page("messages", actions.filtered(room.id(), filter.apply(req.user().id())), req));
    }

    /** The stored message, or null. */
    private ObjectNode stores(String id) {
        return actions.find(id);
    }

    /** chat.update {roomId, msgId, text}: the message must be in that room. */
    private RestResponse update(RestRequest req) {
        JsonNode b = req.json();
        String rid = req.requireText(b, "roomId");
        String msgId = req.requireText(b, "msgId");
        if (!b.path("text").isTextual()) {
            throw new MeteorError("error-invalid-params", "Match error: Missing key 'text'");
        }
        ObjectNode m = stores(msgId);
        if (m == null) {
            return RestResponse.failure(400, "No message found with the id of \"" + msgId + "\".", null);
        }
        if (!rid.equals(m.path("rid").asText())) {
            return RestResponse.failure(400, "The room id provided does not match where the message is from.", null);
        }
        ObjectNode edited = actions.edit(req.user(), msgId, b.get("text").asText());
        return RestResponse.ok(Json.object().set("message", edited));
    }

    /** chat.delete {roomId, msgId, asUser?} -> {_id, ts, message:{_id, rid, u}}. */
    private RestResponse delete(RestRequest req) {
        JsonNode b = req.json();
        String rid = req.requireText(b, "roomId");
        String msgId = req.requireText(b, "msgId");
        ObjectNode m = stores(msgId);
        if (m == null) {
            return RestResponse.failure(400, "No message found with the id of \"" + msgId + "\".", null);
        }
        if (!rid.equals(m.path("rid").asText())) {
            return RestResponse.failure(400, "The room id provided does not match where the message is from.", null);
        }
        User deleter = req.user();
        String author = m.path("u").path("_id").asText();
        if (b.path("asUser").asBoolean(false) && !req.user().id().equals(author)) {
            // asUser deletes as the author, which only force-delete-message allows.
            if (!actions.canForceDelete(req.user(), m)) {
                return RestResponse.failure(400, "Unauthorized. You must have the permission \"force-delete-message\" to delete"
                    + " other's message as them.", null);
            }
            deleter = actions.author(m);
            if (deleter == null) {
                return RestResponse.failure(400, "User not found", null);
            }
        }
        actions.delete(deleter, m);
        ObjectNode ref = Json.object().put("_id", msgId).put("rid", rid);
        ref.set("u", m.get("u"));
        ObjectNode out = Json.object().put("_id", msgId).put("ts", Long.toString(System.currentTimeMillis()));
        out.set("message", ref);
        return RestResponse.ok(out);
    }
}
