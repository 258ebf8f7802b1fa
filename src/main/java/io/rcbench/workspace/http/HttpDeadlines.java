package io.rcbench.workspace.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.rcbench.workspace.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines of an HTTP connection, so that a client trickling bytes cannot hold it open: a request's headers
 * must be complete {@code HTTP_Header_Timeout_Ms} after its first byte; its body may pause at most
 * {@code HTTP_Idle_Timeout_Ms} and must be complete {@code HTTP_Request_Timeout_Ms} after its first byte; a
 * keep-alive connection with nothing to do closes after {@code HTTP_Idle_Timeout_Ms}. An expired request gets
 * 408 and the connection closes. While the server works on a request no deadline runs. Sits after the HTTP
 * codec; {@link #bytes()} goes before it to see the first byte of each request. Removed when a connection
 * upgrades to WebSocket (DDP has its own heartbeat). One instance per channel, used on its event loop.
 */
final class HttpDeadlines extends ChannelDuplexHandler {
    private final Settings settings;
    private boolean midRequest;
    private boolean headersDone;
    private long requestStart;
    private long lastActivity = System.nanoTime();
    private int awaitingAnswer;
    private ScheduledFuture<?> ticker;

    HttpDeadlines(Settings settings) {
        this.settings = settings;
    }

    /** The handler that goes before the codec and reports raw bytes arriving. */
    ChannelInboundHandlerAdapter bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof ByteBuf) {
                    lastActivity = System.nanoTime();
                    if (!midRequest) {
                        midRequest = true;
                        headersDone = false;
                        requestStart = lastActivity;
                    }
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        long tick = Math.max(50, Math.min(1000, Math.min(ms("HTTP_Header_Timeout_Ms"), ms("HTTP_Idle_Timeout_Ms")) / 4));
        ticker = ctx.executor().scheduleAtFixedRate(() -> check(ctx), tick, tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        ticker.cancel(false);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        ticker.cancel(false);
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            headersDone = true;
        }
        if (msg instanceof LastHttpContent) {
            midRequest = false;
            awaitingAnswer++;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        boolean interim = msg instanceof HttpResponse r && r.status().code() < 200;
        if (msg instanceof LastHttpContent && !interim) {
            awaitingAnswer = Math.max(0, awaitingAnswer - 1);
            lastActivity = System.nanoTime();
        }
        super.write(ctx, msg, promise);
    }

    private void check(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        if (midRequest) {
            boolean late = headersDone
                ? elapsed(now, lastActivity) > ms("HTTP_Idle_Timeout_Ms") || elapsed(now, requestStart) > ms("HTTP_Request_Timeout_Ms")
                : elapsed(now, requestStart) > ms("HTTP_Header_Timeout_Ms");
            if (late) {
                timeOut(ctx);
            }
        } else if (awaitingAnswer == 0 && elapsed(now, lastActivity) > ms("HTTP_Idle_Timeout_Ms")) {
            ctx.close();
        }
    }

    /** 408 when no earlier answer is still owed on this connection (it would come out of order), then close. */
    private void timeOut(ChannelHandlerContext ctx) {
        ticker.cancel(false);
        if (awaitingAnswer > 0) {
            ctx.close();
            return;
        }
        byte[] body = "{\"success\":false,\"error\":\"Request Timeout: the request did not arrive in time\"}"
            .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT,
            Unpooled.wrappedBuffer(body));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        HttpUtil.setContentLength(res, body.length);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }

    private long ms(String setting) {
        return settings.number(setting);
    }

    private static long elapsed(long now, long since) {
        return TimeUnit.NANOSECONDS.toMillis(now - since);
    }
}
