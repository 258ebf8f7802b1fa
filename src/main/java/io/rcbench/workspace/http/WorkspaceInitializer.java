package io.rcbench.workspace.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.DeflateFrameServerExtensionHandshaker;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import io.rcbench.workspace.ddp.DdpDispatcher;
import io.rcbench.workspace.metrics.WorkspaceMetrics;
import io.rcbench.workspace.rest.RestRouter;
import io.rcbench.workspace.settings.Settings;

/**
 * The pipeline of every accepted connection: HTTP codec with its deadlines ({@link HttpDeadlines}), the body
 * limit per route ({@link RequestBodyLimit}), body aggregation (bounded by the upload limit),
 * permessage-deflate negotiation (on by default, as Meteor), then {@link UpgradeHandler}, which either upgrades
 * to DDP or hands the request to {@link RestHandler}. A client's {@code server_no_context_takeover} request is
 * granted, as Meteor's permessage-deflate and ddp-streamer's {@code ws} grant it (Netty refuses it by default).
 */
public final class WorkspaceInitializer extends ChannelInitializer<SocketChannel> {
    private final DdpDispatcher dispatcher;
    private final RestRouter router;
    private final int maxBodyBytes;
    private final java.util.concurrent.Executor workers;
    private final OutboundLimit limit;
    private final Settings settings;
    private final WorkspaceMetrics metrics;

    public WorkspaceInitializer(DdpDispatcher dispatcher, RestRouter router, int maxBodyBytes,
                                java.util.concurrent.Executor workers, Settings settings, WorkspaceMetrics metrics) {
        this.dispatcher = dispatcher;
        this.router = router;
        this.maxBodyBytes = maxBodyBytes;
        this.workers = workers;
        this.limit = new OutboundLimit(settings);
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        HttpDeadlines deadlines = new HttpDeadlines(settings);
        p.addLast("bytes", deadlines.bytes());
        p.addLast("http", new HttpServerCodec());
        p.addLast("deadlines", deadlines);
        p.addLast("bodylimit", new RequestBodyLimit(router, settings));
        p.addLast("aggregate", new HttpObjectAggregator(maxBodyBytes));
        p.addLast("deflate", new WebSocketServerExtensionHandler(
            new PerMessageDeflateServerExtensionHandshaker(6, ZlibCodecFactory.isSupportingWindowSizeAndMemLevel(),
                PerMessageDeflateServerExtensionHandshaker.MAX_WINDOW_SIZE, true, false, UpgradeHandler.MAX_FRAME_BYTES),
            new DeflateFrameServerExtensionHandshaker(DeflateFrameServerExtensionHandshaker.DEFAULT_COMPRESSION_LEVEL,
                UpgradeHandler.MAX_FRAME_BYTES)));
        p.addLast("upgrade", new UpgradeHandler(dispatcher, limit, metrics));
        p.addLast("rest", new RestHandler(router, workers));
    }
}
