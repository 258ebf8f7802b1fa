package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;

/**
 * Each Rocket.Chat user action built once: the DDP parameters and REST bodies as the web client sends them, and the
 * check of what the server answered. {@link RocketChatSession}, {@link RestActions} and the Gatling actions all go
 * through here, so a result rcbench's own client refuses is never counted as a success by a simulated user.
 *
 * <p>The checks throw {@link RocketChatException} with the errorType Rocket.Chat would use; they never return
 * null. Stateless; any thread.
 */
public final class ChatMethods {
    /** The DDP method a message is sent with. */
    public static final String SEND_MESSAGE = "sendMessage";
    /** The REST route a message is sent with (Rocket.Chat 9 clients). */
    public static final String SEND_MESSAGE_PATH = "/api/v1/chat.sendMessage";
    /** The DDP method the typing indicator is written with. */
    public static final String TYPING_METHOD = "stream-notify-room";
    /** The errorType of a send the server did not insert. */
    public static final String NOT_INSERTED = "message-not-inserted";
    private static final ArrayNode TYPING = Json.array().add("user-typing");

    private ChatMethods() {
    }

    /** The message document of a send: the client-chosen {@code _id} makes a retry idempotent on the server. */
    public static ObjectNode message(String messageId, String rid, String text) {
        return Json.object().put("_id", messageId).put("rid", rid).put("msg", text);
    }

    /** The DDP {@code sendMessage} parameters: the message document alone. */
    public static Object[] sendMessageParams(String messageId, String rid, String text) {
        return new Object[] {message(messageId, rid, text)};
    }

    /** The REST {@code chat.sendMessage} body: {@code {"message": {...}}}. */
    public static ObjectNode sendMessageBody(String messageId, String rid, String text) {
        return Json.object().set("message", message(messageId, rid, text));
    }

    /**
     * The stored message of a DDP {@code sendMessage} result. Rocket.Chat answers nothing (or {@code false}) when it
     * inserted nothing: the {@code _id} exists already, or a failure was swallowed into an ephemeral message to the
     * sender. That is a failed send, never a success.
     *
     * @throws RocketChatException errorType {@link #NOT_INSERTED} unless the result is a message document
     */
    public static JsonNode sentMessage(JsonNode result, String messageId) {
        if (result == null || !result.isObject() || !result.hasNonNull("_id")) {
            throw notInserted(messageId);
        }
        return result;
    }

    /** As {@link #sentMessage} for a REST {@code chat.sendMessage} reply body ({@code {"message": {...}, "success"}}). */
    public static JsonNode sentMessageOverRest(JsonNode body, String messageId) {
        return sentMessage(body == null ? null : body.get("message"), messageId);
    }

    /** True when a REST {@code chat.sendMessage} reply body carries the stored message (a check for Gatling). */
    public static boolean insertedOverRest(String body) {
        try {
            sentMessageOverRest(Json.parse(body), "?");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A REST document's timestamp in epoch ms: ISO-8601 as REST answers carry it ({@code 2026-01-02T03:04:05.678Z}),
     * or EJSON {@code {"$date": ms}}; 0 when it is neither.
     */
    public static long restTimestamp(String ts) {
        if (ts == null || ts.isBlank()) {
            return 0;
        }
        try {
            return ts.startsWith("{") ? Json.parse(ts).path("$date").asLong(0) : java.time.Instant.parse(ts).toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static RocketChatException notInserted(String messageId) {
        return new RocketChatException(0, NOT_INSERTED, "message " + messageId + " was not inserted: a message with"
            + " that _id exists already (a retry), or the server swallowed a failure (see the user's ephemeral messages)");
    }

    /**
     * The typing indicator: {@code stream-notify-room} with {@code [<rid>/user-activity, username, activity, {}]},
     * activity {@code ["user-typing"]} to start and {@code []} to stop.
     */
    public static Object[] typingParams(String rid, String username, boolean typing) {
        return new Object[] {rid + "/user-activity", username, typing ? TYPING.deepCopy() : Json.array(), Json.object()};
    }

    /**
     * {@code loadHistory}'s result: Rocket.Chat answers {@code false} (or nothing) when the user may not read the room.
     *
     * @throws RocketChatException errorType {@code error-not-allowed} unless the result is an object
     */
    public static JsonNode history(JsonNode result, String rid) {
        if (result == null || !result.isObject()) {
            throw new RocketChatException(0, "error-not-allowed", "loadHistory of " + rid
                + " answered false: the user cannot read this room; join it first or check the room id");
        }
        return result;
    }

    /**
     * A DDP {@code login} result: its user id and token.
     *
     * @throws RocketChatException when either is missing (not a Rocket.Chat server, or an incomplete answer)
     */
    public static JsonNode loggedIn(JsonNode result) {
        if (result == null || Json.text(result, "id") == null || Json.text(result, "token") == null) {
            throw new RocketChatException(0, null, "DDP login answered without id/token: is this a Rocket.Chat server?");
        }
        return result;
    }
}
