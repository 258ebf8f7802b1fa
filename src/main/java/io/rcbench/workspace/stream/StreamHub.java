package io.rcbench.workspace.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Listeners per (stream collection, eventName) and the fan-out of events to them. An event with no listener
 * costs a map lookup; otherwise the frame is serialised and encoded once per framing for all listeners ({@link SharedFrame}).
 * Thread-safe: subscribe, unsubscribe and emit may race; an emit sees some consistent subset.
 */
public final class StreamHub {
    /** One listener registration; {@code subId} is the DDP sub id that created it. */
    public record Listener(Subscriber subscriber, String subId, String collection, String eventName) {
    }

    private record Key(String collection, String eventName) {
    }

    private final Map<Key, Set<Listener>> listeners = new ConcurrentHashMap<>();

    public void add(Listener l) {
        listeners.computeIfAbsent(new Key(l.collection(), l.eventName()), k -> ConcurrentHashMap.newKeySet()).add(l);
    }

    public void remove(Listener l) {
        Key key = new Key(l.collection(), l.eventName());
        Set<Listener> set = listeners.get(key);
        if (set != null) {
            set.remove(l);
            if (set.isEmpty()) {
                listeners.remove(key, set);
            }
        }
    }

    public boolean hasListeners(String collection, String eventName) {
        Set<Listener> set = listeners.get(new Key(collection, eventName));
        return set != null && !set.isEmpty();
    }

    /** Emits to every listener; see {@link #emit(String, String, String, JsonNode, Predicate, Subscriber)}. */
    public int emit(String collection, String eventName, JsonNode args) {
        return emit(collection, "id", eventName, args, s -> true, null);
    }

    /**
     * Sends {@code {"msg":"changed","collection":c,"id":docId,"fields":{"eventName":e,"args":args}}} to the
     * listeners of (c, e) that pass {@code filter}, except {@code except} (the emitting connection, as
     * Rocket.Chat's retransmitToSelf=false). Returns the number of frames sent.
     */
    public int emit(String collection, String docId, String eventName, JsonNode args, Predicate<Subscriber> filter,
                    Subscriber except) {
        Set<Listener> set = listeners.get(new Key(collection, eventName));
        if (set == null || set.isEmpty()) {
            return 0;
        }
        SharedFrame frame = new SharedFrame(Json.write(changedFrame(collection, docId, eventName, args)));
        int sent = 0;
        try {
            for (Listener l : set) {
                if (l.subscriber() != except && filter.test(l.subscriber())) {
                    l.subscriber().deliver(frame);
                    sent++;
                }
            }
        } finally {
            frame.release();
        }
        return sent;
    }

    /** The DDP frame of a stream event (protocol section 4.1); presence events carry {@code uid} too. */
    public static ObjectNode changedFrame(String collection, String docId, String eventName, JsonNode args) {
        ObjectNode fields = Json.object();
        if (!"id".equals(docId)) {
            fields.put("uid", docId);
        }
        fields.put("eventName", eventName);
        fields.set("args", args);
        ObjectNode frame = Json.object();
        frame.put("msg", "changed");
        frame.put("collection", collection);
        frame.put("id", docId);
        frame.set("fields", fields);
        return frame;
    }
}
