package io.rcbench.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.rcbench.ddp.Json;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A loopback server that passes for Rocket.Chat over REST ({@code /api/info}, admin login) but fails in one way:
 * {@link Fault#SILENT_DDP} accepts the WebSocket upgrade on {@code /websocket} and never says a DDP word;
 * {@link Fault#INCOMPLETE_DOCUMENTS} speaks DDP (connect, login) but answers every other REST route with
 * {@code {"success":true}} and no document.
 */
final class FaultyTarget implements AutoCloseable {
    enum Fault { SILENT_DDP, INCOMPLETE_DOCUMENTS }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final Fault fault;

    FaultyTarget(Fault fault) {
        this.fault = fault;
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                        new WebSocketServerProtocolHandler("/websocket"),
                        new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame f) {
                                if (FaultyTarget.this.fault != Fault.SILENT_DDP) {
                                    ddp(Json.parse(f.text()), ctx.channel());
                                }
                            }
                        },
                        new SimpleChannelInboundHandler<FullHttpRequest>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                                rest(req.uri(), ctx);
                            }
                        });
                }
            }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    private static void ddp(JsonNode frame, Channel ch) {
        String id = frame.path("id").asText();
        switch (frame.path("msg").asText()) {
            case "connect" -> ch.writeAndFlush(new TextWebSocketFrame("{\"msg\":\"connected\",\"session\":\"s1\"}"));
            case "ping" -> ch.writeAndFlush(new TextWebSocketFrame("{\"msg\":\"pong\"}"));
            case "method" -> ch.writeAndFlush(new TextWebSocketFrame("{\"msg\":\"result\",\"id\":\"" + id
                + "\",\"result\":{\"id\":\"admin-id\",\"token\":\"admin-token\"}}"));
            default -> { }
        }
    }

    private static void rest(String uri, ChannelHandlerContext ctx) {
        String body;
        if (uri.startsWith("/api/info")) {
            body = "{\"version\":\"7.4.0\",\"success\":true}";
        } else if (uri.startsWith("/api/v1/login")) {
            body = "{\"status\":\"success\",\"data\":{\"userId\":\"admin-id\",\"authToken\":\"admin-token\","
                + "\"me\":{\"username\":\"admin\"}}}";
        } else if (uri.startsWith("/api/v1/settings/")) {
            body = "{\"success\":true,\"value\":false}";
        } else {
            body = "{\"success\":true}";
        }
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
            Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        // it closes after each answer, so it says so: without the header the client pools the connection and a
        // next request sent on it before the close is seen fails with "EOF reached while reading"
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json").setInt(HttpHeaderNames.CONTENT_LENGTH,
            r.content().readableBytes()).set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort());
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
