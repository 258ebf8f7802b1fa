package io.rcbench.workspace;

import io.rcbench.workspace.info.WorkspaceInfo;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.rcbench.workspace.ddp.DdpDispatcher;
import io.rcbench.workspace.ddp.DdpSession;
import io.rcbench.workspace.ddp.MethodRegistry;
import io.rcbench.workspace.ddp.Publications;
import io.rcbench.workspace.ddp.SessionRegistry;
import io.rcbench.workspace.fault.Faults;
import io.rcbench.workspace.http.WorkspaceInitializer;
import io.rcbench.workspace.limit.DdpRateLimiter;
import io.rcbench.workspace.limit.RestRateLimiter;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.methods.AccountMethods;
import io.rcbench.workspace.methods.LoginLoadMethods;
import io.rcbench.workspace.methods.MemberMethods;
import io.rcbench.workspace.methods.MessageActionMethods;
import io.rcbench.workspace.methods.PresenceMethods;
import io.rcbench.workspace.rest.AccessRoutes;
import io.rcbench.workspace.rest.MessageRoutes;
import io.rcbench.workspace.rest.RoomInfoRoutes;
import io.rcbench.workspace.rest.UserInfoRoutes;
import io.rcbench.workspace.service.MessageActions;
import io.rcbench.workspace.service.Presence;
import io.rcbench.workspace.service.SlashCommands;
import io.rcbench.workspace.service.UserAdmin;
import io.rcbench.workspace.settings.AccessDocuments;
import io.rcbench.workspace.settings.Permissions;
import io.rcbench.workspace.methods.MessageMethods;
import io.rcbench.workspace.methods.RoomMethods;
import io.rcbench.workspace.methods.StreamMethods;
import io.rcbench.workspace.metrics.WorkspaceMetrics;
import io.rcbench.workspace.rest.AuthRoutes;
import io.rcbench.workspace.rest.ChatRoutes;
import io.rcbench.workspace.rest.InfoRoutes;
import io.rcbench.workspace.rest.IntegrationRoutes;
import io.rcbench.workspace.rest.MethodCallRoutes;
import io.rcbench.workspace.rest.RestRouter;
import io.rcbench.workspace.rest.RoomRoutes;
import io.rcbench.workspace.rest.SettingsRoutes;
import io.rcbench.workspace.rest.UploadRoutes;
import io.rcbench.workspace.rest.UserRoutes;
import io.rcbench.workspace.seed.Seeder;
import io.rcbench.workspace.service.Accounts;
import io.rcbench.workspace.service.Messaging;
import io.rcbench.workspace.service.Notifier;
import io.rcbench.workspace.service.Rooms;
import io.rcbench.workspace.settings.Settings;
import io.rcbench.workspace.store.Stores;
import io.rcbench.workspace.stream.StreamHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A running embedded workspace: wires store, services, DDP and REST, binds the port and the metrics
 * endpoint. Start with {@link #start(WorkspaceConfig)}; {@link #close()} stops everything and flushes the
 * database. Used by the {@code workspace} command, by tests in-process, and by the main job in its own JVM.
 */
public final class Workspace implements AutoCloseable {

    private final WorkspaceConfig config;
    private final Stores stores;
    private final Settings settings;
    private final WorkspaceMetrics metrics;
    private final SessionRegistry sessions;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final EventLoopGroup boss;
    private final EventLoopGroup io;
    private final Channel server;
    private final int metricsPort;

    private Workspace(WorkspaceConfig cfg) throws InterruptedException {
        this.config = cfg;
        stores = new Stores(cfg.dataDir());
        settings = new Settings(stores.settings, cfg.settings());
        metrics = new WorkspaceMetrics(WorkspaceInfo.version());
        StreamHub hub = new StreamHub();
        Notifier notifier = new Notifier(hub, stores, metrics);
        Permissions permissions = new Permissions(stores.permissions);
        permissions.onChange((id, grant) -> notifier.logged("permissions-changed",
            Json.array().add("updated").add(AccessDocuments.permission(id, grant))));
        Accounts accounts = new Accounts(stores, settings);
        Rooms rooms = new Rooms(stores, notifier, permissions);
        Messaging messaging = new Messaging(stores, settings, notifier, metrics, permissions);
        MessageActions messageActions = new MessageActions(stores, settings, notifier, rooms, messaging, permissions);
        Presence presence = new Presence(notifier);
        sessions = new SessionRegistry(presence, metrics);
        UserAdmin userAdmin = new UserAdmin(stores, notifier, presence, uid -> sessions.snapshot().stream()
            .filter(s -> s.user() != null && s.user().id().equals(uid)).forEach(s -> s.close(1000, "user deleted")));
        settings.onChange((id, value) -> {
            if (Settings.isPublic(id)) {
                notifier.all("public-settings-changed", Json.array().add("updated").add(AccessDocuments.setting(id, value)));
            }
        });
        AdminBootstrap.ensureAdmin(stores, accounts, cfg);

        workers = Executors.newFixedThreadPool(cfg.workerThreads(), new DefaultThreadFactory("ws-worker", true));
        timer = Executors.newScheduledThreadPool(1, new DefaultThreadFactory("ws-timer", true));
        Faults faults = new Faults(cfg.faults(), System.currentTimeMillis(), 42);
        DdpRateLimiter ddpLimiter = new DdpRateLimiter(settings, metrics, permissions);
        RestRateLimiter restLimiter = new RestRateLimiter(settings, permissions);

        MethodRegistry methods = new MethodRegistry();
        new AccountMethods(accounts, sessions).register(methods);
        new MessageMethods(messaging, rooms, stores.messages).register(methods);
        new RoomMethods(rooms).register(methods);
        new StreamMethods(rooms, notifier, settings).register(methods);
        new LoginLoadMethods(settings, permissions).register(methods);
        new MessageActionMethods(messageActions).register(methods);
        new PresenceMethods(presence).register(methods);
        new MemberMethods(rooms, stores, presence).register(methods);
        DdpDispatcher dispatcher = new DdpDispatcher(methods, new Publications(hub, rooms, stores.rooms), sessions, ddpLimiter,
            faults, metrics, workers, timer);

        RestRouter router = new RestRouter(accounts, restLimiter, settings, faults, metrics);
        InfoRoutes.register(router);
        new AuthRoutes(accounts, presence).register(router);
        new UserRoutes(accounts, settings, permissions).register(router);
        new RoomRoutes(rooms, stores).register(router);
        new ChatRoutes(messaging, rooms, stores, permissions).register(router);
        new MethodCallRoutes(dispatcher).register(router);
        new UploadRoutes(stores, rooms, messaging, settings, cfg.dataDir().resolve("uploads")).register(router);
        new IntegrationRoutes(stores, rooms, messaging, permissions).register(router);
        new SettingsRoutes(settings, permissions).register(router);
        new MessageRoutes(messageActions).register(router);
        new RoomInfoRoutes(rooms, stores, presence, messageActions, permissions).register(router);
        new UserInfoRoutes(stores, presence, userAdmin, settings, permissions).register(router);
        new AccessRoutes(stores, settings, rooms, userAdmin, new SlashCommands(rooms, messaging), permissions).register(router);

        timer.scheduleAtFixedRate(() -> {
            ddpLimiter.sweep();
            restLimiter.sweep();
        }, 1, 1, TimeUnit.MINUTES);
        if (cfg.faults().dropFraction() > 0) {
            timer.scheduleAtFixedRate(this::dropConnections, cfg.faults().dropEveryMs(), cfg.faults().dropEveryMs(),
                TimeUnit.MILLISECONDS);
        }

        int maxBody = (int) Math.min(Integer.MAX_VALUE - 1, settings.number("FileUpload_MaxFileSize") + (1 << 20));
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ws-accept", true), NioIoHandler.newFactory());
        io = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("ws-io", true), NioIoHandler.newFactory());
        server = new ServerBootstrap().group(boss, io).channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 4096)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20))
            .childHandler(new WorkspaceInitializer(dispatcher, router, maxBody, workers, settings, metrics))
            .bind(cfg.host(), cfg.port()).sync().channel();
        try {
            metricsPort = cfg.metricsPort() < 0 ? -1 : metrics.serve(cfg.host(), cfg.metricsPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the metrics port " + cfg.metricsPort(), e);
        }
    }

    /** Starts a workspace; fails if the port is taken or the data directory is unusable. */
    public static Workspace start(WorkspaceConfig cfg) {
        try {
            return new Workspace(cfg);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        }
    }

    private void dropConnections() {
        List<DdpSession> open = sessions.snapshot();
        int n = (int) Math.round(open.size() * config.faults().dropFraction());
        for (int i = 0; i < n && !open.isEmpty(); i++) {
            open.remove(ThreadLocalRandom.current().nextInt(open.size())).close(1006, "dropped by fault injection");
        }
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The metrics port, or -1 when metrics are off. */
    public int metricsPort() {
        return metricsPort;
    }

    /** {@code http://host:port}, the URL clients take. */
    public URI baseUri() {
        return URI.create("http://" + config.host() + ":" + port());
    }

    /** The workspace's metrics, for in-process checks (e.g. its own view of method response times). */
    public WorkspaceMetrics metrics() {
        return metrics;
    }

    public Stores stores() {
        return stores;
    }

    public Settings settings() {
        return settings;
    }

    public Seeder seeder() {
        return new Seeder(stores);
    }

    public int openSessions() {
        return sessions.size();
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdown();
        timer.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        metrics.close();
        stores.close();
    }
}
