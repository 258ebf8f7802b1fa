package io.rcbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.service.Accounts;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A deliberately plain DDP client for tests: Java-WebSocket's threaded client over a real socket, every
 * inbound frame kept in order so tests can assert on exactly what the server sent.
 */
public final class DdpTestClient implements AutoCloseable {
    private final BlockingQueue<String> inbound = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final WebSocketClient ws;
    private volatile int closeCode = -1;

    public DdpTestClient(URI uri) throws InterruptedException {
        ws = new WebSocketClient(uri) {
            @Override
            public void onOpen(ServerHandshake h) {
            }

            @Override
            public void onMessage(String message) {
                inbound.add(message);
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                closeCode = code;
            }

            @Override
            public void onError(Exception ex) {
            }
        };
        if (!ws.connectBlocking(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("cannot open " + uri);
        }
    }

    public static DdpTestClient connect(Workspace w) throws InterruptedException {
        return connect(w.port());
    }

    /** Connects to a workspace on a loopback port (for one running in another JVM). */
    public static DdpTestClient connect(int port) throws InterruptedException {
        DdpTestClient c = new DdpTestClient(URI.create("ws://127.0.0.1:" + port + "/websocket"));
        c.sendRaw("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\",\"pre2\",\"pre1\"]}");
        c.await(f -> "connected".equals(f.path("msg").asText()));
        return c;
    }

    /** Connects and logs in with a password digest. */
    public static DdpTestClient login(Workspace w, String username, String password) throws InterruptedException {
        return login(w.port(), username, password);
    }

    /** Connects on a loopback port and logs in with a password digest. */
    public static DdpTestClient login(int port, String username, String password) throws InterruptedException {
        DdpTestClient c = connect(port);
        ObjectNode req = Json.object();
        req.set("user", Json.object().put("username", username));
        req.set("password", Json.object().put("digest", Accounts.sha256Hex(password)).put("algorithm", "sha-256"));
        JsonNode r = c.call("login", req);
        if (r.has("error")) {
            throw new IllegalStateException("login failed: " + r);
        }
        return c;
    }

    public void sendRaw(String text) {
        ws.send(text);
    }

    public void sendBinary(byte[] bytes) {
        ws.send(bytes);
    }

    public void send(JsonNode frame) {
        ws.send(Json.write(frame));
    }

    /** Calls a method and returns its whole {@code result} frame (with result or error). */
    public JsonNode call(String method, JsonNode... params) throws InterruptedException {
        String id = "m" + ids.incrementAndGet();
        ArrayNode p = Json.array();
        for (JsonNode n : params) {
            p.add(n);
        }
        send(Json.object().put("msg", "method").put("method", method).put("id", id).set("params", p));
        return await(f -> "result".equals(f.path("msg").asText()) && id.equals(f.path("id").asText()));
    }

    /** Subscribes and returns the ready or nosub frame. */
    public JsonNode sub(String name, JsonNode... params) throws InterruptedException {
        String id = "s" + ids.incrementAndGet();
        ArrayNode p = Json.array();
        for (JsonNode n : params) {
            p.add(n);
        }
        send(Json.object().put("msg", "sub").put("id", id).put("name", name).set("params", p));
        return await(f -> ("ready".equals(f.path("msg").asText()) && f.path("subs").toString().contains("\"" + id + "\""))
            || ("nosub".equals(f.path("msg").asText()) && id.equals(f.path("id").asText())));
    }

    /** Subscribes to a stream event with the {@code {useCollection:false, args:[]}} form. */
    public JsonNode stream(String stream, String eventName) throws InterruptedException {
        ObjectNode opts = Json.object().put("useCollection", false);
        opts.set("args", Json.array());
        return sub(stream, Json.MAPPER.getNodeFactory().textNode(eventName), opts);
    }

    /** The first frame (already received or arriving within 5 s) that matches; it is consumed. */
    public JsonNode await(Predicate<JsonNode> match) throws InterruptedException {
        return await(match, 5000);
    }

    public JsonNode await(Predicate<JsonNode> match, long timeoutMs) throws InterruptedException {
        for (Iterator<JsonNode> it = seen.iterator(); it.hasNext(); ) {
            JsonNode f = it.next();
            if (match.test(f)) {
                it.remove();
                return f;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            long left = deadline - System.nanoTime();
            String text = left <= 0 ? null : inbound.poll(left, TimeUnit.NANOSECONDS);
            if (text == null) {
                throw new AssertionError("no matching frame within " + timeoutMs + " ms; unmatched: " + seen);
            }
            JsonNode f = parseFrame(text);
            if (match.test(f)) {
                return f;
            }
            seen.add(f);
        }
    }

    /** DDP frames are JSON; SockJS adds {@code o}, {@code h} and {@code a[...]} around them. */
    private static JsonNode parseFrame(String text) {
        if (text.startsWith("a[")) {
            return Json.parse(text.substring(1));
        }
        if (text.equals("o") || text.equals("h")) {
            return Json.MAPPER.getNodeFactory().textNode(text);
        }
        return Json.parse(text);
    }

    /** True when no frame matching arrives within {@code ms}. */
    public boolean nothingWithin(Predicate<JsonNode> match, long ms) throws InterruptedException {
        try {
            await(match, ms);
            return false;
        } catch (AssertionError e) {
            return true;
        }
    }

    public static Predicate<JsonNode> streamEvent(String collection, String eventName) {
        return f -> "changed".equals(f.path("msg").asText()) && collection.equals(f.path("collection").asText())
            && eventName.equals(f.path("fields").path("eventName").asText());
    }

    public boolean isOpen() {
        return ws.isOpen();
    }

    public int closeCode() {
        return closeCode;
    }

    public boolean awaitClosed(long ms) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < deadline) {
            if (ws.isClosed()) {
                return true;
            }
            Thread.sleep(20);
        }
        return ws.isClosed();
    }

    @Override
    public void close() throws InterruptedException {
        ws.closeBlocking();
    }
}
