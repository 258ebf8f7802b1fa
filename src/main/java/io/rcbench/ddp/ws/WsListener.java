package io.rcbench.ddp.ws;

/**
 * Events of one WebSocket connection. Every method is called on the connection's event loop, never concurrently,
 * and must not block.
 */
public interface WsListener {
    /** The opening handshake completed; text may be sent from now on. */
    void onOpen(WsConnection connection);

    /**
     * One complete text message (fragments joined, permessage-deflate undone).
     *
     * @param readNanos {@link System#nanoTime()} when the bytes that completed the message were read from the socket,
     *                  before unmasking, inflating and decoding: the message's arrival as the wire saw it
     */
    void onText(WsConnection connection, String text, long readNanos);

    /**
     * The connection is gone; called exactly once per connect attempt, also when TCP, TLS or the handshake failed.
     *
     * @param code   the close code: from the peer's close frame, 1006 when the connection dropped without one
     * @param remote true when the peer (or the network) ended it, false when this side closed it
     * @param cause  the transport error that ended it, or null for an orderly close
     */
    void onClose(WsConnection connection, int code, String reason, boolean remote, Throwable cause);
}
