package io.rcbench.ddp.client;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.rcbench.ddp.ws.LocalAddresses;
import io.rcbench.ddp.ws.TlsContexts;
import io.rcbench.ddp.ws.TlsOptions;
import io.rcbench.ddp.ws.WebSocketConnector;
import io.rcbench.ddp.ws.WsOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Makes {@link DdpClient}s on a set of event loops: its own small group ({@link #create(int)}, for tools and tests;
 * closed with it) or a caller's group ({@link #using}, e.g. Gatling's loops; never shut down here). Clients are spread
 * over the loops, or pinned to a given loop (a Gatling virtual user's). TLS contexts and connectors are built once
 * per set of options and shared. Given {@link LocalAddresses}, every client socket binds to them in turn. Thread-safe.
 */
public final class DdpClients implements AutoCloseable {
    private final EventLoopGroup group;
    private final Class<? extends Channel> channelClass;
    private final boolean owned;
    private final LocalAddresses local;
    private final DdpStats stats = new DdpStats();
    private final Map<TlsOptions, SslContext> tls = new ConcurrentHashMap<>();
    private final Map<WsOptions, WebSocketConnector> plain = new ConcurrentHashMap<>();
    private final Map<WsOptions, Map<TlsOptions, WebSocketConnector>> secure = new ConcurrentHashMap<>();

    private DdpClients(EventLoopGroup group, Class<? extends Channel> channelClass, boolean owned, LocalAddresses local) {
        this.group = group;
        this.channelClass = channelClass;
        this.owned = owned;
        this.local = local;
    }

    /**
     * A factory with its own group of {@code ioThreads} daemon threads named {@code rcbench-ddp-*}: Netty's native
     * epoll transport where it loads (Linux), else NIO.
     */
    public static DdpClients create(int ioThreads) {
        return create(ioThreads, LocalAddresses.ANY);
    }

    /** Like {@link #create(int)}, with every client socket bound to {@code local}'s addresses in turn. */
    public static DdpClients create(int ioThreads, LocalAddresses local) {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be >= 1");
        }
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup g = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("rcbench-ddp", true),
            epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        return new DdpClients(g, socketChannelFor(g), true, local);
    }

    /** A factory on the caller's event loops (epoll, io_uring or NIO); {@link #close()} leaves them running. */
    public static DdpClients using(EventLoopGroup group) {
        return using(group, socketChannelFor(group));
    }

    /**
     * The socket channel type the loops of {@code group} can register: Gatling, for one, runs on native epoll loops
     * where they load and on NIO elsewhere (rcbench does not turn on its io_uring option).
     */
    public static Class<? extends Channel> socketChannelFor(EventLoopGroup group) {
        return group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class) ? EpollSocketChannel.class
            : NioSocketChannel.class;
    }

    /** A factory on the caller's event loops with the socket channel type that matches them. */
    public static DdpClients using(EventLoopGroup group, Class<? extends Channel> channelClass) {
        return using(group, channelClass, LocalAddresses.ANY);
    }

    /** Like {@link #using(EventLoopGroup, Class)}, with every client socket bound to {@code local}'s addresses in turn. */
    public static DdpClients using(EventLoopGroup group, Class<? extends Channel> channelClass, LocalAddresses local) {
        return new DdpClients(group, channelClass, false, local);
    }

    /** A client on the next loop of the group. */
    public DdpClient newClient(DdpClientConfig config) {
        return newClient(config, group.next());
    }

    /** A client pinned to {@code loop} (which must belong to a group of the same transport). */
    public DdpClient newClient(DdpClientConfig config, EventLoop loop) {
        return new DdpClient(config, connector(config), loop, stats);
    }

    /** Counters shared by every client of this factory. */
    public DdpStats stats() {
        return stats;
    }

    public EventLoopGroup group() {
        return group;
    }

    private WebSocketConnector connector(DdpClientConfig config) {
        boolean wss = config.socketUri().getScheme().equals("wss");
        if (!wss) {
            return plain.computeIfAbsent(config.transport(), o -> new WebSocketConnector(channelClass, o, null, local));
        }
        SslContext ctx = tls.computeIfAbsent(config.tls(), TlsContexts::build);
        return secure.computeIfAbsent(config.transport(), o -> new ConcurrentHashMap<>())
            .computeIfAbsent(config.tls(), t -> new WebSocketConnector(channelClass, config.transport(), ctx, local));
    }

    /** Shuts down the group when this factory created it (clients still open are cut). */
    @Override
    public void close() {
        if (owned) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
