package io.rcbench.workspace.ddp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.RandomId;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.stream.SharedFrame;
import io.rcbench.workspace.stream.StreamHub;
import io.rcbench.workspace.stream.Subscriber;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * One DDP connection: its id, the logged-in user, its subscriptions and its ordered inbox. Outbound frames
 * go through the {@link Transport} the connection was opened with (raw WebSocket or SockJS framing).
 * Thread-safe: frames may be sent from any thread.
 */
public final class DdpSession implements Subscriber {
    /** Where the session's frames go. */
    public interface Transport {
        /** Sends one DDP frame of this session only. */
        void send(String text);

        /** Sends one DDP frame shared with other sessions (a stream event); called on the emitting thread. */
        void send(SharedFrame frame);

        /** Closes the connection with a WebSocket close code. */
        void close(int code, String reason);
    }

    private final String id = RandomId.id();
    private final Transport transport;
    private final String clientAddress;
    private final SerialInbox inbox;
    private final Map<String, List<StreamHub.Listener>> subscriptions = new ConcurrentHashMap<>();
    private volatile boolean connected;
    private volatile User user;
    private volatile String loginToken;
    private volatile String presenceSubId;

    public DdpSession(Transport transport, String clientAddress, Executor executor) {
        this.transport = transport;
        this.clientAddress = clientAddress;
        this.inbox = new SerialInbox(executor);
    }

    /** The DDP session id, also the connection id the rate limiter keys on. */
    public String id() {
        return id;
    }

    public String clientAddress() {
        return clientAddress;
    }

    @Override
    public String userId() {
        User u = user;
        return u == null ? null : u.id();
    }

    public User user() {
        return user;
    }

    public String loginToken() {
        return loginToken;
    }

    void setLogin(User u, String token) {
        this.user = u;
        this.loginToken = token;
    }

    boolean isConnected() {
        return connected;
    }

    void markConnected() {
        connected = true;
    }

    SerialInbox inbox() {
        return inbox;
    }

    Map<String, List<StreamHub.Listener>> subscriptions() {
        return subscriptions;
    }

    String presenceSubId() {
        return presenceSubId;
    }

    void setPresenceSubId(String subId) {
        presenceSubId = subId;
    }

    @Override
    public void deliver(SharedFrame frame) {
        transport.send(frame);
    }

    public void send(JsonNode frame) {
        transport.send(Json.write(frame));
    }

    /** {@code {"msg":"error","reason":..,"offendingMessage":..}}, a protocol-level error. */
    void sendProtocolError(String reason, JsonNode offending) {
        ObjectNode f = Json.object().put("msg", "error").put("reason", reason);
        if (offending != null) {
            f.set("offendingMessage", offending);
        }
        send(f);
    }

    public void close(int code, String reason) {
        transport.close(code, reason);
    }
}
