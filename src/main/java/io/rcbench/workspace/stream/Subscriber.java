package io.rcbench.workspace.stream;

/** A connection that receives stream events. Implemented by the DDP session. */
public interface Subscriber {
    /** The logged-in user, or null. */
    String userId();

    /**
     * Sends one frame shared between subscribers: retain a duplicate of its bytes to keep them. Called from the
     * emitting thread, which may be any thread.
     */
    void deliver(SharedFrame frame);
}
