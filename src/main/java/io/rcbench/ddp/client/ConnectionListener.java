package io.rcbench.ddp.client;

/**
 * Connection state changes of one client; called on its event loop. A failed first connect is reported only through
 * {@link DdpClient#connect()}'s future.
 */
public interface ConnectionListener {
    /**
     * An established session ended (it had completed its connect or reconnect); {@code willReconnect} tells whether
     * the reconnect policy takes over. Called once per established session, {@link DisconnectReason#CLIENT_CLOSE}
     * included.
     */
    default void disconnected(DisconnectReason reason, int closeCode, String detail, boolean willReconnect) {
    }

    /** A reconnect completed: new session, hook done, subscriptions re-sent. {@code count} counts them per client. */
    default void reconnected(int count) {
    }

    /**
     * A reconnect attempt failed (transport, handshake, or the resume hook); {@code willRetry} is false when the
     * policy gives up, after which the client is closed.
     */
    default void reconnectFailed(DisconnectReason reason, int attempt, boolean willRetry) {
    }
}
