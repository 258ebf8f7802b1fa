package io.rcbench.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.rcbench.ddp.Json;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * A DDP server on loopback that behaves like a Rocket.Chat refusing to store messages: it connects, logs anyone in,
 * lists one channel {@code general} in {@code rooms/get}, answers {@code sendMessage} with no result (Rocket.Chat's
 * way of saying nothing was inserted), and never makes a subscription ready. Each connection also gets a frame that
 * is not JSON and a DDP {@code error} frame, and each subscription one room message. Every HTTP request (REST
 * {@code chat.sendMessage}) is answered 200 {@code {"success":true}} without the message, except webhook posts
 * ({@code /hooks/...}), which are never answered.
 */
final class NotInsertingTarget implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    NotInsertingTarget() {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                        new WebSocketServerProtocolHandler("/websocket"),
                        new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame f) {
                                answer(Json.parse(f.text()), ctx.channel());
                            }
                        },
                        new SimpleChannelInboundHandler<io.netty.handler.codec.http.FullHttpRequest>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx,
                                                        io.netty.handler.codec.http.FullHttpRequest req) {
                                if (req.uri().startsWith("/hooks/")) {
                                    return; // a webhook post is never answered
                                }
                                // chat.sendMessage over REST: 200 and success, but no message (nothing inserted)
                                var r = new io.netty.handler.codec.http.DefaultFullHttpResponse(
                                    io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                                    io.netty.handler.codec.http.HttpResponseStatus.OK,
                                    io.netty.buffer.Unpooled.copiedBuffer("{\"success\":true}",
                                        java.nio.charset.StandardCharsets.UTF_8));
                                r.headers().set("content-type", "application/json")
                                    .setInt("content-length", r.content().readableBytes());
                                ctx.writeAndFlush(r);
                            }
                        });
                }
            }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    private static void answer(JsonNode frame, Channel ch) {
        String msg = frame.path("msg").asText();
        String id = frame.path("id").asText();
        switch (msg) {
            case "connect" -> {
                send(ch, "{\"msg\":\"connected\",\"session\":\"s1\"}");
                // one frame the client cannot decode and one DDP error frame per connection
                send(ch, "{\"msg\":\"result\",");
                send(ch, "{\"msg\":\"error\",\"reason\":\"Must connect first\"}");
            }
            case "ping" -> send(ch, "{\"msg\":\"pong\"}");
            case "method" -> {
                String result = switch (frame.path("method").asText()) {
                    case "login" -> ",\"result\":{\"id\":\"u1\",\"token\":\"t1\",\"tokenExpires\":{\"$date\":0}}";
                    case "rooms/get" -> ",\"result\":[{\"_id\":\"R1\",\"t\":\"c\",\"name\":\"general\"}]";
                    default -> ""; // sendMessage: nothing inserted, nothing returned
                };
                send(ch, "{\"msg\":\"result\",\"id\":\"" + id + "\"" + result + "}");
                send(ch, "{\"msg\":\"updated\",\"methods\":[\"" + id + "\"]}");
            }
            case "sub" -> // never ready; one room message, which the test's listener throws on
                send(ch, "{\"msg\":\"changed\",\"collection\":\"stream-room-messages\",\"id\":\"id\","
                    + "\"fields\":{\"eventName\":\"R1\",\"args\":[{\"_id\":\"x\",\"rid\":\"R1\"}]}}");
            default -> { }
        }
    }

    private static void send(Channel ch, String text) {
        ch.writeAndFlush(new TextWebSocketFrame(text));
    }

    /** The http root the DDP client turns into {@code ws://.../websocket}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort());
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
