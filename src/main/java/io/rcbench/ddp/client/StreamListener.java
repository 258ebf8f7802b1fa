package io.rcbench.ddp.client;

/** Receives stream events; called on the client's event loop, must not block. */
@FunctionalInterface
public interface StreamListener {
    void onEvent(StreamEvent event);
}
