package io.rcbench.ddp.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.ContinuousFrame;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.framing.TextFrame;
import org.junit.jupiter.api.Test;

class SharedDeflateExtensionTest {
    private final SharedDeflateExtension ext = new SharedDeflateExtension(16, 1 << 20);

    @Test
    void acceptsOnlyAnswersThatKeepServerNoContextTakeover() {
        assertThat(ext.getProvidedExtensionAsClient())
            .isEqualTo("permessage-deflate; client_no_context_takeover; server_no_context_takeover");
        assertThat(ext.acceptProvidedExtensionAsClient("permessage-deflate; server_no_context_takeover")).isTrue();
        assertThat(ext.acceptProvidedExtensionAsClient("permessage-deflate;client_no_context_takeover;server_no_context_takeover")).isTrue();
        assertThat(ext.acceptProvidedExtensionAsClient("permessage-deflate")).isFalse();
        assertThat(ext.acceptProvidedExtensionAsClient("permessage-deflate; server_no_context_takeover; client_max_window_bits=10")).isFalse();
        assertThat(ext.acceptProvidedExtensionAsClient("")).isFalse();
    }

    @Test
    void encodedMessagesDecodeBackAndSmallOnesStayPlain() throws Exception {
        String text = "{\"msg\":\"method\",\"params\":[\"" + "abc".repeat(200) + "\"]}";
        TextFrame out = text(text, true);
        ext.encodeFrame(out);
        assertThat(out.isRSV1()).isTrue();
        assertThat(out.getPayloadData().remaining()).isLessThan(text.length() / 4);
        TextFrame in = new TextFrame();
        in.setPayload(out.getPayloadData());
        in.setRSV1(true);
        ext.decodeFrame(in);
        assertThat(StandardCharsets.UTF_8.decode(in.getPayloadData()).toString()).isEqualTo(text);
        assertThat(in.isRSV1()).isFalse();

        TextFrame small = text("{\"msg\":\"ping\"}", true);
        ext.encodeFrame(small);
        assertThat(small.isRSV1()).isFalse();
        PingFrame ping = new PingFrame();
        ext.encodeFrame(ping);
        assertThat(ping.isRSV1()).isFalse();
    }

    @Test
    void fragmentedMessageIsInflatedOnItsLastFragment() throws Exception {
        String text = "fragmented ".repeat(300);
        byte[] compressed = deflateNoContext(text.getBytes(StandardCharsets.UTF_8));
        int half = compressed.length / 2;
        TextFrame first = new TextFrame();
        first.setFin(false);
        first.setRSV1(true);
        first.setPayload(ByteBuffer.wrap(Arrays.copyOfRange(compressed, 0, half)));
        ContinuousFrame last = new ContinuousFrame();
        last.setFin(true);
        last.setPayload(ByteBuffer.wrap(Arrays.copyOfRange(compressed, half, compressed.length)));
        ext.decodeFrame(first);
        ext.decodeFrame(last);
        assertThat(first.getPayloadData().remaining()).isZero();
        assertThat(StandardCharsets.UTF_8.decode(last.getPayloadData()).toString()).isEqualTo(text);
    }

    @Test
    void oversizedOrCorruptMessagesAreRefused() {
        SharedDeflateExtension tight = new SharedDeflateExtension(16, 1024);
        TextFrame big = new TextFrame();
        big.setRSV1(true);
        big.setPayload(ByteBuffer.wrap(deflateNoContext(new byte[10_000])));
        assertThatThrownBy(() -> tight.decodeFrame(big)).isInstanceOf(InvalidDataException.class).hasMessageContaining("exceeds");
        TextFrame junk = new TextFrame();
        junk.setRSV1(true);
        junk.setPayload(ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff, 0x12, 0x34}));
        assertThatThrownBy(() -> ext.decodeFrame(junk)).isInstanceOf(InvalidDataException.class);
    }

    private static TextFrame text(String s, boolean fin) {
        TextFrame f = new TextFrame();
        f.setFin(fin);
        f.setPayload(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
        return f;
    }

    /** What a server with server_no_context_takeover sends: raw deflate, sync-flushed, tail removed. */
    private static byte[] deflateNoContext(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        byte[] buf = new byte[data.length + 64];
        int n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        d.end();
        return Arrays.copyOf(buf, n - 4);
    }
}
