package io.rcbench.ddp.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.rcbench.ddp.Json;

/**
 * A JSON value kept as a slice of the frame it arrived in; {@link #text()} and {@link #tree()} materialise it on
 * first use (then cached). Immutable from the caller's view and safe to keep or hand to another thread.
 */
public final class RawJson {
    private static final RawJson ABSENT = new RawJson("", 0, 0);
    private final String source;
    private final int start;
    private final int end;
    private final TreeDemand demand;
    private String text;
    private JsonNode tree;

    RawJson(String source, int start, int end) {
        this(source, start, end, null, null);
    }

    /** A slice already parsed ({@code tree} non-null), or one whose first parse is reported to {@code demand}. */
    RawJson(String source, int start, int end, JsonNode tree, TreeDemand demand) {
        this.source = source;
        this.start = start;
        this.end = end;
        this.tree = tree;
        this.demand = demand;
    }

    /** The value of a key that was not in the frame (e.g. a method that returned undefined). */
    public static RawJson absent() {
        return ABSENT;
    }

    /** Wraps complete JSON text. */
    public static RawJson of(String json) {
        return new RawJson(json, 0, json.length());
    }

    public boolean isAbsent() {
        return end == start;
    }

    /** The JSON text of the value, or "" when absent. */
    public String text() {
        String t = text;
        if (t == null) {
            t = start == 0 && end == source.length() ? source : source.substring(start, end);
            text = t;
        }
        return t;
    }

    /**
     * The value as a Jackson tree ({@link MissingNode} when absent); parsed once. Read it, never change it: the tree of
     * a stream event's args may be shared with other receivers of the same event ({@link TreeCache}).
     */
    public JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            t = isAbsent() ? MissingNode.getInstance() : Json.parse(text());
            tree = t;
            if (demand != null) {
                demand.treeRequested();
            }
        }
        return t;
    }

    @Override
    public String toString() {
        return text();
    }
}
