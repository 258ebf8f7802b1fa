package io.rcbench.ddp.client;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Stream listeners by (collection, eventName), plus listeners for every event of a collection. Dispatch is two map
 * lookups and an array walk, no allocation. Only the client's event loop touches it; arrays are replaced, never
 * mutated, so a listener may unregister itself while being called.
 */
final class StreamRouter {
    private static final StreamListener[] NONE = new StreamListener[0];
    private final Map<String, Map<String, StreamListener[]>> byEvent = new HashMap<>();
    private final Map<String, StreamListener[]> anyEvent = new HashMap<>();

    void add(String collection, String eventName, StreamListener l) {
        if (eventName == null) {
            anyEvent.put(collection, plus(anyEvent.getOrDefault(collection, NONE), l));
        } else {
            Map<String, StreamListener[]> m = byEvent.computeIfAbsent(collection, k -> new HashMap<>());
            m.put(eventName, plus(m.getOrDefault(eventName, NONE), l));
        }
    }

    void remove(String collection, String eventName, StreamListener l) {
        if (eventName == null) {
            StreamListener[] left = minus(anyEvent.getOrDefault(collection, NONE), l);
            if (left.length == 0) {
                anyEvent.remove(collection);
            } else {
                anyEvent.put(collection, left);
            }
            return;
        }
        Map<String, StreamListener[]> m = byEvent.get(collection);
        if (m == null) {
            return;
        }
        StreamListener[] left = minus(m.getOrDefault(eventName, NONE), l);
        if (left.length == 0) {
            m.remove(eventName);
            if (m.isEmpty()) {
                byEvent.remove(collection);
            }
        } else {
            m.put(eventName, left);
        }
    }

    /** Calls every matching listener; returns how many were called. Listener exceptions go to {@code onError}. */
    int dispatch(StreamEvent e, Runnable onError) {
        int n = 0;
        Map<String, StreamListener[]> m = byEvent.get(e.collection());
        if (m != null) {
            n += call(m.get(e.eventName()), e, onError);
        }
        return n + call(anyEvent.get(e.collection()), e, onError);
    }

    private static int call(StreamListener[] ls, StreamEvent e, Runnable onError) {
        if (ls == null) {
            return 0;
        }
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
