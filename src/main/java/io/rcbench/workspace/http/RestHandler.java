package io.rcbench.workspace.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.info.WorkspaceInfo;
import io.rcbench.workspace.rest.RestResponse;
import io.rcbench.workspace.rest.RestRouter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each HTTP request to the {@link RestRouter} on a worker thread (routes touch the database) and
 * writes the answer: JSON, or a file sent zero-copy. Requests of one connection run one after another, so
 * pipelined HTTP/1.1 requests are answered in the order they came (RFC 9112 section 9.3.2); connections
 * still run in parallel. One instance per channel.
 */
final class RestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(RestHandler.class);
    private final RestRouter router;
    private final Executor workers;
    /** The last request queued on this connection; touched only on the channel's event loop. */
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    RestHandler(RestRouter router, Executor workers) {
        this.router = router;
        this.workers = workers;
    }

    /** A {@link RefusedRequest} is answered in turn, then the connection closes ({@link LingeringClose}). */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof RefusedRequest refused) {
            tail = tail.thenRunAsync(() -> write(ctx, refused.answer(), false, LingeringClose.INSTANCE), workers)
                .exceptionally(e -> null);
            return;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        String address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
        if (req.decoderResult().isFailure()) {
            // Netty still hands over what it could parse (often a usable URI): answering it would act on a request
            // the client did not send as written. The stream's framing is lost too, so answer and close.
            refuse(ctx, req.decoderResult().cause());
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        req.retain();
        tail = tail.thenRunAsync(() -> {
            try {
                write(ctx, router.dispatch(req, address), keepAlive);
            } catch (RuntimeException e) {
                LOG.warn("writing a REST answer failed", e);
                ctx.close();
            } finally {
                req.release();
            }
        }, workers).exceptionally(e -> {
            // Only a rejected task gets here (workers shut down): free the request, keep the chain usable.
            if (req.refCnt() > 0) {
                req.release();
            }
            return null;
        });
    }

    /**
     * Closes the connection. A client hanging up mid-request or resetting is routine under load: logged at debug,
     * not as a pipeline-tail warning with a stack trace per connection.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof PrematureChannelClosureException) {
            LOG.debug("REST connection ended: {}", cause.toString());
        } else {
            LOG.warn("REST connection failed: {}", cause.toString());
        }
        ctx.close();
    }

    /** 431 for headers over the limit, 414 for a request line over it, 400 for anything else unparseable. */
    private void refuse(ChannelHandlerContext ctx, Throwable cause) {
        int status = cause instanceof TooLongHttpHeaderException ? 431 : cause instanceof TooLongHttpLineException ? 414 : 400;
        String message = status == 431 ? "Request header fields too large" : status == 414 ? "URI too long" : "Malformed HTTP request";
        RestResponse r = RestResponse.failure(status, message, null);
        // Queued behind earlier requests of this connection, so pipelined answers keep their order.
        tail = tail.thenRunAsync(() -> write(ctx, r, false), workers).exceptionally(e -> null);
    }

    private static void write(ChannelHandlerContext ctx, RestResponse r, boolean keepAlive) {
        write(ctx, r, keepAlive, ChannelFutureListener.CLOSE);
    }

    /** Writes {@code r}; without keep-alive, {@code close} ends the connection once it is out. */
    private static void write(ChannelHandlerContext ctx, RestResponse r, boolean keepAlive, ChannelFutureListener close) {
        HttpResponseStatus status = HttpResponseStatus.valueOf(r.status());
        ChannelFuture last;
        if (r.file() != null) {
            long size;
            try {
                size = Files.size(r.file());
            } catch (IOException e) {
                write(ctx, RestResponse.failure(404, "File not found", null), keepAlive);
                return;
            }
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
            headers(head, r, keepAlive);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
            HttpUtil.setContentLength(head, size);
            ctx.write(head);
            ctx.write(new DefaultFileRegion(r.file().toFile(), 0, size));
            last = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        } else {
            byte[] body = Json.write(r.json()).getBytes(StandardCharsets.UTF_8);
            DefaultFullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
            headers(res, r, keepAlive);
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            HttpUtil.setContentLength(res, body.length);
            last = ctx.writeAndFlush(res);
        }
        if (!keepAlive) {
            last.addListener(close);
        }
    }

    private static void headers(HttpResponse res, RestResponse r, boolean keepAlive) {
        r.headers().forEach((k, v) -> res.headers().set(k, v));
        res.headers().set("X-Powered-By", WorkspaceInfo.PRODUCT);
        HttpUtil.setKeepAlive(res, keepAlive);
    }
}
