package io.rcbench.sut;

import io.rcbench.workspace.Envelope;

/**
 * How big the embedded workspace is started: whole cores and memory. The orchestration's name for the workspace's
 * {@link Envelope}, so job/ needs nothing from the workspace; checked the same way (at least one core, 64 MB).
 */
public record EmbeddedSize(int cores, long memoryMb) {
    public EmbeddedSize {
        new Envelope(cores, memoryMb); // the workspace's own checks, with its messages
    }

    /** The workspace's envelope of this size. */
    Envelope envelope() {
        return new Envelope(cores, memoryMb);
    }
}
