package io.rcbench.ddp.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP relay in front of the workspace, optionally terminating TLS: lets a test cut every connection at
 * once (no close frame, as a network drop) or put a self-signed certificate in front of the plain workspace.
 */
final class TcpRelay implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup open = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel server;

    TcpRelay(int targetPort, SslContext tls) {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.AUTO_READ, false)
            .childHandler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel in) {
                    open.add(in);
                    if (tls != null) {
                        in.pipeline().addLast(tls.newHandler(in.alloc()));
                    }
                    in.pipeline().addLast(new Inbound(targetPort));
                }
            }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Drops every relayed connection at once, without WebSocket close frames. */
    void cutAll() {
        open.close().syncUninterruptibly();
    }

    @Override
    public void close() {
        cutAll();
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Inbound extends ChannelInboundHandlerAdapter {
        private final int targetPort;
        private Channel out;

        Inbound(int targetPort) {
            this.targetPort = targetPort;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel in = ctx.channel();
            out = new Bootstrap().group(in.eventLoop()).channel(NioSocketChannel.class)
                .handler(new Pipe(in)).connect("127.0.0.1", targetPort).addListener((ChannelFutureListener) f -> {
                    if (f.isSuccess()) {
                        open.add(f.channel());
                        in.read();
                    } else {
                        in.close();
                    }
                }).channel();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            out.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    ctx.channel().read();
                } else {
                    f.channel().close();
                }
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (out != null) {
                out.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static final class Pipe extends ChannelInboundHandlerAdapter {
        private final Channel in;

        Pipe(Channel in) {
            this.in = in;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            in.writeAndFlush(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            in.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
