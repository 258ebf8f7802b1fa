package io.rcbench.workspace.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.timeout.IdleStateEvent;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.ddp.DdpDispatcher;
import io.rcbench.workspace.ddp.DdpSession;
import io.rcbench.workspace.metrics.WorkspaceMetrics;
import io.rcbench.workspace.stream.SharedFrame;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Carries DDP over one upgraded WebSocket: text frames in to the dispatcher, frames out (SockJS-wrapped
 * when the connection asked for SockJS), the server heartbeat, and the slow-consumer cut-off.
 *
 * <p>Slow consumers: a write never waits. A frame offered while the connection holds more than its
 * {@link OutboundLimit} of unsent bytes is not queued; the connection is sent a 1013 SLOW_CONSUMER close and
 * closed at once, which frees everything it had queued. The close frame reaches the client only if its socket
 * had room (a client that does not read sees the end of the stream instead): waiting for it to drain is what
 * let non-readers pile up memory before.
 */
final class DdpFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    static final Object OPENED = new Object();
    /** ddp-streamer's SLOW_CONSUMER close code, used when a client stops reading (4 MiB buffered). */
    static final int SLOW_CONSUMER = 1013;
    private static final long SOCKJS_HEARTBEAT_SECONDS = 45;
    private final DdpDispatcher dispatcher;
    private final boolean sockJs;
    private final String clientAddress;
    private final WebSocketServerHandshaker handshaker;
    private final OutboundLimit limit;
    private final WorkspaceMetrics metrics;
    private Transport transport;
    private DdpSession session;
    private boolean pinged;
    private ScheduledFuture<?> sockJsHeartbeat;

    DdpFrameHandler(DdpDispatcher dispatcher, boolean sockJs, String clientAddress, WebSocketServerHandshaker handshaker,
                    OutboundLimit limit, WorkspaceMetrics metrics) {
        this.dispatcher = dispatcher;
        this.sockJs = sockJs;
        this.clientAddress = clientAddress;
        this.handshaker = handshaker;
        this.limit = limit;
        this.metrics = metrics;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == OPENED) {
            transport = new Transport(ctx.channel());
            session = dispatcher.open(transport, clientAddress);
            if (sockJs) {
                ctx.writeAndFlush(new TextWebSocketFrame("o"));
                sockJsHeartbeat = ctx.executor().scheduleAtFixedRate(() -> ctx.writeAndFlush(new TextWebSocketFrame("h")),
                    SOCKJS_HEARTBEAT_SECONDS, SOCKJS_HEARTBEAT_SECONDS, TimeUnit.SECONDS);
            }
        } else if (evt instanceof IdleStateEvent) {
            if (pinged) {
                ctx.close();
            } else {
                pinged = true;
                session.send(Json.object().put("msg", "ping"));
            }
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        pinged = false;
        if (frame instanceof TextWebSocketFrame text) {
            if (session == null) {
                return;
            }
            String payload = text.text();
            if (sockJs) {
                unwrapSockJs(payload);
            } else {
                dispatcher.onText(session, payload);
            }
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame) {
            handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
        } else if (frame instanceof BinaryWebSocketFrame) {
            ctx.writeAndFlush(new CloseWebSocketFrame(1007, "binary frames are not DDP")).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** SockJS clients send a JSON array of DDP frames (or one JSON string). */
    private void unwrapSockJs(String payload) {
        JsonNode node;
        try {
            node = Json.parse(payload);
        } catch (IllegalArgumentException e) {
            dispatcher.onText(session, payload);
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> dispatcher.onText(session, n.asText()));
        } else if (node.isTextual()) {
            dispatcher.onText(session, node.asText());
        } else {
            dispatcher.onText(session, payload);
        }
    }

    /** Over the high water mark (the configured bound), whoever wrote last: cut off now. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable() && transport != null) {
            transport.cutOff();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (sockJsHeartbeat != null) {
            sockJsHeartbeat.cancel(false);
        }
        if (session != null) {
            dispatcher.closed(session);
        }
        ctx.fireChannelInactive();
    }

    /**
     * A protocol violation gets its RFC 6455 close code before the connection closes: the decoder's and
     * {@link WebSocketFrameRules}' own (1002, 1007, 1009), 1009 for a fragmented or inflated message over the limit.
     * Anything else (a reset, an I/O error) just closes.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        int code = cause instanceof CorruptedWebSocketFrameException c && c.closeStatus() != null ? c.closeStatus().code()
            : cause instanceof TooLongFrameException || cause instanceof DecompressionException ? 1009 : -1;
        if (code > 0 && ctx.channel().isActive()) {
            String reason = cause.getMessage() == null ? "" : cause.getMessage();
            ctx.writeAndFlush(new CloseWebSocketFrame(code, reason.length() > 120 ? reason.substring(0, 120) : reason))
                .addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    /** Writes DDP frames on this channel, never more than its bound; safe from any thread. */
    private final class Transport implements DdpSession.Transport {
        private final Channel channel;
        private final AtomicBoolean cut = new AtomicBoolean();

        Transport(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void send(String text) {
            if (admits()) {
                channel.writeAndFlush(new TextWebSocketFrame(sockJs ? SharedFrame.sockJsText(text) : text));
            }
        }

        @Override
        public void send(SharedFrame frame) {
            if (admits()) {
                channel.writeAndFlush(new TextWebSocketFrame((sockJs ? frame.sockJs() : frame.raw()).retainedDuplicate()));
            }
        }

        /** True when a frame may be queued; cuts the connection off when it is over its bound. */
        private boolean admits() {
            if (cut.get() || !channel.isActive()) {
                return false;
            }
            if (limit.exceeded(channel)) {
                cutOff();
                return false;
            }
            return true;
        }

        /** Closes a slow consumer once: 1013 if its socket takes it, then the channel, dropping what is queued. */
        void cutOff() {
            if (cut.compareAndSet(false, true)) {
                metrics.slowConsumerClosed();
                channel.writeAndFlush(new CloseWebSocketFrame(SLOW_CONSUMER, "SLOW_CONSUMER"));
                channel.close();
            }
        }

        @Override
        public void close(int code, String reason) {
            if (code == 1006) {
                // 1006 is never sent on the wire: it means the connection dropped without a close frame.
                channel.close();
                return;
            }
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
