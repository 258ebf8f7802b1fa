package io.rcbench.ddp.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketListener;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.framing.PongFrame;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.HandshakeImpl1Client;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;

/**
 * Drives one Java-WebSocket engine ({@link WebSocketImpl}, client role) from a Netty channel: bytes read go to
 * {@code decode}, the engine's {@code outQueue} is drained into the channel whenever it signals write demand. The
 * engine does the handshake, framing, masking, close handshake and extensions; Netty does the I/O.
 *
 * <p>Thread contract: the engine is touched only on the channel's event loop; {@link WsConnection} methods called
 * from other threads are re-submitted there. Every {@link WsListener} callback runs on that loop.
 */
final class WebSocketEngineHandler extends ChannelInboundHandlerAdapter implements WebSocketListener, WsConnection {
    /** How long to wait for the peer to end TCP after the close handshake before closing it ourselves. */
    private static final long CLOSE_GRACE_MS = 1000;
    private static final FastThreadLocal<ByteBuffer> READ_BUFFER = new FastThreadLocal<>() {
        @Override
        protected ByteBuffer initialValue() {
            return ByteBuffer.allocate(16 * 1024);
        }
    };

    private final WebSocketImpl engine;
    private final String resource;
    private final String hostHeader;
    private final WsListener listener;
    private final EventLoop loop;
    private final long maxPendingWriteBytes;
    private ChannelHandlerContext ctx;
    private boolean reported;
    private Throwable cause;
    private String abortReason;
    private ScheduledFuture<?> closeGrace;
    private boolean closeRequested;
    /** The status line of a handshake answer other than 101, to say why the upgrade failed. */
    private String refusedStatus;
    private boolean statusSeen;
    private boolean engineOpened;
    /** When the bytes now being decoded were read from the socket: the arrival time of the messages they complete. */
    private long readNanos;
    /** Hears when the frame {@link #sendText(byte[], LongConsumer)} is sending reaches the socket. */
    private LongConsumer written;
    /** True while {@code flush} writes to the socket; {@link #flushNanos} is when it was called. */
    private boolean flushing;
    private long flushNanos;

    WebSocketEngineHandler(Draft draft, String resource, String hostHeader, WsListener listener, EventLoop loop,
                           long maxPendingWriteBytes) {
        this.engine = new WebSocketImpl(this, draft);
        this.maxPendingWriteBytes = maxPendingWriteBytes;
        this.resource = resource;
        this.hostHeader = hostHeader;
        this.listener = listener;
        this.loop = loop;
    }

    // ---- Netty side ----

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (closeRequested) {
            ctx.close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        HandshakeImpl1Client hs = new HandshakeImpl1Client();
        hs.setResourceDescriptor(resource);
        hs.put("Host", hostHeader);
        try {
            engine.startHandshake(hs);
        } catch (InvalidHandshakeException e) {
            cause = e;
            ctx.close();
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        // taken before any decoding: the time a message arrived is when its bytes were read, not when it was parsed
        readNanos = System.nanoTime();
        try {
            // The engine reads through ByteBuffer.array(); a per-thread heap buffer avoids one per connection.
            ByteBuffer buf = READ_BUFFER.get();
            while (in.isReadable() && !engine.isClosed()) {
                int n = Math.min(in.readableBytes(), buf.capacity());
                buf.clear();
                in.readBytes(buf.array(), 0, n);
                buf.limit(n);
                if (!statusSeen) {
                    statusSeen = true;
                    refusedStatus = refusedStatusLine(buf.array(), n);
                }
                engine.decode(buf);
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (closeGrace != null) {
            closeGrace.cancel(false);
        }
        engine.eot();
        // eot() reports through onWebsocketClose unless the engine already closed; make sure we report once.
        report(CloseFrame.ABNORMAL_CLOSE, "connection lost", true);
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
            if (cause == null) {
                cause = done.cause();
            }
            ctx.close();
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable t) {
        if (cause == null) {
            // TLS failures arrive wrapped in the codec's DecoderException: keep the informative one.
            cause = t instanceof io.netty.handler.codec.DecoderException && t.getCause() != null ? t.getCause() : t;
        }
        ctx.close();
    }

    /** The first line of the server's answer when it is an HTTP status other than 101, else null. */
    private static String refusedStatusLine(byte[] b, int n) {
        int end = 0;
        while (end < n && end < 200 && b[end] != '\r' && b[end] != '\n') {
            end++;
        }
        String line = new String(b, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
        return line.startsWith("HTTP/") && !line.matches("HTTP/\\S+ 101( .*)?") ? line : null;
    }

    /** The TCP connect itself failed: the channel never became active. */
    void connectFailed(Throwable t) {
        cause = t;
        report(CloseFrame.ABNORMAL_CLOSE, "connect failed: " + t.getMessage(), true);
    }

    private void report(int code, String reason, boolean remote) {
        if (reported) {
            return;
        }
        reported = true;
        if (abortReason != null) {
            listener.onClose(this, CloseFrame.ABNORMAL_CLOSE, abortReason, false, cause instanceof WriteBacklogException ? cause : null);
            return;
        }
        if (refusedStatus != null && !engineOpened) {
            reason = "WebSocket upgrade refused: " + refusedStatus;
        } else if (cause != null && (reason == null || reason.isEmpty() || code == CloseFrame.ABNORMAL_CLOSE || code == CloseFrame.NEVER_CONNECTED)) {
            reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        listener.onClose(this, code, reason, remote, cause);
    }

    // ---- WsConnection ----

    @Override
    public void sendText(byte[] utf8) {
        sendText(utf8, null);
    }

    @Override
    public void sendText(byte[] utf8, LongConsumer onWritten) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> sendText(utf8, onWritten));
            return;
        }
        if (!engine.isOpen()) {
            return;
        }
        TextFrame f = new TextFrame();
        f.setPayload(ByteBuffer.wrap(utf8));
        f.setFin(true);
        f.setTransferemasked(true);
        // the engine frames (and compresses) the message and signals write demand synchronously, in this call
        written = onWritten;
        try {
            engine.sendFrame(f);
        } catch (WebsocketNotConnectedException e) {
            // Closed between the check and the send: the close is reported separately.
        } finally {
            written = null;
        }
    }

    @Override
    public void sendText(String text) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> sendText(text));
            return;
        }
        if (engine.isOpen()) {
            try {
                engine.send(text);
            } catch (WebsocketNotConnectedException e) {
                // reported by the close path
            }
        }
    }

    @Override
    public void close(int code, String reason) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> close(code, reason));
            return;
        }
        if (engine.isOpen()) {
            engine.close(code, reason);
        } else if (ctx != null) {
            ctx.close();
        } else {
            closeRequested = true;
        }
    }

    @Override
    public void abort(String reason) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> abort(reason));
            return;
        }
        if (abortReason == null && !reported) {
            abortReason = reason;
        }
        if (ctx != null) {
            ctx.close();
        } else {
            closeRequested = true;
        }
    }

    @Override
    public boolean isOpen() {
        return engine.isOpen();
    }

    @Override
    public EventLoop eventLoop() {
        return loop;
    }

    @Override
    public String extension() {
        Draft d = engine.getDraft();
        if (d instanceof org.java_websocket.drafts.Draft_6455 d6455 && d6455.getExtension() != null
            && !(d6455.getExtension().getClass() == org.java_websocket.extensions.DefaultExtension.class)) {
            return d6455.getExtension().toString();
        }
        return "none";
    }

    // ---- engine side ----

    @Override
    public void onWriteDemand(WebSocket ws) {
        if (ctx == null) {
            return;
        }
        ByteBuffer b;
        boolean wrote = false;
        while ((b = engine.outQueue.poll()) != null) {
            if (written != null && engine.outQueue.isEmpty()) {
                // the promise completes when the frame's last bytes were written to the socket: within the flush
                // below on a writable channel, and the frame left when it was handed to the socket (stamped before
                // the write, so a thread descheduled in the write never makes the target look faster); later if
                // the socket's buffer was full, and then it left when the write finally happened
                LongConsumer w = written;
                written = null;
                ctx.write(Unpooled.wrappedBuffer(b), ctx.newPromise().addListener(done -> {
                    if (done.isSuccess()) {
                        w.accept(flushing ? flushNanos : System.nanoTime());
                    }
                }));
            } else {
                ctx.write(Unpooled.wrappedBuffer(b));
            }
            wrote = true;
        }
        if (wrote) {
            flushNanos = System.nanoTime();
            flushing = true;
            try {
                ctx.flush();
            } finally {
                flushing = false;
            }
            ChannelOutboundBuffer pending = ctx.channel().unsafe().outboundBuffer();
            if (pending != null && pending.totalPendingWriteBytes() > maxPendingWriteBytes && abortReason == null) {
                WriteBacklogException backlog = new WriteBacklogException(pending.totalPendingWriteBytes(), maxPendingWriteBytes);
                cause = backlog;
                abort(backlog.getMessage());
            }
        }
    }

    @Override
    public void onWebsocketOpen(WebSocket ws, Handshakedata h) {
        engineOpened = true;
        listener.onOpen(this);
    }

    @Override
    public void onWebsocketMessage(WebSocket ws, String text) {
        listener.onText(this, text, readNanos);
    }

    @Override
    public void onWebsocketMessage(WebSocket ws, ByteBuffer bytes) {
        // DDP is text only; a binary message is a protocol violation by the server.
        engine.close(CloseFrame.REFUSE, "binary messages are not DDP");
    }

    @Override
    public void onWebsocketClosing(WebSocket ws, int code, String reason, boolean remote) {
        if (ctx == null) {
            return;
        }
        if (code == CloseFrame.NEVER_CONNECTED || code == CloseFrame.ABNORMAL_CLOSE || code == CloseFrame.PROTOCOL_ERROR) {
            ctx.close();
        } else if (closeGrace == null) {
            closeGrace = loop.schedule(() -> {
                ctx.close();
            }, CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onWebsocketClose(WebSocket ws, int code, String reason, boolean remote) {
        report(code, reason, remote);
        if (ctx != null && ctx.channel().isOpen()) {
            ctx.close();
        }
    }

    @Override
    public void onWebsocketCloseInitiated(WebSocket ws, int code, String reason) {
    }

    @Override
    public void onWebsocketError(WebSocket ws, Exception ex) {
        if (cause == null) {
            cause = ex;
        }
    }

    @Override
    public void onWebsocketPing(WebSocket ws, Framedata f) {
        ws.sendFrame(new PongFrame((PingFrame) f));
    }

    @Override
    public void onWebsocketPong(WebSocket ws, Framedata f) {
    }

    @Override
    public PingFrame onPreparePing(WebSocket ws) {
        return new PingFrame();
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket ws, Draft d, ClientHandshake h) throws InvalidDataException {
        throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "client only");
    }

    @Override
    public void onWebsocketHandshakeReceivedAsClient(WebSocket ws, ClientHandshake req, ServerHandshake res) {
    }

    @Override
    public void onWebsocketHandshakeSentAsClient(WebSocket ws, ClientHandshake req) {
    }

    @Override
    public InetSocketAddress getLocalSocketAddress(WebSocket ws) {
        return ctx == null ? null : (InetSocketAddress) ctx.channel().localAddress();
    }

    @Override
    public InetSocketAddress getRemoteSocketAddress(WebSocket ws) {
        return ctx == null ? null : (InetSocketAddress) ctx.channel().remoteAddress();
    }
}
