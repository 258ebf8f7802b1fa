package io.rcbench.ddp.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An observer on the wire between a DDP client and a server: a TCP proxy on loopback (real sockets, one thread per
 * direction) that forwards every byte at once and notes when each DDP {@code method} frame passed towards the server
 * and when its {@code result} passed back, as {@link System#nanoTime()} at the read that completed the frame. It takes
 * {@code Sec-WebSocket-Extensions} out of the upgrade request, so the frames stay uncompressed and readable; it
 * parses unfragmented frames only (what DDP sends). Other connections (plain HTTP) are forwarded untouched.
 */
final class RecordingProxy implements AutoCloseable {
    /** One method call as the wire saw it. */
    record Call(String method, long sentNanos, long answeredNanos) {
        long micros() {
            return (answeredNanos - sentNanos) / 1000;
        }
    }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, long[]> calls = new ConcurrentHashMap<>();
    private final Map<String, String> methods = new ConcurrentHashMap<>();
    private final List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    RecordingProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "wire-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The calls seen answered, in no particular order. */
    List<Call> calls() {
        List<Call> out = new ArrayList<>();
        calls.forEach((key, t) -> {
            if (t[0] != 0 && t[1] != 0) {
                out.add(new Call(methods.get(key), t[0], t[1]));
            }
        });
        return out;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket in = server.accept();
                Socket out = new Socket();
                out.connect(target, 5000);
                in.setTcpNoDelay(true);
                out.setTcpNoDelay(true);
                sockets.add(in);
                sockets.add(out);
                int conn = connections.incrementAndGet();
                pump(conn, in, out, true);
                pump(conn, out, in, false);
            } catch (IOException e) {
                if (!closed) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    private void pump(int conn, Socket from, Socket to, boolean toServer) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                new Direction(conn, toServer).run(in, out);
            } catch (IOException e) {
                // a side closed: the other pump ends with it
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "wire-proxy-" + conn + (toServer ? "-up" : "-down"));
        t.setDaemon(true);
        t.start();
    }

    /** One direction of one connection: the HTTP head, then WebSocket frames. */
    private final class Direction {
        private final int conn;
        private final boolean toServer;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private boolean inHead = true;
        private boolean webSocket;

        Direction(int conn, boolean toServer) {
            this.conn = conn;
            this.toServer = toServer;
        }

        void run(InputStream in, OutputStream out) throws IOException {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                long now = System.nanoTime();
                if (inHead) {
                    pending.write(buf, 0, n);
                    byte[] all = pending.toByteArray();
                    int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    if (end < 0) {
                        continue;
                    }
                    String head = new String(all, 0, end + 4, StandardCharsets.ISO_8859_1);
                    webSocket = head.toLowerCase(java.util.Locale.ROOT).contains("upgrade: websocket")
                        || head.startsWith("HTTP/1.1 101");
                    if (toServer) {
                        head = head.replaceAll("(?im)^Sec-WebSocket-Extensions:[^\\r\\n]*\\r\\n", "");
                    }
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    out.write(all, end + 4, all.length - end - 4);
                    out.flush();
                    inHead = false;
                    pending.reset();
                    pending.write(all, end + 4, all.length - end - 4);
                } else {
                    out.write(buf, 0, n);
                    out.flush();
                    if (webSocket) {
                        pending.write(buf, 0, n);
                    }
                }
                if (webSocket) {
                    frames(now);
                }
            }
        }

        /** Parses the complete frames in {@link #pending}, each seen at {@code now}; keeps the rest. */
        private void frames(long now) {
            byte[] b = pending.toByteArray();
            int pos = 0;
            while (true) {
                if (b.length - pos < 2) {
                    break;
                }
                int opcode = b[pos] & 0x0f;
                boolean masked = (b[pos + 1] & 0x80) != 0;
                long len = b[pos + 1] & 0x7f;
                int p = pos + 2;
                if (len == 126) {
                    if (b.length - p < 2) {
                        break;
                    }
                    len = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
                    p += 2;
                } else if (len == 127) {
                    if (b.length - p < 8) {
                        break;
                    }
                    len = 0;
                    for (int i = 0; i < 8; i++) {
                        len = (len << 8) | (b[p + i] & 0xff);
                    }
                    p += 8;
                }
                byte[] mask = null;
                if (masked) {
                    if (b.length - p < 4) {
                        break;
                    }
                    mask = java.util.Arrays.copyOfRange(b, p, p + 4);
                    p += 4;
                }
                if (b.length - p < len) {
                    break;
                }
                byte[] payload = java.util.Arrays.copyOfRange(b, p, p + (int) len);
                if (mask != null) {
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i & 3];
                    }
                }
                if (opcode == 1) {
                    text(new String(payload, StandardCharsets.UTF_8), now);
                }
                pos = p + (int) len;
            }
            pending.reset();
            pending.write(b, pos, b.length - pos);
        }

        private void text(String text, long now) {
            JsonNode f;
            try {
                f = Json.MAPPER.readTree(text);
            } catch (IOException e) {
                return;
            }
            String msg = f.path("msg").asText("");
            String key = conn + ":" + f.path("id").asText("");
            if (toServer && msg.equals("method")) {
                methods.put(key, f.path("method").asText());
                calls.computeIfAbsent(key, k -> new long[2])[0] = now;
            } else if (!toServer && msg.equals("result")) {
                calls.computeIfAbsent(key, k -> new long[2])[1] = now;
            }
        }
    }

    private static int indexOf(byte[] a, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= a.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (a[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        synchronized (sockets) {
            sockets.forEach(RecordingProxy::closeQuietly);
        }
    }
}
