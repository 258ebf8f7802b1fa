package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.client.DdpClient;
import io.rcbench.ddp.client.Subscription;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The calls one client makes, each timed under its own metric name through a {@link CallTimer}: REST GET/POST,
 * Rocket.Chat's {@code method.call} / {@code method.callAnon} (a DDP method carried over REST, as the web client sends
 * them), a DDP method, and a set of DDP subscriptions. A value per client; thread-safe; every call is asynchronous
 * and its future fails with what the call failed with (a method error inside a 200 {@code method.call} answer too).
 */
public final class ClientCalls {
    private final RestClient rest;
    private final DdpClient ddp;
    private final CallTimer timer;

    /**
     * @param rest  REST as this user (anonymous before login)
     * @param ddp   the client's DDP connection (streams; methods only where a sequence says so)
     * @param timer where each call's time goes
     */
    public ClientCalls(RestClient rest, DdpClient ddp, CallTimer timer) {
        this.rest = rest;
        this.ddp = ddp;
        this.timer = timer;
    }

    /** The same client, authenticated as {@code c}. */
    public ClientCalls as(Credentials c) {
        return new ClientCalls(rest.withCredentials(c), ddp, timer);
    }

    public RestClient rest() {
        return rest;
    }

    public DdpClient ddp() {
        return ddp;
    }

    /** {@code GET path}: the JSON body. */
    public CompletableFuture<JsonNode> get(String metric, String path) {
        return timed(metric, () -> rest.getAsync(path).thenApply(RestReply::body));
    }

    /** {@code POST path} with a JSON body: the JSON answer. */
    public CompletableFuture<JsonNode> post(String metric, String path, JsonNode body) {
        return timed(metric, () -> rest.postAsync(path, body).thenApply(RestReply::body));
    }

    /**
     * {@code POST /api/v1/method.call/<method>} ({@code method.callAnon} when not logged in): the method's result.
     * (The URL segment is the method with {@code /} as {@code :}, as the web client sends it.)
     * Fails with the method's error (errorType = its {@code error}) even though the HTTP answer is 200.
     */
    public CompletableFuture<JsonNode> method(String metric, String method, JsonNode... params) {
        ArrayNode p = Json.array();
        for (JsonNode n : params) {
            p.add(n);
        }
        String route = rest.credentials().isPresent() ? "/api/v1/method.call/" : "/api/v1/method.callAnon/";
        JsonNode body = Json.object().put("message", Json.write(Json.object().put("msg", "method").put("id", "1")
            .put("method", method).set("params", p)));
        // the URL names the method as the web client's ddpOverREST does ('/' as ':'); the server reads the frame
        return timed(metric, () -> rest.postAsync(route + RestClient.encode(method.replace('/', ':')), body)
            .thenApply(r -> methodResult(method, r.body())));
    }

    /** A DDP method on the client's connection: its result. */
    public CompletableFuture<JsonNode> ddpMethod(String metric, String method, Object... params) {
        return timed(metric, () -> ddp.call(method, params).handle((r, t) -> {
            if (t != null) {
                throw DdpFailures.translate(method, t);
            }
            return r.tree();
        }));
    }

    /** Sends every subscription of {@code subs} at once; completes when all are ready (timed as one call). */
    public CompletableFuture<List<Subscription>> subscribe(String metric, List<WebClientSubscriptions.Sub> subs) {
        return timed(metric, () -> {
            List<Subscription> sent = subs.stream().map(s -> RocketChatSession.send(ddp, s)).toList();
            return RocketChatSession.allReady(ddp, sent, metric).thenApply(v -> sent);
        });
    }

    /** Runs {@code call} and reports its time and outcome under {@code metric}; a call that throws fails its future. */
    public <T> CompletableFuture<T> timed(String metric, Supplier<CompletableFuture<T>> call) {
        long start = System.nanoTime();
        CompletableFuture<T> f;
        try {
            f = call.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.whenComplete((v, t) -> timer.timed(metric, start, System.nanoTime(), t));
    }

    /** The {@code result} inside a method.call answer's {@code message}; its {@code error} as an exception. */
    static JsonNode methodResult(String method, JsonNode body) {
        JsonNode message = Json.parse(body.path("message").asText("{}"));
        JsonNode error = message.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            String type = error.path("error").asText(null);
            throw new RocketChatException(200, type, "method.call " + method + " answered an error: "
                + error.path("reason").asText(error.path("message").asText(type)));
        }
        return message.path("result");
    }
}
