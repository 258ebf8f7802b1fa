package io.rcbench.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.service.Accounts;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One smoke user: a DDP connection that calls methods by id and hands room-message events to a listener.
 * Callbacks run on Java-WebSocket's read thread.
 */
final class SmokeUser implements AutoCloseable {
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final Consumer<JsonNode> onRoomMessage;
    private final WebSocketClient ws;

    SmokeUser(URI websocket, Consumer<JsonNode> onRoomMessage) {
        this.onRoomMessage = onRoomMessage;
        this.ws = new WebSocketClient(websocket) {
            @Override
            public void onOpen(ServerHandshake h) {
                send("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\",\"pre2\",\"pre1\"]}");
            }

            @Override
            public void onMessage(String text) {
                handle(Json.parse(text));
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                IllegalStateException gone = new IllegalStateException("disconnected: " + code + " " + reason);
                connected.completeExceptionally(gone);
                pending.values().forEach(f -> f.completeExceptionally(gone));
            }

            @Override
            public void onError(Exception ex) {
            }
        };
    }

    private void handle(JsonNode f) {
        switch (f.path("msg").asText()) {
            case "connected" -> connected.complete(null);
            case "ping" -> ws.send(f.has("id") ? "{\"msg\":\"pong\",\"id\":" + f.get("id") + "}" : "{\"msg\":\"pong\"}");
            case "result", "ready", "nosub" -> {
                String id = f.has("subs") ? f.get("subs").get(0).asText() : f.path("id").asText();
                CompletableFuture<JsonNode> p = pending.remove(id);
                if (p != null) {
                    p.complete(f);
                }
            }
            case "changed" -> {
                if ("stream-room-messages".equals(f.path("collection").asText())) {
                    onRoomMessage.accept(f.path("fields").path("args").path(0));
                }
            }
            default -> { }
        }
    }

    void open() throws Exception {
        // Java-WebSocket leaves Nagle on; small DDP frames would then wait for ACKs and inflate latency.
        ws.setTcpNoDelay(true);
        ws.connectBlocking(10, TimeUnit.SECONDS);
        connected.get(10, TimeUnit.SECONDS);
    }

    /** Sends a method call; the future completes with the result frame. */
    CompletableFuture<JsonNode> call(String method, JsonNode... params) {
        String id = Long.toString(ids.incrementAndGet());
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode frame = Json.object().put("msg", "method").put("method", method).put("id", id);
        var p = frame.putArray("params");
        for (JsonNode n : params) {
            p.add(n);
        }
        ws.send(Json.write(frame));
        return f;
    }

    CompletableFuture<JsonNode> subscribe(String name, String eventName) {
        String id = "s" + ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode frame = Json.object().put("msg", "sub").put("id", id).put("name", name);
        frame.putArray("params").add(eventName).add(Json.object().put("useCollection", false).set("args", Json.array()));
        ws.send(Json.write(frame));
        return f;
    }

    JsonNode login(String username, String password) throws Exception {
        ObjectNode req = Json.object();
        req.set("user", Json.object().put("username", username));
        req.set("password", Json.object().put("digest", Accounts.sha256Hex(password)).put("algorithm", "sha-256"));
        return call("login", req).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        ws.closeBlocking();
    }
}
