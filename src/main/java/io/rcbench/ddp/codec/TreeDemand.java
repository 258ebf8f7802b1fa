package io.rcbench.ddp.codec;

/**
 * Whether the listeners of one stream route read event args as trees. The decoder keeps args raw until a route has
 * asked for a tree once ({@link #treeRequested()}, called by {@link RawJson#tree()}); from then on it parses them in
 * the frame's decoding ({@link #eager()}), so a listener that reads the document does not pay for a second parse, and
 * events nobody reads are never parsed. Event-loop only.
 */
public interface TreeDemand {
    boolean eager();

    void treeRequested();

    /** Finds the demand of a route, or null when nobody listens to it. */
    @FunctionalInterface
    interface Lookup {
        TreeDemand lookup(String collection, String eventName);
    }
}
