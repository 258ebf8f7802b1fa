package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The REST forms of a user's actions (protocol section 5): login / logout / me, {@code chat.sendMessage} with a
 * client {@code _id}, {@code channels.join}, {@code channels.history}, {@code subscriptions.read}, and
 * {@code /api/info}. Stateless over its {@link RestClient}; thread-safe; every method is asynchronous.
 */
public final class RestActions {
    private final RestClient rest;

    public RestActions(RestClient rest) {
        this.rest = rest;
    }

    public RestClient client() {
        return rest;
    }

    /** {@code GET /api/info}: the version spoken and whether this is rcbench's embedded workspace. */
    public CompletableFuture<ServerInfo> info() {
        return rest.getAsync("/api/info").thenApply(r -> ServerInfo.fromJson(r.body()));
    }

    /** {@code POST /api/v1/login} with a username (or email) and plain password; the token to resume with. */
    public CompletableFuture<Credentials> login(String user, String password) {
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("login needs a username and a password");
        }
        return rest.postAsync("/api/v1/login", Json.object().put("user", user).put("password", password)).thenApply(r -> {
            JsonNode data = r.body().path("data");
            String uid = Json.text(data, "userId");
            String token = Json.text(data, "authToken");
            if (uid == null || token == null) {
                throw new RocketChatException(r.status(), null, "POST /api/v1/login answered without userId/authToken:"
                    + " is the base URL a Rocket.Chat server?");
            }
            return new Credentials(uid, Json.text(data.path("me"), "username"), token);
        });
    }

    /** {@code POST /api/v1/logout}: revokes this client's token. */
    public CompletableFuture<Void> logout() {
        return rest.postAsync("/api/v1/logout", Json.object()).thenApply(r -> null);
    }

    /** {@code GET /api/v1/me}: the logged-in user's document. */
    public CompletableFuture<JsonNode> me() {
        return rest.getAsync("/api/v1/me").thenApply(RestReply::body);
    }

    /**
     * {@code POST /api/v1/chat.sendMessage} with the client-chosen {@code messageId} (so a retry cannot double-post).
     * Completes with the stored message; fails with errorType {@code message-not-inserted} when the server
     * inserted nothing (that id exists already, or a swallowed failure).
     */
    public CompletableFuture<JsonNode> sendMessage(String rid, String messageId, String text) {
        return rest.postAsync(ChatMethods.SEND_MESSAGE_PATH, ChatMethods.sendMessageBody(messageId, rid, text))
            .thenApply(r -> ChatMethods.sentMessageOverRest(r.body(), messageId));
    }

    /** {@code POST /api/v1/channels.join}: joins a public channel; completes with the room document. */
    public CompletableFuture<JsonNode> joinChannel(String rid) {
        return rest.postAsync("/api/v1/channels.join", Json.object().put("roomId", rid)).thenApply(r -> r.body().path("channel"));
    }

    /** {@code GET /api/v1/channels.history}: the newest {@code count} messages of a public channel, newest first. */
    public CompletableFuture<List<JsonNode>> history(String rid, int count) {
        return history(rid, "c", count);
    }

    /**
     * The newest {@code count} messages of room {@code rid} of {@code type} ({@code c}, {@code p}, {@code d}), newest
     * first, from its type's route: Rocket.Chat refuses {@code channels.history} for a private group, so groups use
     * {@code groups.history} and direct messages {@code im.history}.
     */
    public CompletableFuture<List<JsonNode>> history(String rid, String type, int count) {
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("history count must be 1..1000");
        }
        return rest.getAsync("/api/v1/" + WebClientLogin.restPrefix(type) + ".history?roomId=" + RestClient.encode(rid)
            + "&count=" + count).thenApply(r -> {
            List<JsonNode> out = new ArrayList<>();
            r.body().path("messages").forEach(out::add);
            return out;
        });
    }

    /** {@code POST /api/v1/subscriptions.read}: marks the room read for this user. */
    public CompletableFuture<Void> markRead(String rid) {
        return rest.postAsync("/api/v1/subscriptions.read", Json.object().put("rid", rid)).thenApply(r -> null);
    }
}
