package io.rcbench.ddp.ws;

/**
 * permessage-deflate choices (RFC 7692). Java-WebSocket's stock extension keeps a Deflater and an Inflater per
 * connection (native zlib state and windows, measured at about 116 KB RSS per idle session against 23 KB without);
 * {@link #SHARED_PER_THREAD} negotiates no context takeover in both directions so that one Deflater and one Inflater
 * per event-loop thread serve every connection of that thread.
 */
public enum Compression {
    /** No extension offered. */
    NONE,
    /** Java-WebSocket's {@code PerMessageDeflateExtension}: compressor state per connection. */
    PER_CONNECTION,
    /**
     * {@link SharedDeflateExtension}: offers {@code client_no_context_takeover; server_no_context_takeover} and uses
     * one Deflater/Inflater per thread. Falls back to no compression when the server refuses those parameters.
     */
    SHARED_PER_THREAD
}
