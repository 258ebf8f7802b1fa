package io.rcbench.workspace.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import io.rcbench.workspace.ddp.DdpDispatcher;
import io.rcbench.workspace.metrics.WorkspaceMetrics;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Upgrades WebSocket requests on DDP paths and rebuilds the pipeline for frames: raw DDP on
 * {@code /websocket}, {@code /websocket/} and {@code /sockjs/websocket}; SockJS framing on
 * {@code /sockjs/<server>/<session>/websocket}. Anything else passes on to REST.
 */
final class UpgradeHandler extends ChannelInboundHandlerAdapter {
    private static final Pattern SOCKJS = Pattern.compile("^/sockjs/[^/.]+/[^/.]+/websocket/?$");
    /** Meteor's server heartbeat: ping after 15 s of silence, close after 15 s more. */
    static final int HEARTBEAT_SECONDS = 15;
    /** The largest inbound DDP message, in one frame, in fragments or once inflated. */
    static final int MAX_FRAME_BYTES = 1 << 20;
    /**
     * Violations are not answered by Netty's decoder (it hangs up without a close frame when the offending frame
     * is a close): they reach {@link DdpFrameHandler#exceptionCaught} with their close code.
     */
    private static final WebSocketDecoderConfig DECODER = WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(MAX_FRAME_BYTES)
        .allowExtensions(true).closeOnProtocolViolation(false).build();
    /** SO_SNDBUF of a DDP connection (the kernel doubles it): fixed, so the outbound bound is what counts. */
    static final int DDP_SEND_BUFFER = 128 << 10;
    private final DdpDispatcher dispatcher;
    private final OutboundLimit limit;
    private final WorkspaceMetrics metrics;

    UpgradeHandler(DdpDispatcher dispatcher, OutboundLimit limit, WorkspaceMetrics metrics) {
        this.dispatcher = dispatcher;
        this.limit = limit;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req) || !isUpgrade(req)) {
            ctx.fireChannelRead(msg);
            return;
        }
        String path = new QueryStringDecoder(req.uri()).path();
        boolean raw = path.equals("/websocket") || path.equals("/websocket/") || path.equals("/sockjs/websocket");
        boolean sockJs = SOCKJS.matcher(path).matches();
        if (!raw && !sockJs) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            WebSocketServerHandshaker hs = new WebSocketServerHandshakerFactory("ws://" + req.headers().get(HttpHeaderNames.HOST) + path,
                null, DECODER).newHandshaker(req);
            if (hs == null) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                return;
            }
            String address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
            var p = ctx.pipeline();
            p.remove("rest");
            // DDP's heartbeat and frame limits take over from the HTTP deadlines and body limit.
            p.remove("bytes");
            p.remove("deadlines");
            p.remove("bodylimit");
            // After the extension decoders (added next to "deflate", before us): they consume RSV1 when negotiated.
            p.addAfter("upgrade", "rfc6455", new WebSocketFrameRules());
            p.addAfter("rfc6455", "utf8", new Utf8FrameValidator(false));
            p.addAfter("utf8", "frames", new WebSocketFrameAggregator(MAX_FRAME_BYTES));
            p.addAfter("frames", "idle", new IdleStateHandler(HEARTBEAT_SECONDS, 0, 0, TimeUnit.SECONDS));
            p.addAfter("idle", "ddp", new DdpFrameHandler(dispatcher, sockJs, address, hs, limit, metrics));
            long bound = limit.configured();
            ctx.channel().config().setWriteBufferWaterMark(new WriteBufferWaterMark((int) (bound / 2), (int) bound));
            // Linux grows a socket's send buffer up to 4 MiB on its own, and what sits there is beyond the bound's
            // reach: a non-reader would hold several MiB more, and be noticed that much later. DDP frames are small.
            ((SocketChannel) ctx.channel()).config().setSendBufferSize(DDP_SEND_BUFFER);
            p.remove(this);
            hs.handshake(ctx.channel(), req).addListener(f -> {
                if (f.isSuccess()) {
                    ctx.pipeline().fireUserEventTriggered(DdpFrameHandler.OPENED);
                } else {
                    ctx.close();
                }
            });
        } finally {
            req.release();
        }
    }

    private static boolean isUpgrade(FullHttpRequest req) {
        return req.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
            && HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE, ""));
    }
}
