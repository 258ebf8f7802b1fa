package io.rcbench.ddp.ws;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketListener;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidFrameException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.extensions.DefaultExtension;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.FramedataImpl1;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * Java-WebSocket's {@link Draft_6455} with a cheaper inbound path for what a DDP client receives most: a whole text
 * message in one frame. Stock, each such frame is copied into a new buffer, checked for UTF-8 byte by byte, inflated
 * into another new array, then decoded to a String by a new validating decoder: two validations and three copies.
 * Here its payload is inflated (when compressed, by {@link SharedDeflateExtension} into a per-thread scratch) and
 * decoded once by the JDK's String decoder, whose replacement character marks the only case that needs a strict check
 * ({@link Utf8#decode}). Invalid UTF-8 still closes with 1007, an oversized frame with 1009.
 *
 * <p>Every other frame (control frames, fragments, binary, masked, or compressed by another extension) is built as
 * the stock draft builds it and handled by the stock {@link #processFrame}: the handshake, close handshake, pings and
 * the protocol's error cases stay Java-WebSocket's.
 *
 * <p>Thread contract: one instance per connection ({@link #copyInstance} per engine), used by its event loop only.
 */
final class ClientDraft extends Draft_6455 {
    private final int maxFrameSize;
    private final DefaultExtension plain = new DefaultExtension();
    /** Bytes of a frame not complete yet, in write mode (position = bytes held); null when none. */
    private ByteBuffer pending;
    /** A fragmented data message is under way: its frames go the stock way. */
    private boolean fragmented;
    /** The extension that decodes the current data message (chosen at its first frame, as the stock draft does). */
    private IExtension decoding;

    ClientDraft(List<IExtension> extensions, int maxFrameSize) {
        // no subprotocol: the empty one, as the stock draft's constructors say
        this(extensions, List.of(new Protocol("")), maxFrameSize);
    }

    private ClientDraft(List<IExtension> extensions, List<IProtocol> protocols, int maxFrameSize) {
        super(extensions, protocols, maxFrameSize);
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    public Draft copyInstance() {
        List<IExtension> ext = new ArrayList<>();
        getKnownExtensions().forEach(e -> ext.add(e.copyInstance()));
        List<IProtocol> protocols = new ArrayList<>();
        getKnownProtocols().forEach(p -> protocols.add(p.copyInstance()));
        return new ClientDraft(ext, protocols, maxFrameSize);
    }

    @Override
    public void reset() {
        super.reset();
        pending = null;
        fragmented = false;
        decoding = null;
    }

    /** Whole frames of {@code in} (after any held bytes); an incomplete tail is kept for the next call. */
    @Override
    public List<Framedata> translateFrame(ByteBuffer in) throws InvalidDataException {
        ByteBuffer buf = in;
        if (pending != null) {
            pending = ensure(pending, pending.position() + in.remaining());
            pending.put(in);
            pending.flip();
            buf = pending;
        }
        List<Framedata> frames = List.of();
        while (buf.hasRemaining()) {
            long need = frameLength(buf);
            if (need > buf.remaining()) {
                keep(buf, (int) need);
                return frames;
            }
            if (frames.isEmpty()) {
                frames = new ArrayList<>(4);
            }
            frames.add(frame(buf));
        }
        pending = null;
        return frames;
    }

    @Override
    public void processFrame(WebSocketImpl ws, Framedata frame) throws InvalidDataException {
        if (frame instanceof DecodedText t) {
            WebSocketListener listener = ws.getWebSocketListener();
            try {
                listener.onWebsocketMessage(ws, t.text);
            } catch (RuntimeException e) {
                listener.onWebsocketError(ws, e); // as the stock draft does with a listener's exception
            }
            return;
        }
        super.processFrame(ws, frame);
    }

    /** Keeps the unread tail of {@code buf} in {@link #pending}, with room for {@code need} bytes in all. */
    private void keep(ByteBuffer buf, int need) {
        if (buf == pending) {
            pending.compact();
            pending = ensure(pending, need);
        } else {
            pending = ByteBuffer.allocate(Math.max(need, buf.remaining()));
            pending.put(buf);
        }
    }

    private static ByteBuffer ensure(ByteBuffer b, int capacity) {
        if (b.capacity() >= capacity) {
            return b;
        }
        ByteBuffer bigger = ByteBuffer.allocate(capacity);
        b.flip();
        bigger.put(b);
        return bigger;
    }

    /**
     * The whole frame's length from {@code buf}'s position, or the header's length when even that has not all
     * arrived (more than is there, so the caller waits). Refuses a payload over the limit before any of it is held.
     */
    private long frameLength(ByteBuffer buf) throws InvalidDataException {
        int p = buf.position();
        int have = buf.remaining();
        if (have < 2) {
            return 2;
        }
        byte b2 = buf.get(p + 1);
        int len7 = b2 & 0x7f;
        int header = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + (b2 < 0 ? 4 : 0);
        if (have < header) {
            return header;
        }
        long payload = len7 < 126 ? len7 : len7 == 126 ? buf.getShort(p + 2) & 0xffff : buf.getLong(p + 2);
        if (payload > 125 && (buf.get(p) & 0x08) != 0) {
            throw new InvalidFrameException("more than 125 octets in a control frame");
        }
        if (payload < 0 || payload > maxFrameSize) {
            throw new LimitExceededException("Payload limit reached.", maxFrameSize);
        }
        return header + payload;
    }

    /** Reads one whole frame at {@code buf}'s position (its length already checked). */
    private Framedata frame(ByteBuffer buf) throws InvalidDataException {
        byte b1 = buf.get();
        byte b2 = buf.get();
        boolean fin = b1 < 0;
        boolean rsv1 = (b1 & 0x40) != 0;
        boolean rsv2 = (b1 & 0x20) != 0;
        boolean rsv3 = (b1 & 0x10) != 0;
        boolean masked = b2 < 0;
        int len7 = b2 & 0x7f;
        int length = len7 < 126 ? len7 : len7 == 126 ? buf.getShort() & 0xffff : (int) buf.getLong();
        Opcode op = opcode(b1 & 0x0f);
        if (op == Opcode.TEXT || op == Opcode.BINARY) {
            decoding = rsv1 || rsv2 || rsv3 ? getExtension() : plain;
        }
        if (op == Opcode.TEXT && fin && !fragmented && !masked && !rsv2 && !rsv3 && buf.hasArray()) {
            int at = buf.arrayOffset() + buf.position();
            String text;
            if (!rsv1) {
                text = Utf8.decode(buf.array(), at, length);
            } else if (decoding instanceof SharedDeflateExtension deflate) {
                text = deflate.inflateText(buf.array(), at, length);
            } else {
                return stock(buf, op, fin, rsv1, rsv2, rsv3, masked, length);
            }
            buf.position(buf.position() + length);
            return new DecodedText(text);
        }
        if (op == Opcode.TEXT || op == Opcode.BINARY) {
            fragmented = !fin;
        } else if (op == Opcode.CONTINUOUS && fin) {
            fragmented = false;
        }
        return stock(buf, op, fin, rsv1, rsv2, rsv3, masked, length);
    }

    /** The frame as Java-WebSocket's own draft builds it: payload copied (unmasked), decoded, then validated. */
    private Framedata stock(ByteBuffer buf, Opcode op, boolean fin, boolean rsv1, boolean rsv2, boolean rsv3,
                            boolean masked, int length) throws InvalidDataException {
        ByteBuffer payload = ByteBuffer.allocate(length);
        if (masked) {
            byte[] key = new byte[4];
            buf.get(key);
            for (int i = 0; i < length; i++) {
                payload.put((byte) (buf.get() ^ key[i & 3]));
            }
        } else {
            ByteBuffer slice = buf.duplicate();
            slice.limit(slice.position() + length);
            payload.put(slice);
            buf.position(buf.position() + length);
        }
        payload.flip();
        FramedataImpl1 frame = FramedataImpl1.get(op);
        frame.setFin(fin);
        frame.setRSV1(rsv1);
        frame.setRSV2(rsv2);
        frame.setRSV3(rsv3);
        frame.setPayload(payload);
        boolean control = op == Opcode.PING || op == Opcode.PONG || op == Opcode.CLOSING;
        IExtension ext = control ? (rsv1 || rsv2 || rsv3 ? getExtension() : plain) : decoding == null ? plain : decoding;
        ext.isFrameValid(frame);
        ext.decodeFrame(frame);
        frame.isValid();
        return frame;
    }

    private static Opcode opcode(int code) throws InvalidFrameException {
        return switch (code) {
            case 0 -> Opcode.CONTINUOUS;
            case 1 -> Opcode.TEXT;
            case 2 -> Opcode.BINARY;
            case 8 -> Opcode.CLOSING;
            case 9 -> Opcode.PING;
            case 10 -> Opcode.PONG;
            default -> throw new InvalidFrameException("Unknown opcode " + (short) code);
        };
    }

    /** A whole text message already decoded (and validated) while its frame was read. */
    static final class DecodedText extends TextFrame {
        final String text;

        DecodedText(String text) {
            this.text = text;
        }
    }
}
