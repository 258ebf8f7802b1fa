package io.rcbench.workspace.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.rcbench.workspace.settings.Settings;
import io.rcbench.workspace.store.Stores;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbound bound of a DDP connection on a real Netty channel: the configured bound always, 256 KiB once more
 * than half of direct memory is in use (many slow readers with per-connection buffers, e.g. permessage-deflate).
 */
class OutboundLimitTest {
    @TempDir
    Path dir;

    @Test
    void theBoundDropsUnderDirectMemoryPressure() {
        try (Stores stores = new Stores(dir)) {
            Settings settings = new Settings(stores.settings, Map.of());
            long[] used = {0};
            OutboundLimit limit = new OutboundLimit(settings, () -> used[0], 512L << 20);
            EmbeddedChannel ch = new EmbeddedChannel();
            long bound = limit.configured();
            assertThat(bound).isEqualTo(4L << 20);
            ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark((int) bound / 2, (int) bound));

            ch.write(Unpooled.wrappedBuffer(new byte[200 << 10])); // queued, not flushed: the client is not reading
            used[0] = 400L << 20;
            assertThat(limit.exceeded(ch)).as("200 KiB queued, under pressure").isFalse();

            ch.write(Unpooled.wrappedBuffer(new byte[100 << 10]));
            used[0] = 100L << 20;
            assertThat(limit.exceeded(ch)).as("300 KiB queued, no pressure").isFalse();
            used[0] = 300L << 20;
            assertThat(limit.exceeded(ch)).as("300 KiB queued, over half of direct memory in use").isTrue();

            used[0] = 0;
            ch.write(Unpooled.wrappedBuffer(new byte[4 << 20]));
            assertThat(limit.exceeded(ch)).as("over the configured bound").isTrue();
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aSettingBelowTheFloorIsRaisedToIt() {
        try (Stores stores = new Stores(dir)) {
            Settings settings = new Settings(stores.settings, Map.of("DDP_Max_Buffered_Bytes", "1000"));
            assertThat(new OutboundLimit(settings).configured()).isEqualTo(OutboundLimit.MIN_BOUND);
        }
    }
}
