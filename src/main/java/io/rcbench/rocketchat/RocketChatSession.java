package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.RandomId;
import io.rcbench.ddp.client.DdpClient;
import io.rcbench.ddp.client.Deadline;
import io.rcbench.ddp.client.Registration;
import io.rcbench.ddp.client.StreamListener;
import io.rcbench.ddp.client.Subscription;
import io.rcbench.rocketchat.WebClientSubscriptions.Profile;
import io.rcbench.rocketchat.WebClientSubscriptions.Sub;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One logged-in Rocket.Chat user: a DDP session for events (and actions, when the transport is DDP) plus REST with
 * the same token. Opened by {@link RocketChatConnector}. After a dropped connection the DDP client reconnects, this
 * session logs in again with its resume token, and the client re-sends every active subscription.
 *
 * <p>Kept small for tens of thousands per JVM: no threads, no buffers, a handful of fields; the subscriptions live
 * in the DDP client. Methods may be called from any thread; futures complete on the session's event loop (DDP) or
 * the HttpClient's executor (REST) and fail with {@link RocketChatException}. Stream listeners run on the event
 * loop and must not block.
 */
public final class RocketChatSession implements AutoCloseable {
    /** How long subscriptions may take to be ready before the caller's future fails as a timeout. */
    static final java.time.Duration READY_TIMEOUT = java.time.Duration.ofSeconds(30);
    private final DdpClient ddp;
    private final ActionTransport transport;
    private volatile Credentials credentials;
    private volatile RestActions rest;

    RocketChatSession(DdpClient ddp, ActionTransport transport) {
        this.ddp = ddp;
        this.transport = transport;
    }

    /** Connects, logs in with {@code loginRequest} and installs the resume-on-reconnect hook. */
    CompletableFuture<RocketChatSession> start(JsonNode loginRequest, String username, RestClient anonymous) {
        return ddp.connect()
            .thenCompose(sid -> ddp.call("login", loginRequest))
            .handle((result, t) -> {
                if (t != null) {
                    ddp.close();
                    throw DdpFailures.translate("login of " + username, t);
                }
                JsonNode r;
                try {
                    r = ChatMethods.loggedIn(result.tree());
                } catch (RocketChatException e) {
                    ddp.close();
                    throw e;
                }
                String uid = Json.text(r, "id");
                String token = Json.text(r, "token");
                Credentials c = new Credentials(uid, username, token);
                credentials = c;
                rest = new RestActions(anonymous.withCredentials(c));
                ddp.onReconnect(this::resumeAfterReconnect);
                return this;
            });
    }

    /** The reconnect hook: a new DDP session knows nobody until it is told the token again. */
    private CompletionStage<?> resumeAfterReconnect(DdpClient client) {
        return client.call("login", io.rcbench.ddp.LoginRequests.resume(credentials.authToken()));
    }

    public Credentials credentials() {
        return credentials;
    }

    public String userId() {
        return credentials.userId();
    }

    public ActionTransport transport() {
        return transport;
    }

    /** REST with this session's token (uploads, admin calls as this user, anything not wrapped here). */
    public RestClient rest() {
        return rest.client();
    }

    /** Completed reconnects of the DDP connection (each one: new session, login resume, subscriptions again). */
    public int reconnects() {
        return ddp.reconnects();
    }

    public boolean isConnected() {
        return ddp.isConnected();
    }

    // ------------------------------------------------------------------ actions

    /**
     * Sends {@code text} to room {@code rid} with a fresh client {@code _id} (Meteor's Random.id form): DDP
     * {@code sendMessage} or REST {@code chat.sendMessage}. Completes with the stored message; fails with errorType
     * {@code message-not-inserted} when the server inserted nothing.
     */
    public CompletableFuture<JsonNode> sendMessage(String rid, String text) {
        return sendMessage(rid, RandomId.id(), text);
    }

    /** As {@link #sendMessage(String, String)} with a caller-chosen {@code _id} (a retry reuses it). */
    public CompletableFuture<JsonNode> sendMessage(String rid, String messageId, String text) {
        if (transport == ActionTransport.REST) {
            return rest.sendMessage(rid, messageId, text);
        }
        return call("sendMessage", ChatMethods.SEND_MESSAGE, ChatMethods.sendMessageParams(messageId, rid, text))
            .thenApply(m -> ChatMethods.sentMessage(m, messageId));
    }

    /**
     * Starts or stops the typing indicator in {@code rid}: a write to {@code stream-notify-room <rid>/user-activity}
     * with this user's username (always DDP; Rocket.Chat has no REST form).
     */
    public CompletableFuture<Void> typing(String rid, boolean on) {
        return call("typing", ChatMethods.TYPING_METHOD, ChatMethods.typingParams(rid, credentials.username(), on))
            .thenApply(r -> null);
    }

    /** Joins a public room: DDP {@code joinRoom} or REST {@code channels.join}. */
    public CompletableFuture<Void> joinRoom(String rid) {
        if (transport == ActionTransport.REST) {
            return rest.joinChannel(rid).thenApply(r -> null);
        }
        return call("joinRoom", "joinRoom", rid).thenApply(r -> null);
    }

    /**
     * The newest {@code count} messages of {@code rid}, newest first: DDP {@code loadHistory(rid, null, count, now)}
     * as the web client calls it, or REST {@code channels.history}.
     */
    public CompletableFuture<List<JsonNode>> loadHistory(String rid, int count) {
        if (transport == ActionTransport.REST) {
            return rest.history(rid, count);
        }
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("history count must be 1..1000");
        }
        return call("loadHistory", "loadHistory", rid, null, count, Instant.now()).thenApply(r -> {
            List<JsonNode> out = new ArrayList<>();
            ChatMethods.history(r, rid).path("messages").forEach(out::add);
            return out;
        });
    }

    /**
     * As {@link #loadHistory(String, int)} for a room of {@code type} ({@code c}, {@code p}, {@code d}): over REST
     * from its type's route ({@code channels|groups|im.history}; Rocket.Chat refuses channels.history for groups).
     */
    public CompletableFuture<List<JsonNode>> loadHistory(String rid, String type, int count) {
        return transport == ActionTransport.REST ? rest.history(rid, type, count) : loadHistory(rid, count);
    }

    /** Marks {@code rid} read: DDP {@code readMessages} or REST {@code subscriptions.read}. */
    public CompletableFuture<Void> read(String rid) {
        if (transport == ActionTransport.REST) {
            return rest.markRead(rid);
        }
        return call("readMessages", "readMessages", rid).thenApply(r -> null);
    }

    /** Logs out (DDP {@code logout} or REST) and closes the session. */
    public CompletableFuture<Void> logout() {
        CompletableFuture<Void> out = transport == ActionTransport.REST ? rest.logout()
            : call("logout", "logout").thenApply(r -> null);
        return out.whenComplete((v, t) -> ddp.close());
    }

    // ------------------------------------------------------------------ subscriptions and events

    /**
     * Opens the subscriptions a client of {@code profile} opens after login (web: 35, section 4.7). Completes with
     * their number when all are ready; they are re-sent after every reconnect.
     */
    public CompletableFuture<Integer> subscribeAfterLogin(Profile profile) {
        return subscribeAll(WebClientSubscriptions.afterLogin(profile, credentials.userId()));
    }

    /** Opens room {@code rid} as the client does: its message stream and room notifications (web: 4 subs). */
    public CompletableFuture<Integer> openRoom(Profile profile, String rid) {
        return subscribeAll(WebClientSubscriptions.perRoom(profile, rid));
    }

    /**
     * Watches the presence of {@code userIds} ({@code stream-user-presence}). The first call opens the watch set;
     * later calls change it and the server stops those subs at once, so their futures fail with a nosub that is
     * expected. After a reconnect only the first watch set is restored.
     */
    public CompletableFuture<Void> watchPresence(Collection<String> userIds) {
        Sub s = WebClientSubscriptions.presence(userIds, Set.of());
        return ready("presence", send(ddp, s));
    }

    private CompletableFuture<Integer> subscribeAll(List<Sub> subs) {
        List<Subscription> sent = subs.stream().map(s -> send(ddp, s)).toList();
        return allReady(ddp, sent, "subscriptions").thenApply(v -> sent.size());
    }

    private CompletableFuture<Void> ready(String what, Subscription s) {
        return allReady(ddp, List.of(s), what);
    }

    /** Sends {@code s} on {@code ddp} with its params as they are. */
    static Subscription send(DdpClient ddp, Sub s) {
        Object[] params = new Object[s.params().size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = s.params().get(i);
        }
        return ddp.subscribe(s.name(), params);
    }

    /**
     * Completes when every one of {@code subs} is ready; fails, translated under {@code what}, when one fails or
     * {@link #READY_TIMEOUT} passes: a publication that never says ready must not hold the caller forever (the
     * subscriptions themselves are kept).
     */
    static CompletableFuture<Void> allReady(DdpClient ddp, List<Subscription> subs, String what) {
        CompletableFuture<?>[] ready = subs.stream().map(Subscription::ready).toArray(CompletableFuture<?>[]::new);
        return Deadline.within(CompletableFuture.allOf(ready), READY_TIMEOUT, ddp.eventLoop()).handle((v, t) -> {
            if (t != null) {
                throw DdpFailures.translate(what, t);
            }
            return null;
        });
    }

    /** Listens to new and changed messages of room {@code rid} (needs {@link #openRoom}); args = [message]. */
    public Registration onRoomMessage(String rid, StreamListener listener) {
        return ddp.onStream(WebClientSubscriptions.ROOM_MESSAGES, rid, listener);
    }

    /** Listens to {@code stream-notify-user <uid>/<event>} ("message", "notification", "rooms-changed"...). */
    public Registration onNotifyUser(String event, StreamListener listener) {
        return ddp.onStream(WebClientSubscriptions.NOTIFY_USER, credentials.userId() + "/" + event, listener);
    }

    /** Listens to presence changes of watched users; the event's eventName is the user id. */
    public Registration onPresence(StreamListener listener) {
        return ddp.onStream(WebClientSubscriptions.PRESENCE, null, listener);
    }

    /** Listens to any stream event (null eventName: all events of the stream). */
    public Registration onStream(String stream, String eventName, StreamListener listener) {
        return ddp.onStream(stream, eventName, listener);
    }

    /** Active DDP subscriptions; exact only on the session's event loop. */
    public int subscriptions() {
        return ddp.subscriptions();
    }

    // ------------------------------------------------------------------ plumbing

    private CompletableFuture<JsonNode> call(String what, String method, Object... params) {
        return ddp.call(method, params).handle((r, t) -> {
            if (t != null) {
                throw DdpFailures.translate(what, t);
            }
            return r.tree();
        });
    }

    /** Closes the DDP connection (no logout: the token stays valid). */
    @Override
    public void close() {
        ddp.close();
    }

    /** Completes when the DDP connection is closed for good. */
    public CompletableFuture<Void> closeFuture() {
        return ddp.closeFuture();
    }

    @Override
    public String toString() {
        Credentials c = credentials;
        return "RocketChatSession[" + (c == null ? "not logged in" : c.username()) + ", " + transport + ", " + ddp.state() + "]";
    }
}
