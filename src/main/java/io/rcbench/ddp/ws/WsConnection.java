package io.rcbench.ddp.ws;

import io.netty.channel.EventLoop;

/**
 * One client WebSocket connection. {@link #sendText} and {@link #close} may be called from any thread: off the
 * event loop they hop onto it, so the engine (and a per-thread compressor) is only ever touched by that thread.
 */
public interface WsConnection {
    /** Sends a text message whose UTF-8 encoding is {@code utf8}; the array must not be modified afterwards. */
    void sendText(byte[] utf8);

    void sendText(String text);

    /** Starts the closing handshake with {@code code}; the connection reports {@link WsListener#onClose} once done. */
    void close(int code, String reason);

    /** Drops the TCP connection at once, without a close frame (a dead peer is not waited for). */
    void abort(String reason);

    boolean isOpen();

    /** The event loop every callback of this connection runs on. */
    EventLoop eventLoop();

    /** The negotiated extension, e.g. "permessage-deflate (shared per thread)", or "none". */
    String extension();
}
