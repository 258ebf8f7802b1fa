package io.rcbench.ddp.ws;

import io.netty.util.concurrent.FastThreadLocal;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.extensions.CompressionExtension;
import org.java_websocket.extensions.ExtensionRequestData;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.ContinuousFrame;
import org.java_websocket.framing.DataFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.FramedataImpl1;

/**
 * permessage-deflate (RFC 7692) without context takeover in either direction, so that every message is compressed
 * and decompressed from an empty window: then one {@link Deflater} and one {@link Inflater} per thread serve all
 * connections of that thread, instead of a pair (about 90 KB of native memory once used) per connection.
 *
 * <p>Thread contract: {@link #encodeFrame} and {@link #decodeFrame} use the calling thread's compressor, so an
 * instance must only be used by the thread that owns its connection (the DDP client runs its engine on the channel's
 * event loop). Fragmented compressed messages are held per connection until their final fragment and inflated then,
 * because the shared inflater cannot keep state between fragments.
 */
public final class SharedDeflateExtension extends CompressionExtension {
    static final String NAME = "permessage-deflate";
    private static final String CLIENT_NO_CONTEXT = "client_no_context_takeover";
    private static final String SERVER_NO_CONTEXT = "server_no_context_takeover";
    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xff, (byte) 0xff};
    private static final FastThreadLocal<Codec> CODEC = new FastThreadLocal<>() {
        @Override
        protected Codec initialValue() {
            return new Codec();
        }
    };

    private final int thresholdBytes;
    private final int maxMessageBytes;
    private ByteArrayOutputStream fragments;

    /**
     * @param thresholdBytes  messages shorter than this are sent uncompressed (DDP calls are mostly small)
     * @param maxMessageBytes inflated messages larger than this close the connection with 1009
     */
    public SharedDeflateExtension(int thresholdBytes, int maxMessageBytes) {
        if (thresholdBytes < 0 || maxMessageBytes <= 0) {
            throw new IllegalArgumentException("threshold must be >= 0 and the message limit positive");
        }
        this.thresholdBytes = thresholdBytes;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public String getProvidedExtensionAsClient() {
        return NAME + "; " + CLIENT_NO_CONTEXT + "; " + SERVER_NO_CONTEXT;
    }

    /** Accepts the server's answer only when it keeps server_no_context_takeover and adds nothing we cannot honour. */
    @Override
    public boolean acceptProvidedExtensionAsClient(String header) {
        for (String offer : header.split(",")) {
            ExtensionRequestData data = ExtensionRequestData.parseExtensionRequest(offer);
            if (!NAME.equalsIgnoreCase(data.getExtensionName())) {
                continue;
            }
            boolean serverNoContext = false;
            for (String key : data.getExtensionParameters().keySet()) {
                if (SERVER_NO_CONTEXT.equalsIgnoreCase(key)) {
                    serverNoContext = true;
                } else if (!CLIENT_NO_CONTEXT.equalsIgnoreCase(key) && !"server_max_window_bits".equalsIgnoreCase(key)) {
                    // client_max_window_bits was not offered; java.util.zip cannot lower its window anyway.
                    return false;
                }
            }
            return serverNoContext;
        }
        return false;
    }

    @Override
    public boolean acceptProvidedExtensionAsServer(String header) {
        return false;
    }

    @Override
    public String getProvidedExtensionAsServer() {
        return "";
    }

    @Override
    public void encodeFrame(Framedata frame) {
        if (!(frame instanceof DataFrame data) || frame instanceof ContinuousFrame || !frame.isFin()) {
            return;
        }
        ByteBuffer payload = frame.getPayloadData();
        if (payload.remaining() < thresholdBytes) {
            return;
        }
        byte[] compressed = CODEC.get().deflate(payload);
        data.setPayload(ByteBuffer.wrap(compressed));
        data.setRSV1(true);
    }

    @Override
    public void decodeFrame(Framedata frame) throws InvalidDataException {
        if (!(frame instanceof DataFrame data)) {
            return;
        }
        ByteBuffer payload = frame.getPayloadData();
        if (!frame.isFin()) {
            if (fragments == null) {
                fragments = new ByteArrayOutputStream();
            }
            copyTo(payload, fragments);
            data.setPayload(ByteBuffer.allocate(0));
        } else {
            ByteBuffer whole = payload;
            if (fragments != null) {
                copyTo(payload, fragments);
                whole = ByteBuffer.wrap(fragments.toByteArray());
                fragments = null;
            }
            data.setPayload(ByteBuffer.wrap(CODEC.get().inflate(whole, maxMessageBytes)));
        }
        if (!(frame instanceof ContinuousFrame)) {
            ((FramedataImpl1) frame).setRSV1(false);
        }
    }

    /**
     * The text of a whole compressed message of one frame ({@code len} bytes at {@code off}): inflated into the
     * thread's scratch and decoded from there ({@link ClientDraft}'s path for the common message).
     */
    String inflateText(byte[] input, int off, int len) throws InvalidDataException {
        return CODEC.get().inflateText(input, off, len, maxMessageBytes);
    }

    private static void copyTo(ByteBuffer b, ByteArrayOutputStream out) {
        ByteBuffer d = b.duplicate();
        byte[] tmp = new byte[d.remaining()];
        d.get(tmp);
        out.writeBytes(tmp);
    }

    @Override
    public IExtension copyInstance() {
        return new SharedDeflateExtension(thresholdBytes, maxMessageBytes);
    }

    @Override
    public void reset() {
        fragments = null;
    }

    @Override
    public String toString() {
        return "permessage-deflate (shared per thread)";
    }

    /** The compressor pair of one thread and a scratch buffer that grows to the largest message seen. */
    private static final class Codec {
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        private final Inflater inflater = new Inflater(true);
        private static final int SCRATCH_BYTES = 8192;
        /** Grown scratch beyond this is dropped after use, so one huge message does not pin memory per thread. */
        private static final int KEEP_BYTES = 1 << 20;
        private byte[] scratch = new byte[SCRATCH_BYTES];

        private byte[] take(int n) {
            byte[] out = Arrays.copyOf(scratch, n);
            shrink();
            return out;
        }

        /** Drops a scratch grown past {@link #KEEP_BYTES} once its content is used. */
        private void shrink() {
            if (scratch.length > KEEP_BYTES) {
                scratch = new byte[SCRATCH_BYTES];
            }
        }

        byte[] deflate(ByteBuffer input) {
            deflater.reset();
            setInput(input);
            int n = 0;
            while (true) {
                n += deflater.deflate(scratch, n, scratch.length - n, Deflater.SYNC_FLUSH);
                if (n < scratch.length) {
                    break;
                }
                scratch = Arrays.copyOf(scratch, scratch.length * 2);
            }
            // RFC 7692 7.2.1: drop the 00 00 ff ff that a sync flush ends with.
            int end = n >= 4 && scratch[n - 4] == 0 && scratch[n - 3] == 0 && scratch[n - 2] == (byte) 0xff
                && scratch[n - 1] == (byte) 0xff ? n - 4 : n;
            return take(end);
        }

        private void setInput(ByteBuffer input) {
            if (input.hasArray()) {
                deflater.setInput(input.array(), input.arrayOffset() + input.position(), input.remaining());
            } else {
                deflater.setInput(input.duplicate());
            }
        }

        byte[] inflate(ByteBuffer input, int maxBytes) throws InvalidDataException {
            inflater.reset();
            if (input.hasArray()) {
                inflater.setInput(input.array(), input.arrayOffset() + input.position(), input.remaining());
            } else {
                inflater.setInput(input.duplicate());
            }
            return take(inflateSetInput(maxBytes));
        }

        /** The UTF-8 text of one compressed message, inflated into the scratch: no array of its own. */
        String inflateText(byte[] input, int off, int len, int maxBytes) throws InvalidDataException {
            inflater.reset();
            inflater.setInput(input, off, len);
            int n = inflateSetInput(maxBytes);
            String text = Utf8.decode(scratch, 0, n);
            shrink();
            return text;
        }

        /** Inflates the input already set into scratch; returns the length. */
        private int inflateSetInput(int maxBytes) throws InvalidDataException {
            int n;
            try {
                n = drain(0, maxBytes);
                // RFC 7692 7.2.2: append the 00 00 ff ff the sender removed.
                inflater.setInput(TAIL);
                n = drain(n, maxBytes);
            } catch (DataFormatException e) {
                throw new InvalidDataException(CloseFrame.NO_UTF8, "bad deflate data: " + e.getMessage());
            }
            return n;
        }

        /** Inflates the current input into scratch from offset {@code n} until no more output comes. */
        private int drain(int n, int maxBytes) throws DataFormatException, InvalidDataException {
            while (true) {
                if (n == scratch.length) {
                    scratch = Arrays.copyOf(scratch, scratch.length * 2);
                }
                int got = inflater.inflate(scratch, n, scratch.length - n);
                n += got;
                if (n > maxBytes) {
                    throw new InvalidDataException(CloseFrame.TOOBIG, "inflated message exceeds " + maxBytes + " bytes");
                }
                if (got == 0) {
                    return n;
                }
            }
        }
    }
}
