package io.rcbench.ddp.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.HandshakeState;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshakeBuilder;
import org.java_websocket.handshake.HandshakeImpl1Client;
import org.java_websocket.handshake.HandshakeImpl1Server;
import org.java_websocket.handshake.Handshakedata;
import org.junit.jupiter.api.Test;

/**
 * The client draft's own inbound path against the frames a server sends: split anywhere across reads, all three
 * length encodings, compressed or not, fragments and pings in between, and the protocol errors (invalid UTF-8, a
 * frame over the limit) that must still close the connection with their codes.
 */
class ClientDraftTest {
    private static final int MAX = 1 << 20;
    private final Recorder heard = new Recorder();

    @Test
    void messagesSplitAnywhereAcrossReadsArriveWholeAndInOrder() throws Exception {
        List<String> texts = List.of("{\"msg\":\"ping\"}", "é".repeat(100) + "x", "y".repeat(70_000));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (String t : texts) {
            wire.writeBytes(frame(0x81, t.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] bytes = wire.toByteArray();
        for (int chunk : new int[] {1, 7, 125, 4096, bytes.length}) {
            ClientDraft draft = draft();
            WebSocketImpl ws = new WebSocketImpl(heard, draft);
            heard.texts.clear();
            for (int at = 0; at < bytes.length; at += chunk) {
                feed(draft, ws, ByteBuffer.wrap(bytes, at, Math.min(chunk, bytes.length - at)).slice());
            }
            assertThat(heard.texts).as("read in chunks of %d bytes", chunk).containsExactlyElementsOf(texts);
        }
    }

    @Test
    void invalidUtf8ClosesWith1007ButAReplacementCharacterAsSentIsText() throws Exception {
        ClientDraft draft = draft();
        WebSocketImpl ws = new WebSocketImpl(heard, draft);
        feed(draft, ws, ByteBuffer.wrap(frame(0x81, "a \uFFFD b".getBytes(StandardCharsets.UTF_8))));
        assertThat(heard.texts).containsExactly("a \uFFFD b");
        assertThatThrownBy(() -> draft().translateFrame(ByteBuffer.wrap(frame(0x81, new byte[] {'a', (byte) 0xc3, '('}))))
            .isInstanceOfSatisfying(InvalidDataException.class, e -> assertThat(e.getCloseCode()).isEqualTo(CloseFrame.NO_UTF8));
    }

    @Test
    void aFrameOverTheLimitIsRefusedFromItsHeader() {
        // only the header has arrived: the payload is refused before any of it is held
        byte[] header = {(byte) 0x81, 127, 0, 0, 0, 0, 0, 0x20, 0, 0};
        assertThatThrownBy(() -> draft().translateFrame(ByteBuffer.wrap(header)))
            .isInstanceOfSatisfying(InvalidDataException.class, e -> assertThat(e.getCloseCode()).isEqualTo(CloseFrame.TOOBIG));
    }

    @Test
    void fragmentsWithAPingBetweenGoTheStockWay() throws Exception {
        ClientDraft draft = draft();
        WebSocketImpl ws = new WebSocketImpl(heard, draft);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(frame(0x01, "{\"msg\":".getBytes(StandardCharsets.UTF_8)));
        wire.writeBytes(frame(0x89, "hb".getBytes(StandardCharsets.UTF_8)));
        wire.writeBytes(frame(0x80, "\"pong\"}".getBytes(StandardCharsets.UTF_8)));
        wire.writeBytes(frame(0x81, "after".getBytes(StandardCharsets.UTF_8)));
        feed(draft, ws, ByteBuffer.wrap(wire.toByteArray()));
        assertThat(heard.pings).isEqualTo(1);
        assertThat(heard.texts).containsExactly("{\"msg\":\"pong\"}", "after");
        // a new message while one is still fragmented is a protocol error, as in the stock draft
        ClientDraft other = draft();
        WebSocketImpl ws2 = new WebSocketImpl(heard, other);
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.writeBytes(frame(0x01, "{".getBytes(StandardCharsets.UTF_8)));
        bad.writeBytes(frame(0x81, "{}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> feed(other, ws2, ByteBuffer.wrap(bad.toByteArray())))
            .isInstanceOfSatisfying(InvalidDataException.class, e -> assertThat(e.getCloseCode()).isEqualTo(CloseFrame.PROTOCOL_ERROR));
    }

    @Test
    void compressedMessagesInflateWhenTheExtensionWasNegotiated() throws Exception {
        ClientDraft draft = draft();
        negotiateDeflate(draft);
        WebSocketImpl ws = new WebSocketImpl(heard, draft);
        String text = "{\"msg\":\"changed\",\"collection\":\"stream-room-messages\",\"fields\":{\"args\":[\"" + "m".repeat(3000) + "\"]}}";
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(frame(0xC1, deflate(text)));
        wire.writeBytes(frame(0x81, "plain".getBytes(StandardCharsets.UTF_8)));
        wire.writeBytes(frame(0xC1, deflate(text)));
        feed(draft, ws, ByteBuffer.wrap(wire.toByteArray()));
        assertThat(heard.texts).containsExactly(text, "plain", text);
        // without the extension, a compressed frame is the protocol error it is
        assertThatThrownBy(() -> draft().translateFrame(ByteBuffer.wrap(frame(0xC1, deflate(text)))))
            .isInstanceOf(InvalidDataException.class);
    }

    private static ClientDraft draft() {
        return (ClientDraft) new ClientDraft(List.of(new SharedDeflateExtension(64, MAX)), MAX).copyInstance();
    }

    private static void feed(Draft draft, WebSocketImpl ws, ByteBuffer bytes) throws InvalidDataException {
        for (Framedata f : draft.translateFrame(bytes)) {
            draft.processFrame(ws, f);
        }
    }

    /** An unmasked server frame: first byte (FIN, RSV, opcode), then the shortest length encoding. */
    static byte[] frame(int first, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(first);
        int n = payload.length;
        if (n < 126) {
            out.write(n);
        } else if (n < 65536) {
            out.write(126);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(127);
            out.writeBytes(ByteBuffer.allocate(8).putLong(n).array());
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** RFC 7692: raw deflate, sync flush, the trailing 00 00 ff ff removed. */
    private static byte[] deflate(String text) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(text.getBytes(StandardCharsets.UTF_8));
        byte[] buf = new byte[text.length() + 64];
        int n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        d.end();
        return java.util.Arrays.copyOf(buf, n - 4);
    }

    /** The client's half of a handshake whose answer accepts permessage-deflate without context takeover. */
    private static void negotiateDeflate(ClientDraft draft) throws Exception {
        ClientHandshakeBuilder request = draft.postProcessHandshakeRequestAsClient(new HandshakeImpl1Client());
        HandshakeImpl1Server answer = new HandshakeImpl1Server();
        answer.setHttpStatus((short) 101);
        answer.put("Upgrade", "websocket");
        answer.put("Connection", "Upgrade");
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((request.getFieldValue("Sec-WebSocket-Key")
            + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
        answer.put("Sec-WebSocket-Accept", Base64.getEncoder().encodeToString(sha1));
        answer.put("Sec-WebSocket-Extensions", "permessage-deflate; server_no_context_takeover; client_no_context_takeover");
        assertThat(draft.acceptHandshakeAsClient(request, answer)).isEqualTo(HandshakeState.MATCHED);
        assertThat(draft.getExtension()).isInstanceOf(SharedDeflateExtension.class);
    }

    /** What the engine hands its listener. */
    private static final class Recorder extends WebSocketAdapter {
        final List<String> texts = new ArrayList<>();
        int pings;

        @Override
        public void onWebsocketMessage(WebSocket conn, String message) {
            texts.add(message);
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata f) {
            pings++;
        }

        @Override
        public void onWebsocketMessage(WebSocket conn, ByteBuffer blob) {
        }

        @Override
        public void onWebsocketOpen(WebSocket conn, Handshakedata d) {
        }

        @Override
        public void onWebsocketClose(WebSocket ws, int code, String reason, boolean remote) {
        }

        @Override
        public void onWebsocketClosing(WebSocket ws, int code, String reason, boolean remote) {
        }

        @Override
        public void onWebsocketCloseInitiated(WebSocket ws, int code, String reason) {
        }

        @Override
        public void onWebsocketError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onWriteDemand(WebSocket conn) {
        }

        @Override
        public InetSocketAddress getLocalSocketAddress(WebSocket conn) {
            return null;
        }

        @Override
        public InetSocketAddress getRemoteSocketAddress(WebSocket conn) {
            return null;
        }
    }
}
