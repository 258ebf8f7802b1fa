package io.rcbench.ddp.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One decoded server frame. The decoder refills the same instance for every frame of a connection, so a reader
 * must take what it needs before the next frame is decoded; {@link RawJson} values it hands out are independent
 * and may be kept.
 */
public final class InboundFrame {
    MessageType type;
    MalformedReason malformed;
    String id;
    String session;
    String version;
    String collection;
    String eventName;
    RawJson args;
    RawJson fields;
    RawJson result;
    JsonNode error;
    String reason;
    final List<String> ids = new ArrayList<>(4);

    void clear() {
        type = null;
        malformed = null;
        id = null;
        session = null;
        version = null;
        collection = null;
        eventName = null;
        args = null;
        fields = null;
        result = null;
        error = null;
        reason = null;
        ids.clear();
    }

    public MessageType type() {
        return type;
    }

    /** Why the frame is {@link MessageType#MALFORMED}, else null. */
    public MalformedReason malformed() {
        return malformed;
    }

    /** {@code id} of result, nosub, ping, pong and of collection documents. */
    public String id() {
        return id;
    }

    public String session() {
        return session;
    }

    /** The version a {@code failed} frame proposes. */
    public String version() {
        return version;
    }

    public String collection() {
        return collection;
    }

    /** {@code fields.eventName} of a stream event, else null. */
    public String eventName() {
        return eventName;
    }

    /** {@code fields.args} of a stream event, else null. */
    public RawJson args() {
        return args;
    }

    /** The whole {@code fields} object of added/changed, else null. */
    public RawJson fields() {
        return fields;
    }

    /** {@code result} of a result frame; {@link RawJson#absent()} when the key is missing. */
    public RawJson result() {
        return result == null ? RawJson.absent() : result;
    }

    /** The Meteor error object of a result or nosub, else null. */
    public JsonNode error() {
        return error;
    }

    /** {@code reason} of a protocol {@code error} frame. */
    public String reason() {
        return reason;
    }

    /** {@code subs} of ready, {@code methods} of updated. */
    public List<String> ids() {
        return ids;
    }
}
