package io.rcbench.ddp.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.codec.DdpDecoder;
import io.rcbench.ddp.codec.DdpEncoder;
import io.rcbench.ddp.codec.InboundFrame;
import io.rcbench.ddp.codec.RawJson;
import io.rcbench.ddp.codec.SockJs;
import io.rcbench.ddp.ws.WebSocketConnector;
import io.rcbench.ddp.ws.WsConnection;
import io.rcbench.ddp.ws.WsListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DDP client session (Meteor's protocol as Rocket.Chat speaks it) that lives on one event loop and, with a
 * {@link ReconnectPolicy}, survives dropped connections as a real client does: new session, the
 * {@link ReconnectHook} (login resume), then every active subscription again.
 *
 * <p>Usage: {@code client = clients.newClient(config); client.connect().join(); client.call("login", req)...}.
 *
 * <p>Thread contract: public methods may be called from any thread (off the loop they are queued onto it, keeping
 * their order). Futures complete and listeners run on the client's event loop ({@link #eventLoop()}), so a callback
 * must not block; chaining with {@code thenCompose} keeps work on that loop. When the connection ends, every pending
 * call and subscription future fails at once with {@link DisconnectedException}; a call made while not connected
 * fails at once too (calls are not queued across reconnects).
 *
 * <p>Why one larger class: the connection state machine (connect, dispatch, heartbeat hooks, reconnect, close) and
 * the state it guards are confined to one event-loop-owned object; the tables, router, heartbeat and codec it drives
 * are separate classes.
 */
public final class DdpClient {
    private static final Logger LOG = LoggerFactory.getLogger(DdpClient.class);

    /** Lifecycle of a client; only {@link #CONNECTED} accepts calls from outside the reconnect hook. */
    public enum State { NEW, CONNECTING, CONNECTED, RECONNECTING, CLOSED }

    private final DdpClientConfig config;
    private final WebSocketConnector connector;
    private final EventLoop loop;
    private final DdpStats stats;
    private final boolean sockJs;
    private final AtomicLong ids = new AtomicLong();
    private final CallTable calls = new CallTable();
    private final SubscriptionTable subs = new SubscriptionTable();
    private final StreamRouter streams = new StreamRouter();
    private final InboundFrame frame = new InboundFrame();
    private final CompletableFuture<String> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Runnable listenerFailed;
    private List<DocumentListener> documentListeners = List.of();
    private List<ConnectionListener> connectionListeners = List.of();
    private volatile ReconnectHook reconnectHook;
    private volatile State state = State.NEW;
    private volatile boolean ddpReady;
    private volatile String sessionId;
    private volatile int reconnects;
    private int epoch;
    private Link link;
    private DisconnectReason pendingReason;
    private String pendingDetail;
    private String refusedVersion;
    private int attempt;
    private ScheduledFuture<?> connectTimer;
    private ScheduledFuture<?> reconnectTimer;
    private final Heartbeat heartbeat;
    /** A session is up from the listeners' view: connected (or reconnected and resumed), not yet ended. */
    private boolean established;

    DdpClient(DdpClientConfig config, WebSocketConnector connector, EventLoop loop, DdpStats stats) {
        this.config = config;
        this.connector = connector;
        this.loop = loop;
        this.stats = stats;
        this.sockJs = config.usesSockJs();
        this.listenerFailed = stats::listenerFailed;
        this.heartbeat = new Heartbeat(loop, config.heartbeatInterval(), config.heartbeatTimeout(),
            () -> send(DdpEncoder.ping(null)), () -> {
                pendingReason = DisconnectReason.HEARTBEAT_TIMEOUT;
                pendingDetail = "no frame within " + config.heartbeatTimeout().toMillis() + " ms after a ping";
                link.ws.abort(pendingDetail);
            });
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Opens the connection and the DDP session; completes with the session id on {@code connected}. Fails with
     * {@link DdpConnectException} when the server answers {@code failed}, {@link DisconnectedException} when the
     * transport fails or the connect timeout passes. A failed first connect is not retried. Idempotent.
     */
    public CompletableFuture<String> connect() {
        onLoop(() -> {
            if (state == State.NEW) {
                state = State.CONNECTING;
                open();
            }
        });
        return connected;
    }

    /**
     * Closes with 1000 and stops reconnecting. Pending calls and subscriptions fail at once; the future completes
     * when the transport is gone. Idempotent.
     */
    public CompletableFuture<Void> close() {
        onLoop(() -> {
            if (state == State.CLOSED) {
                return;
            }
            State was = state;
            state = State.CLOSED;
            cancel(reconnectTimer);
            DisconnectedException ex = new DisconnectedException(DisconnectReason.CLIENT_CLOSE, 1000, "closed by the client");
            calls.failAll(ex);
            subs.clear(ex);
            connected.completeExceptionally(ex);
            if (link != null && !link.ended && was != State.NEW) {
                pendingReason = DisconnectReason.CLIENT_CLOSE;
                link.ws.close(1000, "client closes");
            } else {
                closed.complete(null);
            }
        });
        return closed;
    }

    /** Completes when the client is closed for good (by {@link #close()}, or when it gives up reconnecting). */
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    private void open() {
        epoch++;
        pendingReason = null;
        pendingDetail = null;
        Link l = new Link(epoch);
        link = l;
        try {
            l.ws = connector.connect(loop, config.socketUri(), config.resource(), l);
        } catch (RuntimeException e) {
            l.onClose(null, 1006, "cannot connect: " + e.getMessage(), false, e);
            return;
        }
        connectTimer = loop.schedule(() -> {
            if (link == l && !ddpReady && !l.ended) {
                pendingReason = DisconnectReason.CONNECT_TIMEOUT;
                pendingDetail = "no DDP session within " + config.connectTimeout().toMillis() + " ms";
                l.ws.abort(pendingDetail);
            }
        }, config.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void onConnected(String session) {
        if (ddpReady) {
            stats.protocolError();
            return;
        }
        ddpReady = true;
        sessionId = session;
        cancel(connectTimer);
        heartbeat.start();
        if (state == State.CONNECTING) {
            state = State.CONNECTED;
            established = true;
            resubscribe();
            connected.complete(session);
        } else if (state == State.RECONNECTING) {
            resume();
        }
    }

    /** After a reconnect: the hook (login resume), then subscriptions, then the reconnect counts. */
    private void resume() {
        int myEpoch = epoch;
        ReconnectHook hook = reconnectHook;
        CompletionStage<?> done;
        try {
            done = hook == null ? CompletableFuture.completedFuture(null) : hook.afterReconnect(this);
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((v, err) -> onLoop(() -> {
            if (epoch != myEpoch || state != State.RECONNECTING || !ddpReady) {
                return;
            }
            if (err != null) {
                pendingReason = DisconnectReason.RESUME_FAILED;
                pendingDetail = String.valueOf(err.getCause() != null ? err.getCause() : err);
                link.ws.close(1000, "resume failed");
                return;
            }
            resubscribe();
            attempt = 0;
            reconnects++;
            stats.reconnected();
            state = State.CONNECTED;
            established = true;
            for (ConnectionListener cl : connectionListeners) {
                try {
                    cl.reconnected(reconnects);
                } catch (RuntimeException e) {
                    stats.listenerFailed();
                }
            }
        }));
    }

    private void resubscribe() {
        for (Subscription s : subs.unsent(epoch)) {
            s.sentEpoch = epoch;
            send(s.frame, s::sent);
        }
    }

    private void transportClosed(Link l, int code, String text, boolean remote, Throwable cause) {
        cancel(connectTimer);
        heartbeat.stop();
        boolean wasEstablished = established;
        established = false;
        ddpReady = false;
        sessionId = null;
        DisconnectReason reason;
        if (pendingReason != null) {
            reason = pendingReason;
        } else if (cause instanceof io.rcbench.ddp.ws.WriteBacklogException) {
            reason = DisconnectReason.SERVER_NOT_READING;
        } else if (state == State.CLOSED) {
            reason = DisconnectReason.CLIENT_CLOSE;
        } else if (!l.opened) {
            reason = DisconnectReason.CONNECT_FAILED;
        } else if (code == 1006) {
            reason = DisconnectReason.CONNECTION_LOST;
        } else {
            reason = DisconnectReason.SERVER_CLOSE;
        }
        String detail = pendingDetail != null ? pendingDetail : text;
        stats.disconnected(reason);
        DisconnectedException ex = new DisconnectedException(reason, code, detail);
        if (cause != null) {
            ex.initCause(cause);
        }
        calls.failAll(ex);
        subs.failPending(ex);
        ReconnectPolicy policy = config.reconnect();
        int attemptWas = state == State.RECONNECTING ? attempt : 0;
        boolean willReconnect = (state == State.CONNECTED || state == State.RECONNECTING) && policy != null
            && reason != DisconnectReason.VERSION_REFUSED && attempt < policy.maxAttempts();
        if (state == State.CONNECTING) {
            state = State.CLOSED;
            connected.completeExceptionally(reason == DisconnectReason.VERSION_REFUSED ? new DdpConnectException(refusedVersion) : ex);
        } else if (willReconnect) {
            state = State.RECONNECTING;
            attempt++;
            reconnectTimer = loop.schedule(() -> {
                if (state == State.RECONNECTING) {
                    open();
                }
            }, policy.delayMs(attempt), TimeUnit.MILLISECONDS);
        } else {
            state = State.CLOSED;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("DDP connection {} ended: {} {} {}", config.socketUri(), reason, code, detail);
        }
        for (ConnectionListener cl : connectionListeners) {
            try {
                if (wasEstablished) {
                    cl.disconnected(reason, code, detail, willReconnect);
                } else if (attemptWas > 0) {
                    cl.reconnectFailed(reason, attemptWas, willReconnect);
                }
            } catch (RuntimeException e) {
                stats.listenerFailed();
            }
        }
        // listeners hear the end before anyone waiting on closeFuture() goes on
        if (state == State.CLOSED) {
            subs.clear(ex);
            closed.complete(null);
        }
    }

    // ------------------------------------------------------------------ calls

    /** The timeout {@link #call} gives a call. */
    public Duration callTimeout() {
        return config.callTimeout();
    }

    /** Calls {@code method} with the default timeout; completes with its result. See {@link DdpCall}. */
    public CompletableFuture<RawJson> call(String method, Object... params) {
        return invoke(method, config.callTimeout(), params).result();
    }

    /** Calls {@code method}; the returned handle also exposes {@code updated}. Params as {@link DdpEncoder} takes them. */
    public DdpCall invoke(String method, Duration timeout, Object... params) {
        if (method == null || method.isEmpty() || timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a method name and a positive timeout are required");
        }
        DdpCall call = new DdpCall(Long.toString(ids.incrementAndGet()), method);
        byte[] bytes;
        try {
            bytes = DdpEncoder.method(call.id(), method, params);
        } catch (RuntimeException e) {
            call.fail(new IllegalArgumentException("cannot encode the params of '" + method + "': " + e.getMessage(), e));
            return call;
        }
        onLoop(() -> startCall(call, bytes, timeout));
        return call;
    }

    private void startCall(DdpCall call, byte[] bytes, Duration timeout) {
        if (!ddpReady) {
            call.fail(new DisconnectedException("not connected (" + state + "): '" + call.method() + "' not sent"));
            return;
        }
        calls.add(call);
        call.timeout = loop.schedule(() -> {
            if (calls.timeout(call, new DdpTimeoutException("method '" + call.method() + "'", timeout))) {
                stats.callTimedOut();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        send(bytes, call::sent);
    }

    // ------------------------------------------------------------------ subscriptions and listeners

    /** Subscribes to a publication; see {@link Subscription}. Made while reconnecting, it is sent once resumed. */
    public Subscription subscribe(String name, Object... params) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a publication name is required");
        }
        String id = "s" + ids.incrementAndGet();
        Subscription s = new Subscription(this, id, name, DdpEncoder.sub(id, name, params));
        onLoop(() -> startSub(s));
        return s;
    }

    /**
     * Listens to {@code eventName} of stream {@code stream} and subscribes to it with Rocket.Chat's form
     * {@code [eventName, {"useCollection":false,"args":[args...]}]}. Stopping the subscription removes the listener.
     */
    public Subscription subscribeStream(String stream, String eventName, StreamListener listener, Object... args) {
        if (stream == null || !stream.startsWith("stream-") || eventName == null) {
            throw new IllegalArgumentException("stream names start with 'stream-' and need an event name: " + stream);
        }
        ObjectNode options = Json.object().put("useCollection", false);
        ArrayNode a = options.putArray("args");
        for (Object arg : args) {
            a.add(Json.MAPPER.valueToTree(arg));
        }
        String id = "s" + ids.incrementAndGet();
        Subscription s = new Subscription(this, id, stream, DdpEncoder.sub(id, stream, eventName, options));
        onLoop(() -> {
            if (listener != null && state != State.CLOSED) {
                streams.add(stream, eventName, listener);
                s.registration = () -> onLoop(() -> streams.remove(stream, eventName, listener));
            }
            startSub(s);
        });
        return s;
    }

    private void startSub(Subscription s) {
        if (state == State.CLOSED || state == State.NEW) {
            s.markStopped();
            s.ready().completeExceptionally(new DisconnectedException("not connected (" + state + "): subscription '" + s.name() + "' not sent"));
            return;
        }
        subs.add(s);
        if (ddpReady) {
            s.sentEpoch = epoch;
            send(s.frame, s::sent);
        }
    }

    void unsubscribe(Subscription s) {
        onLoop(() -> {
            if (subs.remove(s) && ddpReady) {
                send(DdpEncoder.unsub(s.id()));
            }
            s.markStopped();
            s.ready().cancel(false);
        });
    }

    /** Listens to stream events of {@code collection} named {@code eventName} (null: every event of it). */
    public Registration onStream(String collection, String eventName, StreamListener listener) {
        onLoop(() -> streams.add(collection, eventName, listener));
        return () -> onLoop(() -> streams.remove(collection, eventName, listener));
    }

    /** Listens to added/changed/removed frames that are not stream events. */
    public Registration onDocument(DocumentListener listener) {
        onLoop(() -> documentListeners = plus(documentListeners, listener));
        return () -> onLoop(() -> documentListeners = minus(documentListeners, listener));
    }

    public Registration onConnectionChange(ConnectionListener listener) {
        onLoop(() -> connectionListeners = plus(connectionListeners, listener));
        return () -> onLoop(() -> connectionListeners = minus(connectionListeners, listener));
    }

    /** Sets what runs on each new session after a reconnect, before subscriptions are re-sent. */
    public void onReconnect(ReconnectHook hook) {
        this.reconnectHook = hook;
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }

    private static <T> List<T> minus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.remove(item);
        return List.copyOf(copy);
    }

    // ------------------------------------------------------------------ state

    public State state() {
        return state;
    }

    /** True while a DDP session is up and not resuming. */
    public boolean isConnected() {
        return ddpReady && state == State.CONNECTED;
    }

    /** The current session id, null while not connected. */
    public String sessionId() {
        return sessionId;
    }

    /** Completed reconnects of this client. */
    public int reconnects() {
        return reconnects;
    }

    public EventLoop eventLoop() {
        return loop;
    }

    public DdpStats stats() {
        return stats;
    }

    /** The negotiated WebSocket extension of the current connection ("none" when not compressed or not connected). */
    public String extension() {
        Link l = link;
        return l == null || l.ws == null ? "none" : l.ws.extension();
    }

    /** Calls waiting for a result or updated; exact when read on {@link #eventLoop()}. */
    public int pendingCalls() {
        return calls.size();
    }

    /** Active subscriptions; exact when read on {@link #eventLoop()}. */
    public int subscriptions() {
        return subs.size();
    }

    // ------------------------------------------------------------------ plumbing

    private void onLoop(Runnable r) {
        if (loop.inEventLoop()) {
            r.run();
        } else {
            loop.execute(r);
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    private void send(byte[] ddpFrame) {
        send(ddpFrame, null);
    }

    /** Sends one frame; {@code written} (may be null) hears when it reached the socket. */
    private void send(byte[] ddpFrame, java.util.function.LongConsumer written) {
        Link l = link;
        if (l == null || l.ws == null) {
            return;
        }
        stats.frameOut();
        l.ws.sendText(sockJs ? SockJs.wrap(ddpFrame) : ddpFrame, written);
    }

    /**
     * Handles one inbound DDP frame.
     *
     * @param readNanos when its bytes were read from the socket: replies, readies and stream events carry it as
     *                  their arrival time, so decoding and dispatch are not counted as the target's time
     */
    private void dispatch(String text, long readNanos) {
        stats.frameIn();
        InboundFrame f = frame;
        DdpDecoder.decode(text, f, streams);
        switch (f.type()) {
            case CONNECTED -> onConnected(f.session());
            case FAILED -> {
                refusedVersion = f.version();
                pendingReason = DisconnectReason.VERSION_REFUSED;
                pendingDetail = "server proposes DDP version " + f.version();
                link.ws.close(1000, "DDP version refused");
            }
            case PING -> send(DdpEncoder.pong(f.id()));
            case PONG -> {
                // any inbound frame already counted as life
            }
            case RESULT -> {
                if (!calls.result(f.id(), f.result(), f.error(), readNanos)) {
                    stats.countIgnored();
                }
            }
            case UPDATED -> {
                for (int i = 0; i < f.ids().size(); i++) {
                    calls.updated(f.ids().get(i));
                }
            }
            case READY -> {
                for (int i = 0; i < f.ids().size(); i++) {
                    if (!subs.ready(f.ids().get(i), readNanos)) {
                        stats.countIgnored();
                    }
                }
            }
            case NOSUB -> {
                if (!subs.nosub(f.id(), f.error())) {
                    stats.countIgnored();
                }
            }
            case ADDED, CHANGED, REMOVED -> {
                if (f.eventName() != null && f.args() != null) {
                    streams.dispatch(new StreamEvent(f.collection(), f.eventName(), f.id(), f.args(), readNanos), listenerFailed);
                } else {
                    DocumentEvent e = new DocumentEvent(f.type(), f.collection(), f.id(), f.fields());
                    for (DocumentListener dl : documentListeners) {
                        try {
                            dl.onDocument(e);
                        } catch (RuntimeException ex) {
                            stats.listenerFailed();
                        }
                    }
                }
            }
            case ERROR -> {
                stats.protocolError();
                LOG.debug("DDP protocol error from {}: {}", config.socketUri(), f.reason());
            }
            case MALFORMED -> stats.countMalformed(f.malformed());
            case SERVER_ID, NO_MSG, ADDED_BEFORE, MOVED_BEFORE -> stats.countIgnored();
        }
    }

    /** The listener of one connection attempt; callbacks of a superseded attempt are ignored. */
    private final class Link implements WsListener {
        private final int linkEpoch;
        /** The read time of the SockJS message being unwrapped (it may carry several DDP frames). */
        private long sockJsReadNanos;
        private final Consumer<String> ddpSink = text -> dispatch(text, sockJsReadNanos);
        WsConnection ws;
        boolean opened;
        boolean ended;

        Link(int linkEpoch) {
            this.linkEpoch = linkEpoch;
        }

        private boolean current() {
            return link == this && epoch == linkEpoch;
        }

        @Override
        public void onOpen(WsConnection c) {
            if (!current()) {
                return;
            }
            opened = true;
            if (!sockJs) {
                send(DdpEncoder.CONNECT);
            }
        }

        @Override
        public void onText(WsConnection c, String text, long readNanos) {
            if (!current()) {
                return;
            }
            heartbeat.inbound(readNanos);
            if (!sockJs) {
                dispatch(text, readNanos);
                return;
            }
            sockJsReadNanos = readNanos;
            switch (SockJs.unwrap(text, ddpSink)) {
                case OPEN -> send(DdpEncoder.CONNECT);
                case MALFORMED -> stats.countMalformed(io.rcbench.ddp.codec.MalformedReason.BAD_SOCKJS_FRAME);
                default -> {
                    // heartbeat, messages (already dispatched), close (the server ends TCP next)
                }
            }
        }

        @Override
        public void onClose(WsConnection c, int code, String reason, boolean remote, Throwable cause) {
            if (ended) {
                return;
            }
            ended = true;
            if (link != this) {
                return;
            }
            transportClosed(this, code, reason, remote, cause);
        }
    }

    @Override
    public String toString() {
        return "DdpClient{" + config.uri() + ", " + state + ", session " + sessionId + "}";
    }
}
