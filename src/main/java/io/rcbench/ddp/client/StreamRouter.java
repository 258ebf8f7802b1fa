package io.rcbench.ddp.client;

import io.rcbench.ddp.codec.TreeDemand;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Stream listeners by (collection, eventName), plus listeners for every event of a collection. Dispatch is two map
 * lookups and an array walk, no allocation. Routes also learn, per collection, whether listeners read args as trees
 * ({@link TreeDemand}), so the decoder parses them while decoding the frame only where they are used; the lesson is kept
 * per collection (a handful of names) so that listeners that come and go, such as one-shot waits, keep it. Only the
 * client's
 * event loop touches it; listener arrays are replaced, never mutated, so a listener may unregister itself while
 * being called.
 */
final class StreamRouter implements TreeDemand.Lookup {
    private final Map<String, Map<String, Route>> byEvent = new HashMap<>();
    private final Map<String, Route> anyEvent = new HashMap<>();
    private final Map<String, Learned> learned = new HashMap<>();

    /** Whether listeners of a collection read args as trees; never removed (bounded by the collection names). */
    private static final class Learned {
        volatile boolean eager;
    }

    /** The listeners of one route. */
    private static final class Route implements TreeDemand {
        private final Learned learned;
        StreamListener[] listeners = new StreamListener[0];

        Route(Learned learned) {
            this.learned = learned;
        }

        @Override
        public boolean eager() {
            return learned.eager;
        }

        /** May be called from any thread that parses a kept event: a flag, so a late write is harmless. */
        @Override
        public void treeRequested() {
            learned.eager = true;
        }
    }

    void add(String collection, String eventName, StreamListener l) {
        Learned learn = learned.computeIfAbsent(collection, k -> new Learned());
        Route r = eventName == null ? anyEvent.computeIfAbsent(collection, k -> new Route(learn))
            : byEvent.computeIfAbsent(collection, k -> new HashMap<>()).computeIfAbsent(eventName, k -> new Route(learn));
        r.listeners = plus(r.listeners, l);
    }

    void remove(String collection, String eventName, StreamListener l) {
        if (eventName == null) {
            Route r = anyEvent.get(collection);
            if (r != null && (r.listeners = minus(r.listeners, l)).length == 0) {
                anyEvent.remove(collection);
            }
            return;
        }
        Map<String, Route> m = byEvent.get(collection);
        Route r = m == null ? null : m.get(eventName);
        if (r != null && (r.listeners = minus(r.listeners, l)).length == 0) {
            m.remove(eventName);
            if (m.isEmpty()) {
                byEvent.remove(collection);
            }
        }
    }

    @Override
    public TreeDemand lookup(String collection, String eventName) {
        Map<String, Route> m = byEvent.get(collection);
        Route r = m == null ? null : m.get(eventName);
        return r != null ? r : anyEvent.get(collection);
    }

    /** Calls every matching listener; returns how many were called. Listener exceptions go to {@code onError}. */
    int dispatch(StreamEvent e, Runnable onError) {
        Map<String, Route> m = byEvent.get(e.collection());
        Route exact = m == null ? null : m.get(e.eventName());
        Route any = anyEvent.get(e.collection());
        return call(exact, e, onError) + call(any, e, onError);
    }

    private static int call(Route r, StreamEvent e, Runnable onError) {
        if (r == null) {
            return 0;
        }
        StreamListener[] ls = r.listeners;
        for (StreamListener l : ls) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                onError.run();
            }
        }
        return ls.length;
    }

    private static StreamListener[] plus(StreamListener[] a, StreamListener l) {
        StreamListener[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = l;
        return b;
    }

    private static StreamListener[] minus(StreamListener[] a, StreamListener l) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == l) {
                StreamListener[] b = new StreamListener[a.length - 1];
                System.arraycopy(a, 0, b, 0, i);
                System.arraycopy(a, i + 1, b, i, a.length - i - 1);
                return b;
            }
        }
        return a;
    }
}
