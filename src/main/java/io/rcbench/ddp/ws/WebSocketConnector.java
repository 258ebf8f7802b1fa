package io.rcbench.ddp.ws;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.java_websocket.drafts.Draft;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;

/**
 * Opens client WebSocket connections on a given event loop: plain TCP or TLS (a Netty {@link SslHandler} in front),
 * then {@link WebSocketEngineHandler}. One instance per (options, TLS context); it holds the draft prototype that
 * every engine copies.
 */
public final class WebSocketConnector {
    private final Class<? extends Channel> channelClass;
    private final WsOptions options;
    private final SslContext ssl;
    private final Draft draft;
    private final LocalAddresses local;

    /**
     * @param channelClass the socket channel type matching the event loops (NioSocketChannel for NIO loops)
     * @param ssl          the TLS context for wss:// URIs, or null when only ws:// is used
     */
    public WebSocketConnector(Class<? extends Channel> channelClass, WsOptions options, SslContext ssl) {
        this(channelClass, options, ssl, LocalAddresses.ANY);
    }

    /** A connector whose sockets bind to {@code local}'s addresses in turn before connecting. */
    public WebSocketConnector(Class<? extends Channel> channelClass, WsOptions options, SslContext ssl,
                              LocalAddresses local) {
        this.channelClass = channelClass;
        this.options = options;
        this.ssl = ssl;
        this.draft = draft(options);
        this.local = local;
    }

    private static Draft draft(WsOptions o) {
        List<IExtension> ext = switch (o.compression()) {
            case NONE -> List.of();
            case PER_CONNECTION -> List.of(new PerMessageDeflateExtension());
            case SHARED_PER_THREAD -> List.of(new SharedDeflateExtension(o.deflateThresholdBytes(), o.maxMessageBytes()));
        };
        return new ClientDraft(ext, o.maxMessageBytes());
    }

    public WsOptions options() {
        return options;
    }

    /**
     * Connects to {@code uri} (ws or wss) and requests {@code resource} (path and query). The listener hears
     * {@code onOpen} after the handshake, or {@code onClose} once whatever happens.
     */
    public WsConnection connect(EventLoop loop, URI uri, String resource, WsListener listener) {
        boolean tls = "wss".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (tls && ssl == null) {
            throw new IllegalStateException("a wss:// URI needs a TLS context");
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host in " + uri);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String hostHeader = uri.getPort() > 0 ? host + ":" + port : host;
        WebSocketEngineHandler handler = new WebSocketEngineHandler(draft, resource, hostHeader, listener, loop,
            options.maxPendingWriteBytes());
        Bootstrap b = new Bootstrap().group(loop).channel(channelClass)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    if (tls) {
                        ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc(), host, port));
                    }
                    ch.pipeline().addLast("ws", handler);
                }
            });
        InetSocketAddress from = local.next();
        // unresolved: the event loop's resolver looks the host up, as connect(host, port) does
        ChannelFuture f = from == null ? b.connect(host, port)
            : b.connect(InetSocketAddress.createUnresolved(host, port), from);
        f.addListener(done -> {
            if (!done.isSuccess()) {
                handler.connectFailed(done.cause());
            }
        });
        return handler;
    }
}
