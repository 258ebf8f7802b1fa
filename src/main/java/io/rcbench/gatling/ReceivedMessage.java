package io.rcbench.gatling;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.codec.RawJson;
import java.io.IOException;

/**
 * The fields of a received chat message that a simulated user acts on, read from a {@code stream-room-messages}
 * event in one streaming pass: {@code _id}, {@code rid}, {@code msg}, {@code u._id}, whether {@code editedAt} is
 * there, and {@code file._id} / {@code file.name}. Everything else (the markdown tree, mentions, urls, timestamps:
 * most of the document) is skipped without being built, which is most of what a full tree of every delivery cost the
 * injector. The result is a small tree holding only those fields, so callers read it as they read the full one; a
 * caller that needs another field adds it here. Args that are not {@code [ {message}, ... ]} fall back to the full
 * tree.
 */
final class ReceivedMessage {
    private ReceivedMessage() {
    }

    /** The first element of a stream event's args, reduced to the fields above. */
    static JsonNode first(RawJson args) {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(args.text())) {
            if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_OBJECT) {
                return args.tree().path(0);
            }
            ObjectNode m = Json.object();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                switch (key) {
                    case "_id", "rid", "msg" -> {
                        if (v == JsonToken.VALUE_STRING) {
                            m.put(key, p.getText());
                        } else {
                            m.set(key, p.readValueAsTree());
                        }
                    }
                    case "editedAt" -> m.set(key, p.readValueAsTree());
                    case "u", "file" -> m.set(key, idAndName(p));
                    default -> p.skipChildren();
                }
            }
            return m;
        } catch (IOException | RuntimeException e) {
            // not JSON as expected: the full parse says what it is (a MissingNode when unreadable)
            try {
                return args.tree().path(0);
            } catch (RuntimeException unreadable) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        }
    }

    /** {@code _id} and {@code name} of the object the parser is at (other fields skipped); a non-object as it is. */
    private static JsonNode idAndName(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return p.readValueAsTree();
        }
        ObjectNode o = Json.object();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if ((key.equals("_id") || key.equals("name")) && v == JsonToken.VALUE_STRING) {
                o.put(key, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return o;
    }
}
