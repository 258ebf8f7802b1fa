package io.rcbench.ddp.client;

/** Connection state changes of one client; called on its event loop. */
public interface ConnectionListener {
    /** The transport ended; {@code willReconnect} tells whether the reconnect policy takes over. */
    default void disconnected(DisconnectReason reason, int closeCode, String detail, boolean willReconnect) {
    }

    /** A reconnect completed: new session, hook done, subscriptions re-sent. {@code count} counts them per client. */
    default void reconnected(int count) {
    }
}
