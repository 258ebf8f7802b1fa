package io.rcbench.workspace.stream;

import io.netty.buffer.ByteBuf;

/** A connection that receives stream events. Implemented by the DDP session. */
public interface Subscriber {
    /** The logged-in user, or null. */
    String userId();

    /**
     * Sends one frame. {@code utf8} is the frame's bytes, shared between subscribers: retain a duplicate to keep it.
     * Called from any thread.
     */
    void deliver(String text, ByteBuf utf8);
}
