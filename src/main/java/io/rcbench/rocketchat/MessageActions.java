package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import java.time.Instant;

/**
 * What people do besides sending, built once as the web client (DDP) and Rocket.Chat 9 clients (REST) send it:
 * status changes, presence lookups and watch sets, reactions, edits, deletes, thread replies and listings, search,
 * history paging and the unread counts' delta sync (protocol doc sections 3, 4.6 and 5; routes and methods as
 * docs/embedded-workspace.md lists them). Parameters, bodies and query strings here; the check of what came back
 * too. Stateless; any thread.
 */
public final class MessageActions {
    /** The status menu's DDP method. */
    public static final String SET_STATUS = "UserPresence:setDefaultStatus";
    public static final String SET_STATUS_PATH = "/api/v1/users.setStatus";
    public static final String PRESENCE_PATH = "/api/v1/users.presence";
    /** The stream whose {@code sub} carries the watch set ({@code ["", {added, removed}]}). */
    public static final String PRESENCE_STREAM = "stream-user-presence";
    public static final String SET_REACTION = "setReaction";
    public static final String REACT_PATH = "/api/v1/chat.react";
    public static final String UPDATE_MESSAGE = "updateMessage";
    public static final String UPDATE_PATH = "/api/v1/chat.update";
    public static final String DELETE_MESSAGE = "deleteMessage";
    public static final String DELETE_PATH = "/api/v1/chat.delete";
    public static final String THREAD_MESSAGES = "getThreadMessages";
    public static final String THREAD_MESSAGES_PATH = "/api/v1/chat.getThreadMessages";
    /** Search: the embedded workspace (like Rocket.Chat 9) has no DDP method for it, so both transports use REST. */
    public static final String SEARCH_PATH = "/api/v1/chat.search";
    public static final String LOAD_HISTORY = "loadHistory";
    /** The subscriptions' delta sync: each changed subscription carries its room's {@code unread} count. */
    public static final String SUBSCRIPTIONS_GET = "subscriptions/get";
    public static final String SUBSCRIPTIONS_GET_PATH = "/api/v1/subscriptions.get";
    /** The one reaction simulated users toggle. */
    public static final String EMOJI = ":+1:";

    private MessageActions() {
    }

    /** {@code UserPresence:setDefaultStatus [status]}. */
    public static Object[] setStatusParams(String status) {
        return new Object[] {status};
    }

    /** {@code users.setStatus {status}}. */
    public static ObjectNode setStatusBody(String status) {
        return Json.object().put("status", status);
    }

    /** {@code users.presence?ids[]=…} for the members a client shows. */
    public static String presencePath(Iterable<String> userIds) {
        StringBuilder b = new StringBuilder(PRESENCE_PATH);
        char sep = '?';
        for (String id : userIds) {
            b.append(sep).append("ids%5B%5D=").append(RestClient.encode(id));
            sep = '&';
        }
        return b.toString();
    }

    /** {@code sub stream-user-presence ["", {added, removed}]}: the first holds the set, later ones change it. */
    public static Object[] presenceWatchParams(Iterable<String> added, Iterable<String> removed) {
        ObjectNode change = Json.object();
        added.forEach(change.putArray("added")::add);
        if (!change.has("added")) {
            change.putArray("added");
        }
        var r = change.putArray("removed");
        removed.forEach(r::add);
        return new Object[] {"", change};
    }

    /** {@code setReaction [reaction, messageId]}: without {@code shouldReact} it toggles, so every call changes. */
    public static Object[] setReactionParams(String messageId) {
        return new Object[] {EMOJI, messageId};
    }

    /** {@code chat.react {emoji, messageId}} (toggles). */
    public static ObjectNode reactBody(String messageId) {
        return Json.object().put("emoji", EMOJI).put("messageId", messageId);
    }

    /** {@code updateMessage [{_id, rid, msg}]}. */
    public static Object[] updateMessageParams(String messageId, String rid, String text) {
        return new Object[] {Json.object().put("_id", messageId).put("rid", rid).put("msg", text)};
    }

    /** {@code chat.update {roomId, msgId, text}}. */
    public static ObjectNode updateBody(String messageId, String rid, String text) {
        return Json.object().put("roomId", rid).put("msgId", messageId).put("text", text);
    }

    /** {@code deleteMessage [{_id}]}. */
    public static Object[] deleteMessageParams(String messageId) {
        return new Object[] {Json.object().put("_id", messageId)};
    }

    /** {@code chat.delete {roomId, msgId}}. */
    public static ObjectNode deleteBody(String messageId, String rid) {
        return Json.object().put("roomId", rid).put("msgId", messageId);
    }

    /** A thread reply's message document: a message with {@code tmid}. */
    public static ObjectNode reply(String messageId, String rid, String tmid, String text) {
        return ChatMethods.message(messageId, rid, text).put("tmid", tmid);
    }

    /** {@code getThreadMessages [{tmid, limit}]}. */
    public static Object[] threadMessagesParams(String tmid, int limit) {
        return new Object[] {Json.object().put("tmid", tmid).put("limit", limit)};
    }

    public static String threadMessagesPath(String tmid, int count) {
        return THREAD_MESSAGES_PATH + "?tmid=" + RestClient.encode(tmid) + "&count=" + count;
    }

    public static String searchPath(String rid, String text, int count) {
        return SEARCH_PATH + "?roomId=" + RestClient.encode(rid) + "&searchText=" + RestClient.encode(text)
            + "&count=" + count;
    }

    /** {@code loadHistory [rid, {$date: end}, limit]}: the page before {@code endMs} (scrolling back). */
    public static Object[] olderHistoryParams(String rid, long endMs, int limit) {
        return new Object[] {rid, Json.object().put("$date", endMs), limit};
    }

    /** {@code channels|groups|im.messages?roomId=&count=&offset=}, newest first: page {@code offset / count}. */
    public static String messagesPath(String type, String rid, int count, int offset) {
        String prefix = switch (type) {
            case "p" -> "groups";
            case "d" -> "im";
            default -> "channels";
        };
        return "/api/v1/" + prefix + ".messages?roomId=" + RestClient.encode(rid) + "&count=" + count
            + "&offset=" + offset;
    }

    /** {@code subscriptions/get [{$date: since}]}: the subscriptions changed since the last sync. */
    public static Object[] subscriptionsSinceParams(long sinceMs) {
        return new Object[] {Json.object().put("$date", sinceMs)};
    }

    public static String subscriptionsSincePath(long sinceMs) {
        return SUBSCRIPTIONS_GET_PATH + "?updatedSince=" + RestClient.encode(Instant.ofEpochMilli(sinceMs).toString());
    }

    /**
     * The oldest {@code ts} of a page of history ({@code loadHistory}'s {@code {messages}}), or 0 when the page is
     * empty (the start of the room).
     */
    public static long oldestTs(JsonNode page) {
        long oldest = 0;
        for (JsonNode m : page.path("messages")) {
            long ts = m.path("ts").path("$date").asLong(0);
            if (ts > 0 && (oldest == 0 || ts < oldest)) {
                oldest = ts;
            }
        }
        return oldest;
    }

    /**
     * The delta sync's answer: {@code {update: [...], remove: [...]}} (or a plain list).
     *
     * @throws RocketChatException unless it is one of those
     */
    public static JsonNode subscriptions(JsonNode result) {
        if (result == null || !(result.isArray() || result.path("update").isArray())) {
            throw new RocketChatException(0, null, "subscriptions/get answered neither a list nor {update, remove}");
        }
        return result;
    }

    /**
     * {@code getThreadMessages}' answer: a list (the parent first, then replies).
     *
     * @throws RocketChatException unless it is a list
     */
    public static JsonNode threadMessages(JsonNode result, String tmid) {
        if (result == null || !result.isArray()) {
            throw new RocketChatException(0, null, "getThreadMessages of " + tmid + " answered no list");
        }
        return result;
    }
}
