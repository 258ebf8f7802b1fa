package io.rcbench.ddp.ws;

import io.netty.channel.EventLoop;

/**
 * One client WebSocket connection. {@link #sendText} and {@link #close} may be called from any thread: off the
 * event loop they hop onto it, so the engine (and a per-thread compressor) is only ever touched by that thread.
 */
public interface WsConnection {
    /** Sends a text message whose UTF-8 encoding is {@code utf8}; the array must not be modified afterwards. */
    void sendText(byte[] utf8);

    /**
     * Sends like {@link #sendText(byte[])}; {@code written} hears the {@link System#nanoTime()} at which the frame's
     * bytes were handed to the socket (after framing, masking and compression: the moment the frame leaves this
     * client; if the socket's buffer was full, when the write finally happened), on the event loop. Not called when
     * the frame never reached the socket (the connection closed first).
     */
    void sendText(byte[] utf8, java.util.function.LongConsumer written);

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
