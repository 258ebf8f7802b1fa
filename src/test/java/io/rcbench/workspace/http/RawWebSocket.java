package io.rcbench.workspace.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket, for what a well-behaved library never does: stop reading, send
 * hand-made frames (RSV bits, bad UTF-8, bad close codes, fragments). No extension is offered.
 */
final class RawWebSocket implements AutoCloseable {
    /** One frame as received; {@code payload} unmasked. */
    record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame, or -1. */
        int closeCode() {
            return opcode == 8 && payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }
    }

    static final int TEXT = 1;
    static final int CONTINUATION = 0;
    static final int CLOSE = 8;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** Whether this connection speaks SockJS framing; set by tests that care. */
    boolean sockJs;

    /**
     * Opens {@code path} on loopback and completes the upgrade. {@code receiveBuffer} > 0 asks the kernel for a
     * small receive buffer, so that a client that stops reading fills up quickly.
     */
    RawWebSocket(int port, String path, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        out.write(req.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String head = readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + head);
        }
    }

    private String readHead() throws IOException {
        StringBuilder b = new StringBuilder();
        while (b.length() < 4 || !b.substring(b.length() - 4).equals("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("closed during the handshake: " + b);
            }
            b.append((char) c);
        }
        return b.toString();
    }

    void sendText(String text) throws IOException {
        sendFrame(true, 0, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one masked frame exactly as given. */
    void sendFrame(boolean fin, int rsv, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        int n = payload.length;
        if (n < 126) {
            f.write(0x80 | n);
        } else if (n < 65536) {
            f.write(0x80 | 126);
            f.write(n >>> 8);
            f.write(n);
        } else {
            f.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) n >>> (8 * i)));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        f.write(mask);
        for (int i = 0; i < n; i++) {
            f.write(payload[i] ^ mask[i & 3]);
        }
        out.write(f.toByteArray());
        out.flush();
    }

    /**
     * Sends only the head of a masked frame announcing {@code length} payload bytes, none of which follow: for
     * limits a server must apply from the header, before reading (and without a race against its close).
     */
    void sendFrameHead(boolean fin, int opcode, long length) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write((fin ? 0x80 : 0) | opcode);
        f.write(0x80 | 127);
        for (int i = 7; i >= 0; i--) {
            f.write((int) (length >>> (8 * i)));
        }
        f.write(new byte[4], 0, 4);
        out.write(f.toByteArray());
        out.flush();
    }

    /** The next frame; throws {@link EOFException} when the server closed the connection. */
    Frame readFrame() throws IOException {
        int b0 = readByte();
        int b1 = readByte();
        long n = b1 & 0x7f;
        if (n == 126) {
            n = (readByte() << 8) | readByte();
        } else if (n == 127) {
            n = 0;
            for (int i = 0; i < 8; i++) {
                n = (n << 8) | readByte();
            }
        }
        byte[] payload = in.readNBytes((int) n);
        if (payload.length < n) {
            throw new EOFException("frame cut short");
        }
        return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 7, b0 & 0x0f, payload);
    }

    /** The first text frame containing {@code needle}, skipping others; fails after the socket's read timeout. */
    Frame awaitText(String needle) throws IOException {
        while (true) {
            Frame f = readFrame();
            if (f.opcode() == CLOSE) {
                throw new EOFException("closed with " + f.closeCode() + " while waiting for " + needle);
            }
            if (f.opcode() == TEXT && f.text().contains(needle)) {
                return f;
            }
        }
    }

    /** The close frame the server sends next, skipping data frames; -1 if it hung up without one. */
    int awaitCloseCode() throws IOException {
        try {
            while (true) {
                Frame f = readFrame();
                if (f.opcode() == CLOSE) {
                    return f.closeCode();
                }
            }
        } catch (EOFException e) {
            return -1;
        }
    }

    /**
     * Reads and discards until the server ends the stream; true if it did within {@code timeoutMs}. A reset
     * counts as ended.
     */
    boolean drainUntilClosed(long timeoutMs) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        byte[] sink = new byte[64 << 10];
        socket.setSoTimeout(250);
        while (System.currentTimeMillis() < deadline) {
            try {
                if (in.read(sink) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open and silent: keep waiting until the deadline
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    private int readByte() throws IOException {
        int c = in.read();
        if (c < 0) {
            throw new EOFException("connection closed");
        }
        return c;
    }

    void setReadTimeout(int ms) throws IOException {
        socket.setSoTimeout(ms);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
