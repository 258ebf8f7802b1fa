package io.rcbench.workspace.ddp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.fault.Faults;
import io.rcbench.workspace.limit.DdpRateLimiter;
import io.rcbench.workspace.metrics.WorkspaceMetrics;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DDP protocol state machine of the server (protocol sections 1.2-1.5): the handshake, heartbeats,
 * methods and subscriptions, with Meteor's protocol errors. {@link #onText} is called on the connection's
 * I/O thread; methods and subs go through the session's ordered inbox onto workers. Thread-safe.
 */
public final class DdpDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(DdpDispatcher.class);
    private static final List<String> SUPPORTED = List.of("1", "pre2", "pre1");
    private final MethodRegistry methods;
    private final Publications publications;
    private final SessionRegistry sessions;
    private final DdpRateLimiter limiter;
    private final Faults faults;
    private final WorkspaceMetrics metrics;
    private final Executor workers;
    private final ScheduledExecutorService timer;

    public DdpDispatcher(MethodRegistry methods, Publications publications, SessionRegistry sessions, DdpRateLimiter limiter,
                         Faults faults, WorkspaceMetrics metrics, Executor workers, ScheduledExecutorService timer) {
        this.methods = methods;
        this.publications = publications;
        this.sessions = sessions;
        this.limiter = limiter;
        this.faults = faults;
        this.metrics = metrics;
        this.workers = workers;
        this.timer = timer;
    }

    /** A new connection: the session the transport will feed. */
    public DdpSession open(DdpSession.Transport transport, String clientAddress) {
        DdpSession s = new DdpSession(transport, clientAddress, workers);
        sessions.opened(s);
        return s;
    }

    /** The connection is gone: its subscriptions stop, its user may go offline. */
    public void closed(DdpSession s) {
        publications.closeAll(s);
        sessions.closed(s);
    }

    /** One inbound DDP text frame. */
    public void onText(DdpSession s, String text) {
        JsonNode msg;
        try {
            msg = Json.parse(text);
        } catch (IllegalArgumentException e) {
            s.sendProtocolError("Parse error", null);
            return;
        }
        if (!msg.isObject() || !msg.path("msg").isTextual()) {
            s.sendProtocolError("Bad request", msg);
            return;
        }
        String type = msg.get("msg").asText();
        if (!s.isConnected()) {
            if (type.equals("connect")) {
                connect(s, msg);
            } else {
                s.sendProtocolError("Must connect first", msg);
            }
            return;
        }
        switch (type) {
            case "connect" -> s.sendProtocolError("Already connected", msg);
            case "ping" -> ping(s, msg);
            case "pong" -> { }
            case "method" -> {
                long received = System.nanoTime();
                s.inbox().submit(() -> delayed(Json.text(msg, "method"), () -> method(s, msg, received)));
            }
            case "sub" -> s.inbox().submit(() -> delayed(null, () -> sub(s, msg)));
            case "unsub" -> s.inbox().submit(() -> delayed(null, () -> unsub(s, msg)));
            default -> s.sendProtocolError("Bad request", msg);
        }
    }

    private void connect(DdpSession s, JsonNode msg) {
        JsonNode version = msg.get("version");
        JsonNode support = msg.get("support");
        boolean valid = version != null && version.isTextual() && support != null && support.isArray();
        if (valid) {
            for (JsonNode v : support) {
                valid &= v.isTextual();
            }
        }
        String proposed = valid ? version.asText() : null;
        String best = SUPPORTED.get(0);
        if (valid) {
            for (JsonNode v : support) {
                if (SUPPORTED.contains(v.asText())) {
                    best = v.asText();
                    break;
                }
            }
        }
        if (!valid || !containsText(support, proposed) || !best.equals(proposed)) {
            s.send(Json.object().put("msg", "failed").put("version", best));
            s.close(1002, "DDP version negotiation failed");
            return;
        }
        s.markConnected();
        s.send(Json.object().put("msg", "connected").put("session", s.id()));
    }

    private static boolean containsText(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private void ping(DdpSession s, JsonNode msg) {
        ObjectNode pong = Json.object().put("msg", "pong");
        if (msg.has("id")) {
            pong.set("id", msg.get("id"));
        }
        long stall = faults.stallRemainingMs(System.currentTimeMillis());
        if (stall > 0) {
            timer.schedule(() -> s.send(pong), stall, TimeUnit.MILLISECONDS);
        } else {
            s.send(pong);
        }
    }

    /** Runs {@code work} on a worker after the injected delay (stall remainder plus method latency). */
    private CompletionStage<?> delayed(String method, Runnable work) {
        long delayMicros = method == null
            ? faults.stallRemainingMs(System.currentTimeMillis()) * 1000
            : faults.methodDelayMicros(method, System.currentTimeMillis());
        if (delayMicros <= 0) {
            work.run();
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        timer.schedule(() -> workers.execute(() -> {
            try {
                work.run();
            } finally {
                done.complete(null);
            }
        }), delayMicros, TimeUnit.MICROSECONDS);
        return done;
    }

    private void method(DdpSession s, JsonNode msg, long receivedNanos) {
        String name = Json.text(msg, "method");
        String id = Json.text(msg, "id");
        JsonNode params = msg.has("params") ? msg.get("params") : Json.array();
        boolean seedOk = !msg.has("randomSeed") || msg.get("randomSeed").isTextual();
        if (name == null || id == null || !params.isArray() || !seedOk) {
            s.sendProtocolError("Malformed method invocation", msg);
            return;
        }
        long start = System.nanoTime();
        ObjectNode result = Json.object().put("msg", "result").put("id", id);
        try {
            JsonNode value = invoke(new MethodContext(s.user(), s.id(), s.clientAddress(), s), name, (ArrayNode) params);
            if (value != null) {
                result.set("result", value);
            }
        } catch (MeteorError e) {
            result.set("error", e.toJson());
        } catch (RuntimeException e) {
            LOG.warn("method {} failed", name, e);
            result.set("error", new MeteorError(500, "Internal server error").toJson());
        }
        metrics.method(name, true, s.user() != null, System.nanoTime() - start);
        // Monolith order: the write fence usually fires before the result is sent; clients must accept either.
        s.send(Json.object().put("msg", "updated").set("methods", Json.array().add(id)));
        s.send(result);
        metrics.responded(name, System.nanoTime() - receivedNanos);
    }

    /** Rate-limits and runs a method for DDP or REST {@code method.call}. */
    public JsonNode invoke(MethodContext ctx, String name, ArrayNode params) {
        limiter.check(new DdpRateLimiter.Call("method", name, ctx.user(), ctx.connectionId(), ctx.clientAddress()));
        DdpMethod m = methods.find(name).orElseThrow(() -> new MeteorError(404, "Method '" + name + "' not found"));
        return m.call(ctx, params);
    }

    private void sub(DdpSession s, JsonNode msg) {
        String id = Json.text(msg, "id");
        String name = Json.text(msg, "name");
        JsonNode params = msg.has("params") ? msg.get("params") : Json.array();
        if (id == null || name == null || !params.isArray()) {
            s.sendProtocolError("Malformed subscription", msg);
            return;
        }
        if (s.subscriptions().containsKey(id)) {
            return;
        }
        long start = System.nanoTime();
        try {
            limiter.check(new DdpRateLimiter.Call("subscription", name, s.user(), s.id(), s.clientAddress()));
            if (publications.subscribe(s, id, name, (ArrayNode) params)) {
                s.send(Json.object().put("msg", "ready").set("subs", Json.array().add(id)));
            } else {
                s.send(Json.object().put("msg", "nosub").put("id", id));
            }
        } catch (MeteorError e) {
            s.send(Json.object().put("msg", "nosub").put("id", id).set("error", e.toJson()));
        }
        metrics.subscription(name, System.nanoTime() - start);
    }

    private void unsub(DdpSession s, JsonNode msg) {
        String id = Json.text(msg, "id");
        if (id == null) {
            s.sendProtocolError("Malformed subscription", msg);
            return;
        }
        publications.unsubscribe(s, id);
        s.send(Json.object().put("msg", "nosub").put("id", id));
    }

    /** Logs out a session (the {@code logout} method). */
    public void logout(DdpSession s) {
        sessions.logout(s);
    }
}
