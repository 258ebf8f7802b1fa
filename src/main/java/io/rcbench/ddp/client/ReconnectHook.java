package io.rcbench.ddp.client;

import java.util.concurrent.CompletionStage;

/**
 * What the layer above does on a new DDP session after a reconnect, before subscriptions are re-sent: typically
 * {@code login {resume: token}}. Runs on the client's event loop; calls are allowed. A failed stage ends the
 * connection with {@link DisconnectReason#RESUME_FAILED} and counts as a failed attempt.
 */
@FunctionalInterface
public interface ReconnectHook {
    CompletionStage<?> afterReconnect(DdpClient client);
}
