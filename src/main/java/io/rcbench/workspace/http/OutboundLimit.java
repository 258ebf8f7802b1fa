package io.rcbench.workspace.http;

import io.netty.channel.Channel;
import io.rcbench.workspace.settings.Settings;
import java.util.function.LongSupplier;

/**
 * How many bytes a DDP connection may have queued for a client that does not read, before it is closed as a
 * slow consumer (1013). The bound is the {@code DDP_Max_Buffered_Bytes} setting (4 MiB, ddp-streamer's
 * {@code DDP_MAX_BUFFERED_BYTES}); when more than half of the JVM's direct memory is in use it drops to
 * {@value #PRESSURE_BOUND} bytes, so that many slow readers together cannot exhaust direct memory (200 of them
 * at 4 MiB each would need 800 MiB; {@code -Xmx512m} allows 512 MiB). Thread-safe.
 */
final class OutboundLimit {
    /** The bound under memory pressure: still several seconds of a busy room for a client that reads. */
    static final long PRESSURE_BOUND = 256 << 10;
    private final Settings settings;
    private final LongSupplier directUsed;
    private final long directMax;

    OutboundLimit(Settings settings) {
        this(settings, DirectMemory::used, DirectMemory.max());
    }

    /** With the direct memory figures given, for tests of the pressure rule. */
    OutboundLimit(Settings settings, LongSupplier directUsed, long directMax) {
        this.settings = settings;
        this.directUsed = directUsed;
        this.directMax = directMax;
    }

    /** The least bound a setting can ask for: below it a single history answer would trip it. */
    static final long MIN_BOUND = 64 << 10;

    /** The configured bound, the channel's high water mark. */
    long configured() {
        return Math.max(MIN_BOUND, settings.number("DDP_Max_Buffered_Bytes"));
    }

    /**
     * True when {@code ch} already holds more than its bound of unsent bytes (counting writes queued from other
     * threads), so that one more frame must not be queued.
     */
    boolean exceeded(Channel ch) {
        if (!ch.isWritable()) {
            return true;
        }
        long queued = ch.config().getWriteBufferHighWaterMark() - ch.bytesBeforeUnwritable();
        return queued > PRESSURE_BOUND && directUsed.getAsLong() > directMax / 2;
    }
}
