package io.rcbench.gatling;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A client's {@code stream-user-presence} watch set (protocol doc 4.6): the first {@code sub} holds it, each later
 * {@code sub} adds and removes user ids on it and is stopped by the server at once. The set follows the members the
 * client shows. Confined to its virtual user's event loop; reset when the connection closes (the set ends with it).
 */
final class PresenceWatch {
    private final Set<String> watched = new LinkedHashSet<>();
    private boolean holding;

    /** A change of the watch set towards {@code shown}. */
    record Change(List<String> added, List<String> removed, boolean first) {
        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && !first;
        }
    }

    /** The change that makes the set {@code shown}; applied at once (the client does not wait for the server). */
    Change watch(List<String> shown) {
        List<String> added = new ArrayList<>();
        for (String id : shown) {
            if (!watched.contains(id)) {
                added.add(id);
            }
        }
        List<String> removed = watched.stream().filter(id -> !shown.contains(id)).toList();
        boolean first = !holding;
        holding = true;
        watched.removeAll(removed);
        watched.addAll(added);
        return new Change(added, removed, first);
    }

    /** Watching nobody, no holding subscription: the connection closed. */
    void reset() {
        watched.clear();
        holding = false;
    }

    /** The ids watched now. */
    List<String> watched() {
        return List.copyOf(watched);
    }
}
