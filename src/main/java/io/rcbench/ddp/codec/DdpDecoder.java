package io.rcbench.ddp.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.util.concurrent.FastThreadLocal;
import io.rcbench.ddp.Json;
import java.io.IOException;

/**
 * Decodes server DDP frames with Jackson's streaming parser in one pass: scalar keys are read as they come (in any
 * order), {@code result} and {@code fields.args} are skipped over and kept as {@link RawJson} slices, short repeated
 * tokens come from a per-thread {@link TokenCache}. A frame that is not DDP is reported as
 * {@link MessageType#MALFORMED} with a reason; decoding never throws.
 */
public final class DdpDecoder {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
    private static final FastThreadLocal<TokenCache> TOKENS = new FastThreadLocal<>() {
        @Override
        protected TokenCache initialValue() {
            return new TokenCache(1024);
        }
    };
    private static final FastThreadLocal<TreeCache> TREES = new FastThreadLocal<>() {
        @Override
        protected TreeCache initialValue() {
            return new TreeCache(64);
        }
    };

    private DdpDecoder() {
    }

    /** Decodes {@code text} into {@code into} (cleared first); stream args stay raw. */
    public static void decode(String text, InboundFrame into) {
        decode(text, into, null);
    }

    /**
     * Decodes {@code text} into {@code into} (cleared first). Stream args of routes whose {@link TreeDemand} is eager
     * are parsed to a tree while the frame is decoded (when {@code collection} and {@code eventName} precede
     * {@code args}, as servers send them), once per thread for identical args ({@link TreeCache}); others stay raw
     * slices.
     */
    public static void decode(String text, InboundFrame into, TreeDemand.Lookup demands) {
        into.clear();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                malformed(into, first == null ? MalformedReason.NOT_JSON : MalformedReason.NOT_AN_OBJECT);
                return;
            }
            TokenCache tokens = TOKENS.get();
            boolean serverId = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                switch (key) {
                    case "msg" -> {
                        if (v != JsonToken.VALUE_STRING) {
                            malformed(into, MalformedReason.UNKNOWN_MESSAGE);
                            return;
                        }
                        MessageType type = MessageType.byName(token(p, tokens));
                        if (type == null) {
                            malformed(into, MalformedReason.UNKNOWN_MESSAGE);
                            return;
                        }
                        into.type = type;
                    }
                    // Stream events all carry the document id "id": cached, like the other short tokens.
                    case "id" -> into.id = v == JsonToken.VALUE_STRING ? token(p, tokens) : skip(p);
                    case "session" -> into.session = v == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                    case "version" -> into.version = v == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                    case "collection" -> into.collection = v == JsonToken.VALUE_STRING ? token(p, tokens) : skip(p);
                    case "reason" -> into.reason = v == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                    case "result" -> into.result = slice(p, text);
                    case "error" -> into.error = Json.tree(p);
                    case "fields" -> fields(p, text, into, tokens, demands);
                    case "subs", "methods" -> ids(p, into);
                    case "server_id" -> {
                        serverId = true;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                malformed(into, MalformedReason.NOT_JSON);
                return;
            }
            if (p.nextToken() != null) {
                malformed(into, MalformedReason.NOT_JSON);
                return;
            }
            if (serverId) {
                into.type = MessageType.SERVER_ID;
            } else if (into.type == null) {
                into.type = MessageType.NO_MSG;
            } else if (!complete(into)) {
                malformed(into, MalformedReason.MISSING_FIELD);
            }
        } catch (IOException | RuntimeException e) {
            malformed(into, MalformedReason.NOT_JSON);
        }
    }

    private static boolean complete(InboundFrame f) {
        return switch (f.type) {
            case RESULT, NOSUB -> f.id != null;
            case ADDED, CHANGED, REMOVED -> f.collection != null;
            default -> true;
        };
    }

    private static void malformed(InboundFrame into, MalformedReason reason) {
        into.clear();
        into.type = MessageType.MALFORMED;
        into.malformed = reason;
    }

    private static String token(JsonParser p, TokenCache tokens) throws IOException {
        return tokens.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /** The current value (already at its first token) as a slice of the source text. */
    private static RawJson slice(JsonParser p, String text) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        int end = (int) p.currentLocation().getCharOffset();
        return new RawJson(text, start, end);
    }

    private static RawJson args(JsonParser p, String text, TreeDemand demand) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        int end = (int) p.currentLocation().getCharOffset();
        if (demand.eager()) {
            // the same args reach every member of a room: parsed once per thread (TreeCache)
            return new RawJson(text, start, end, TREES.get().tree(text, start, end), null);
        }
        return new RawJson(text, start, end, null, demand);
    }

    private static void fields(JsonParser p, String text, InboundFrame into, TokenCache tokens, TreeDemand.Lookup demands)
        throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        int start = (int) p.currentTokenLocation().getCharOffset();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if ("eventName".equals(key) && v == JsonToken.VALUE_STRING) {
                into.eventName = token(p, tokens);
            } else if ("args".equals(key)) {
                TreeDemand demand = demands == null || into.collection == null || into.eventName == null ? null
                    : demands.lookup(into.collection, into.eventName);
                into.args = demand == null ? slice(p, text) : args(p, text, demand);
            } else {
                p.skipChildren();
            }
        }
        into.fields = new RawJson(text, start, (int) p.currentLocation().getCharOffset());
    }

    private static void ids(JsonParser p, InboundFrame into) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t == JsonToken.VALUE_STRING) {
                into.ids.add(p.getText());
            } else {
                p.skipChildren();
            }
        }
    }
}
