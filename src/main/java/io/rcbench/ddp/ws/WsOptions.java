package io.rcbench.ddp.ws;

import java.time.Duration;

/**
 * Transport options of one connection.
 *
 * @param compression       permessage-deflate choice
 * @param connectTimeout    TCP connect timeout (the DDP client bounds the whole handshake separately)
 * @param maxMessageBytes   larger inbound frames or inflated messages close the connection with 1009
 * @param deflateThresholdBytes outbound messages shorter than this are not compressed
 * @param maxPendingWriteBytes  bytes queued for a server that does not read beyond which the connection is dropped,
 *                              so a stalled server cannot make the injector run out of memory
 */
public record WsOptions(Compression compression, Duration connectTimeout, int maxMessageBytes, int deflateThresholdBytes,
                        long maxPendingWriteBytes) {
    public static final WsOptions DEFAULT = new WsOptions(Compression.SHARED_PER_THREAD, Duration.ofSeconds(10), 16 << 20, 512,
        32L << 20);

    public WsOptions {
        if (compression == null || connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("compression and a positive connect timeout are required");
        }
        if (maxMessageBytes < 1024 || deflateThresholdBytes < 0 || maxPendingWriteBytes < maxMessageBytes) {
            throw new IllegalArgumentException("maxMessageBytes must be >= 1024, the deflate threshold >= 0 and"
                + " maxPendingWriteBytes >= maxMessageBytes");
        }
    }

    public WsOptions withCompression(Compression c) {
        return new WsOptions(c, connectTimeout, maxMessageBytes, deflateThresholdBytes, maxPendingWriteBytes);
    }

    public WsOptions withConnectTimeout(Duration d) {
        return new WsOptions(compression, d, maxMessageBytes, deflateThresholdBytes, maxPendingWriteBytes);
    }

    public WsOptions withLimits(int maxMessage, long maxPendingWrite) {
        return new WsOptions(compression, connectTimeout, maxMessage, deflateThresholdBytes, maxPendingWrite);
    }
}
