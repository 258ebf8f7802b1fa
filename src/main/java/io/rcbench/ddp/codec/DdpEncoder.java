package io.rcbench.ddp.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.util.concurrent.FastThreadLocal;
import io.rcbench.ddp.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Writes client DDP frames as UTF-8 bytes with Jackson's streaming generator (no tree). Parameters may be
 * {@link JsonNode}s, Strings, numbers, booleans, null, Maps, Lists, records, or {@link Instant}/{@link Date}, which
 * become EJSON dates {@code {"$date": ms}} at the top level of {@code params}.
 */
public final class DdpEncoder {
    /** What {@code @rocket.chat/ddp-client} and the SDK send. */
    public static final byte[] CONNECT = "{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\",\"pre2\",\"pre1\"]}"
        .getBytes(StandardCharsets.UTF_8);
    private static final byte[] PING = "{\"msg\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PONG = "{\"msg\":\"pong\"}".getBytes(StandardCharsets.UTF_8);
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
    private static final FastThreadLocal<ByteArrayBuilder> BUFFER = new FastThreadLocal<>() {
        @Override
        protected ByteArrayBuilder initialValue() {
            return new ByteArrayBuilder(1024);
        }
    };

    private DdpEncoder() {
    }

    /** {@code {"msg":"method","id":..,"method":..,"params":[..]}}. */
    public static byte[] method(String id, String method, Object... params) {
        ByteArrayBuilder out = start();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("msg", "method");
            g.writeStringField("id", id);
            g.writeStringField("method", method);
            writeParams(g, params);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return finish(out);
    }

    /** {@code {"msg":"sub","id":..,"name":..,"params":[..]}}. */
    public static byte[] sub(String id, String name, Object... params) {
        ByteArrayBuilder out = start();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("msg", "sub");
            g.writeStringField("id", id);
            g.writeStringField("name", name);
            writeParams(g, params);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return finish(out);
    }

    public static byte[] unsub(String id) {
        return simple("unsub", id);
    }

    /** A ping; with an id the server's pong echoes it. */
    public static byte[] ping(String id) {
        return id == null ? PING : simple("ping", id);
    }

    /** The answer to a server ping, echoing its id when it had one. */
    public static byte[] pong(String id) {
        return id == null ? PONG : simple("pong", id);
    }

    private static byte[] simple(String msg, String id) {
        ByteArrayBuilder out = start();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("msg", msg);
            g.writeStringField("id", id);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return finish(out);
    }

    private static void writeParams(JsonGenerator g, Object[] params) throws IOException {
        g.writeArrayFieldStart("params");
        for (Object p : params) {
            if (p instanceof Instant i) {
                writeDate(g, i.toEpochMilli());
            } else if (p instanceof Date d) {
                writeDate(g, d.getTime());
            } else if (p instanceof JsonNode n) {
                g.writeTree(n);
            } else if (p instanceof String s) {
                g.writeString(s);
            } else {
                g.writeObject(p);
            }
        }
        g.writeEndArray();
    }

    private static void writeDate(JsonGenerator g, long epochMs) throws IOException {
        g.writeStartObject();
        g.writeNumberField("$date", epochMs);
        g.writeEndObject();
    }

    private static ByteArrayBuilder start() {
        ByteArrayBuilder b = BUFFER.get();
        b.reset();
        return b;
    }

    private static byte[] finish(ByteArrayBuilder out) {
        byte[] bytes = out.toByteArray();
        out.reset();
        return bytes;
    }
}
