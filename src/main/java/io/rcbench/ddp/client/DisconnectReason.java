package io.rcbench.ddp.client;

/** Why a DDP connection ended; counted per reason in {@link DdpStats}. */
public enum DisconnectReason {
    /** {@link DdpClient#close()} was called. */
    CLIENT_CLOSE,
    /** The server sent a WebSocket close frame. */
    SERVER_CLOSE,
    /** TCP ended without a close frame (1006). */
    CONNECTION_LOST,
    /** No frame arrived within the heartbeat timeout after a ping. */
    HEARTBEAT_TIMEOUT,
    /** TCP, TLS or the WebSocket handshake failed. */
    CONNECT_FAILED,
    /** TCP + WebSocket + DDP connect took longer than the connect timeout. */
    CONNECT_TIMEOUT,
    /** The server answered {@code failed}: no common DDP version. */
    VERSION_REFUSED,
    /** The reconnect hook (login resume) failed. */
    RESUME_FAILED,
    /** The server stopped reading and the client's write backlog passed its limit ({@code WsOptions.maxPendingWriteBytes}). */
    SERVER_NOT_READING
}
