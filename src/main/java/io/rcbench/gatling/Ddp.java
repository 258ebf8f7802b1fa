package io.rcbench.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.Session;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.LoginRequests;
import io.rcbench.ddp.client.DdpClient;
import io.rcbench.ddp.client.DdpClientConfig;
import io.rcbench.ddp.client.DisconnectReason;
import io.rcbench.rocketchat.ChatMethods;
import io.rcbench.rocketchat.WebClientSubscriptions;
import io.rcbench.run.ErrorReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The DDP action set of the Gatling Java DSL: connect, login, subscribe, call, send, typing, await event, close.
 * Each is a measured {@link StepActionBuilder} on rcbench's DDP client, whose channels run on Gatling's own event
 * loops (each client pinned to its virtual user's loop). The client lives in the session under {@link #CLIENT};
 * login stores the user id and token under {@link #UID} and {@link #TOKEN} (also used by the REST requests).
 */
public final class Ddp {
    public static final String CLIENT = "rcb.ddp";
    public static final String UID = "rcb.uid";
    public static final String TOKEN = "rcb.token";
    public static final String USERNAME = "rcb.username";

    private Ddp() {
    }

    /** Opens a DDP session to the run's target ({@code /websocket}); counts disconnects it did not ask for. */
    public static StepActionBuilder connect() {
        return StepActionBuilder.withContext("connect", ctx -> {
            RunContext run = RunContext.current();
            return s -> open(run, ctx, s);
        });
    }

    /** {@link #connect()}'s work, for steps that connect as one part of a longer sequence (a client's login). */
    static CompletableFuture<Session> open(RunContext run, io.gatling.core.structure.ScenarioContext ctx, Session s) {
        // an http(s) root: the client speaks ws(s) and adds /websocket
        DdpClientConfig config = DdpClientConfig.of(run.plan().baseUrl())
            .withCallTimeout(run.plan().actionTimeout());
        DdpClient client = run.ddpClients(ctx.coreComponents().eventLoopGroup())
            .newClient(config, s.asScala().eventLoop());
        client.onConnectionChange(new io.rcbench.ddp.client.ConnectionListener() {
            @Override
            public void disconnected(DisconnectReason reason, int closeCode, String detail, boolean willReconnect) {
                run.metrics().connectedUsers().decrementAndGet();
                if (reason != DisconnectReason.CLIENT_CLOSE) {
                    run.metrics().counters().error(ErrorReason.DISCONNECTED);
                }
            }

            @Override
            public void reconnected(int count) {
                run.metrics().connectedUsers().incrementAndGet();
            }
        });
        return client.connect().thenApply(sessionId -> {
            run.metrics().connectedUsers().incrementAndGet();
            return s.set(CLIENT, client);
        });
    }


    /** DDP {@code login} with the SHA-256 digest of the password, as the web client sends it. */
    public static StepActionBuilder login(Function<Session, String> username, Function<Session, String> password) {
        return StepActionBuilder.withContext("login", ctx -> s -> {
            String user = username.apply(s);
            return invoke(s, "login", LoginRequests.password(user, password.apply(s))).thenApply(r -> {
                JsonNode result = ChatMethods.loggedIn(r.tree());
                return s.set(UID, result.path("id").asText()).set(TOKEN, result.path("token").asText())
                    .set(USERNAME, user);
            });
        });
    }

    /** DDP {@code login} with the resume token of an earlier login (a client coming back); measured as login. */
    public static StepActionBuilder resume() {
        return resume("login");
    }

    /** {@link #resume()} measured under {@code name} (after a REST login, the DDP resume is not the login). */
    public static StepActionBuilder resume(String name) {
        return StepActionBuilder.withContext(name, ctx -> s -> {
            return invoke(s, "login", LoginRequests.resume(s.getString(TOKEN)))
                .thenApply(r -> s.set(TOKEN, ChatMethods.loggedIn(r.tree()).path("token").asText()));
        });
    }

    /** Subscribes to every publication in {@code subs} and completes when all are ready. */
    public static StepActionBuilder subscribeAll(String name,
                                                 Function<Session, List<WebClientSubscriptions.Sub>> subs) {
        return StepActionBuilder.withContext(name, ctx -> s -> {
            DdpClient c = client(s);
            CompletableFuture<?>[] ready = subs.apply(s).stream()
                .map(sub -> ready(s, c.subscribe(sub.name(), toArray(sub.params()))))
                .toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(ready).thenApply(v -> s);
        });
    }

    /** Calls {@code method}; measured under the method's name; the result is kept under {@code saveAs} if given. */
    public static StepActionBuilder call(String method, Function<Session, Object[]> params, String saveAs) {
        return StepActionBuilder.withContext(method, ctx -> s -> invoke(s, method, params.apply(s))
            .thenApply(r -> saveAs == null ? s : s.set(saveAs, r.tree())));
    }

    /** {@code sendMessage} with a client-chosen {@code _id} (idempotent on the server). */
    public static StepActionBuilder send(Function<Session, String> rid, Function<Session, String> text) {
        return StepActionBuilder.withContext(ChatMethods.SEND_MESSAGE, ctx -> s -> {
            String id = io.rcbench.ddp.RandomId.id();
            return client(s).call(ChatMethods.SEND_MESSAGE, ChatMethods.sendMessageParams(id, rid.apply(s), text.apply(s)))
                .thenApply(r -> {
                    ChatMethods.sentMessage(r.tree(), id);
                    return s;
                });
        });
    }

    /** Typing in a room: {@code stream-notify-room <rid>/user-activity [username, ["user-typing"], {}]}. */
    public static StepActionBuilder typing(Function<Session, String> rid) {
        return call(ChatMethods.TYPING_METHOD, s -> ChatMethods.typingParams(rid.apply(s), s.getString(USERNAME), true),
            null).named("typing");
    }

    /** Closes the session (logout is implied: the server drops the connection's login). */
    public static StepActionBuilder close() {
        return StepActionBuilder.withContext("close", ctx -> s -> {
            DdpClient c = s.get(CLIENT);
            if (c == null) {
                return CompletableFuture.completedFuture(s);
            }
            return c.close().thenApply(v -> s.remove(CLIENT));
        });
    }

    /**
     * Calls {@code method} on the session's client for the running action, which is timed on the wire: from the
     * call's frame leaving the socket to its result being read ({@link WireTimes}).
     */
    static CompletableFuture<io.rcbench.ddp.codec.RawJson> invoke(Session s, String method, Object... params) {
        return WireTimes.of(s).call(client(s), method, params);
    }

    /** {@code sub}'s ready, timed on the wire for the running action like {@link #invoke}. */
    static CompletableFuture<Void> ready(Session s, io.rcbench.ddp.client.Subscription sub) {
        return WireTimes.of(s).ready(sub);
    }

    static DdpClient client(Session s) {
        DdpClient c = s.get(CLIENT);
        if (c == null) {
            throw new Failures.ActionFailure(ErrorReason.DISCONNECTED, "not connected");
        }
        return c;
    }

    static Object[] toArray(com.fasterxml.jackson.databind.node.ArrayNode params) {
        Object[] out = new Object[params.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = params.get(i);
        }
        return out;
    }

}
