package io.rcbench.ddp.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.RandomId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * SockJS raw WebSocket framing as Meteor and ddp-streamer speak it: the server sends {@code o} on open, {@code h}
 * heartbeats, {@code a["<ddp json>",...]} batches and {@code c[code,"reason"]} on close; the client sends
 * {@code ["<ddp json>"]}.
 */
public final class SockJs {
    private static final Pattern PATH = Pattern.compile(".*/sockjs/[^/.]+/[^/.]+/websocket/?$");

    /** What one inbound SockJS frame was. */
    public enum Kind { OPEN, HEARTBEAT, MESSAGES, CLOSE, MALFORMED }

    private SockJs() {
    }

    public static boolean isSockJsPath(String path) {
        return path != null && PATH.matcher(path).matches();
    }

    /** {@code <prefix>/sockjs/<3 digits>/<8 chars>/websocket}, as the browser client picks it. */
    public static String randomPath(String prefix) {
        String base = prefix == null || prefix.equals("/") ? "" : prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        int server = ThreadLocalRandom.current().nextInt(1000);
        return base + "/sockjs/" + String.format("%03d", server) + "/" + RandomId.id(8).toLowerCase() + "/websocket";
    }

    /** Wraps one DDP frame for sending: {@code ["<escaped json>"]}. */
    public static byte[] wrap(byte[] ddpUtf8) {
        StringWriter w = new StringWriter(ddpUtf8.length + 16);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(w)) {
            g.writeStartArray();
            g.writeString(new String(ddpUtf8, StandardCharsets.UTF_8));
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Classifies an inbound frame and hands each DDP message of an {@code a[...]} batch to {@code ddp}. */
    public static Kind unwrap(String text, Consumer<String> ddp) {
        if (text.isEmpty()) {
            return Kind.MALFORMED;
        }
        char c = text.charAt(0);
        if (text.length() == 1 && c == 'o') {
            return Kind.OPEN;
        }
        if (text.length() == 1 && c == 'h') {
            return Kind.HEARTBEAT;
        }
        if (c == 'c') {
            return Kind.CLOSE;
        }
        if (c != 'a') {
            return Kind.MALFORMED;
        }
        try (JsonParser p = Json.MAPPER.getFactory().createParser(text.substring(1))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return Kind.MALFORMED;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
                ddp.accept(p.getText());
            }
            return t == JsonToken.END_ARRAY ? Kind.MESSAGES : Kind.MALFORMED;
        } catch (IOException e) {
            return Kind.MALFORMED;
        }
    }
}
