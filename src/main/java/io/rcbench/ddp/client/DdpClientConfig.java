package io.rcbench.ddp.client;

import io.rcbench.ddp.codec.SockJs;
import io.rcbench.ddp.ws.Compression;
import io.rcbench.ddp.ws.TlsOptions;
import io.rcbench.ddp.ws.WsOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Settings of one client. {@code uri} is either the server root ({@code ws://host:3000}, {@code https://chat.example}:
 * the client then connects to {@code /websocket}, or to a SockJS path when {@code sockJs}) or a full WebSocket URL
 * ({@code .../websocket}, or {@code .../sockjs/123/abcdefgh/websocket}, which implies SockJS framing).
 *
 * @param connectTimeout    TCP + TLS + WebSocket handshake + DDP {@code connected}
 * @param callTimeout       default per-call timeout
 * @param heartbeatInterval ping after this much inbound silence ({@link Duration#ZERO} disables the heartbeat)
 * @param heartbeatTimeout  close (and reconnect, if a policy is set) when nothing arrives this long after a ping
 * @param reconnect         null for no reconnects
 */
public record DdpClientConfig(URI uri, boolean sockJs, WsOptions transport, TlsOptions tls, Duration connectTimeout,
                              Duration callTimeout, Duration heartbeatInterval, Duration heartbeatTimeout,
                              ReconnectPolicy reconnect) {
    public DdpClientConfig {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("DDP URI needs a scheme and a host, e.g. ws://127.0.0.1:3000/websocket: " + uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") && !scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("DDP URI scheme must be ws, wss, http or https: " + uri);
        }
        if (transport == null || tls == null) {
            throw new IllegalArgumentException("transport and TLS options are required");
        }
        positive(connectTimeout, "connectTimeout");
        positive(callTimeout, "callTimeout");
        if (heartbeatInterval == null || heartbeatInterval.isNegative() || heartbeatTimeout == null || heartbeatTimeout.isNegative()
            || (!heartbeatInterval.isZero() && heartbeatTimeout.isZero())) {
            throw new IllegalArgumentException("heartbeat interval must be >= 0 and, when on, the timeout positive");
        }
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /**
     * Defaults: shared-per-thread permessage-deflate, JDK trust with host name verification, 10 s connect, 30 s calls,
     * heartbeat ping after 17.5 s of silence and close 15 s later (Meteor's client values), no reconnect.
     */
    public static DdpClientConfig of(URI uri) {
        return new DdpClientConfig(uri, false, WsOptions.DEFAULT, TlsOptions.DEFAULT, Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMillis(17_500), Duration.ofSeconds(15), null);
    }

    public static DdpClientConfig of(String uri) {
        return of(URI.create(uri));
    }

    public DdpClientConfig withSockJs(boolean on) {
        return new DdpClientConfig(uri, on, transport, tls, connectTimeout, callTimeout, heartbeatInterval, heartbeatTimeout, reconnect);
    }

    public DdpClientConfig withCompression(Compression c) {
        return withTransport(transport.withCompression(c));
    }

    public DdpClientConfig withTransport(WsOptions t) {
        return new DdpClientConfig(uri, sockJs, t, tls, connectTimeout, callTimeout, heartbeatInterval, heartbeatTimeout, reconnect);
    }

    public DdpClientConfig withTls(TlsOptions t) {
        return new DdpClientConfig(uri, sockJs, transport, t, connectTimeout, callTimeout, heartbeatInterval, heartbeatTimeout, reconnect);
    }

    public DdpClientConfig withConnectTimeout(Duration d) {
        return new DdpClientConfig(uri, sockJs, transport, tls, d, callTimeout, heartbeatInterval, heartbeatTimeout, reconnect);
    }

    public DdpClientConfig withCallTimeout(Duration d) {
        return new DdpClientConfig(uri, sockJs, transport, tls, connectTimeout, d, heartbeatInterval, heartbeatTimeout, reconnect);
    }

    public DdpClientConfig withHeartbeat(Duration interval, Duration timeout) {
        return new DdpClientConfig(uri, sockJs, transport, tls, connectTimeout, callTimeout, interval, timeout, reconnect);
    }

    public DdpClientConfig withReconnect(ReconnectPolicy p) {
        return new DdpClientConfig(uri, sockJs, transport, tls, connectTimeout, callTimeout, heartbeatInterval, heartbeatTimeout, p);
    }

    /** The URI to open, with a ws or wss scheme. */
    URI socketUri() {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String ws = scheme.equals("https") || scheme.equals("wss") ? "wss" : "ws";
        return URI.create(ws + "://" + uri.getRawAuthority() + "/");
    }

    /** True when frames are SockJS-wrapped: asked for, or implied by the path. */
    boolean usesSockJs() {
        return sockJs || SockJs.isSockJsPath(uri.getPath());
    }

    /** The request path (and query) for one connection attempt; SockJS paths are drawn anew each time. */
    String resource() {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        if (SockJs.isSockJsPath(path) || (!sockJs && (path.endsWith("/websocket") || path.endsWith("/websocket/")))) {
            return path + query;
        }
        String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (sockJs) {
            if (prefix.endsWith("/websocket")) {
                prefix = prefix.substring(0, prefix.length() - "/websocket".length());
            }
            return SockJs.randomPath(prefix) + query;
        }
        return prefix + "/websocket" + query;
    }
}
