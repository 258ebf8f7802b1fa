package io.rcbench.workspace.ddp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.service.Notifier;
import io.rcbench.workspace.service.Rooms;
import io.rcbench.workspace.stream.StreamHub;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a {@code sub} may open and what it listens to (protocol sections 1.5 and 4). Streams check Rocket.Chat's
 * read rules; the other names a web client opens after login are accepted and held, so they cost what they
 * cost; anything else is a 404 nosub.
 */
public final class Publications {
    /** Publications a web or mobile client opens that carry nothing a load test reads. */
    private static final Set<String> HELD = Set.of("meteor.loginServiceConfiguration", "meteor_autoupdate_clientVersions",
        "userData", "activeUsers", "roles", "notifications", "stdout");

    private final StreamHub hub;
    private final Rooms rooms;
    private final io.rcbench.workspace.store.RoomStore roomStore;

    public Publications(StreamHub hub, Rooms rooms, io.rcbench.workspace.store.RoomStore roomStore) {
        this.hub = hub;
        this.rooms = rooms;
        this.roomStore = roomStore;
    }

    /**
     * Opens a subscription. Returns true when ready should be sent; false when the sub was consumed without
     * ready (a presence update, answered by nosub). Throws {@link MeteorError} for a nosub with an error.
     */
    boolean subscribe(DdpSession s, String subId, String name, ArrayNode params) {
        if (!name.startsWith("stream-")) {
            if (!HELD.contains(name)) {
                throw new MeteorError(404, "Subscription '" + name + "' not found");
            }
            s.subscriptions().put(subId, List.of());
            return true;
        }
        String eventName = params.path(0).asText("");
        if (name.equals(Notifier.USER_PRESENCE)) {
            return presence(s, subId, params.path(1));
        }
        if (eventName.isEmpty()) {
            throw new MeteorError("invalid-event-name", "Invalid event name");
        }
        authorize(s.user(), name, eventName);
        StreamHub.Listener l = new StreamHub.Listener(s, subId, name, eventName);
        hub.add(l);
        s.subscriptions().put(subId, List.of(l));
        JsonNode options = params.path(1);
        boolean useCollection = options.isBoolean() ? options.asBoolean() : options.path("useCollection").asBoolean(false);
        if (useCollection) {
            s.send(Json.object().put("msg", "added").put("collection", name).put("id", "id")
                .set("fields", Json.object().put("eventName", eventName)));
        }
        return true;
    }

    private void authorize(User user, String stream, String eventName) {
        boolean ok = switch (stream) {
            case Notifier.ROOM_MESSAGES -> user != null && (eventName.equals(Notifier.MY_MESSAGES) || canReadRoom(user, eventName));
            case Notifier.NOTIFY_USER -> user != null && eventName.startsWith(user.id() + "/");
            case Notifier.NOTIFY_ROOM -> user != null && canReadRoom(user, eventName.split("/", 2)[0]);
            case Notifier.NOTIFY_LOGGED -> user != null;
            default -> true;
        };
        if (!ok) {
            throw new MeteorError("not-allowed", "Not allowed");
        }
    }

    private boolean canReadRoom(User user, String rid) {
        return roomStore.byId(rid).map(r -> rooms.canRead(user, r)).orElse(false);
    }

    /**
     * The first presence sub holds the watch set; later subs add/remove ids on it and are stopped at once
     * (Rocket.Chat's Presence.ts behaviour).
     */
    private boolean presence(DdpSession s, String subId, JsonNode change) {
        if (s.user() == null) {
            throw new MeteorError("not-allowed", "Not allowed");
        }
        String holder = s.presenceSubId();
        boolean first = holder == null || !s.subscriptions().containsKey(holder);
        if (first) {
            holder = subId;
            s.setPresenceSubId(subId);
            s.subscriptions().put(subId, new ArrayList<>());
        }
        List<StreamHub.Listener> listeners = s.subscriptions().get(holder);
        synchronized (listeners) {
            for (JsonNode uid : change.path("added")) {
                StreamHub.Listener l = new StreamHub.Listener(s, holder, Notifier.USER_PRESENCE, uid.asText());
                hub.add(l);
                listeners.add(l);
            }
            for (JsonNode uid : change.path("removed")) {
                listeners.removeIf(l -> {
                    boolean match = l.eventName().equals(uid.asText());
                    if (match) {
                        hub.remove(l);
                    }
                    return match;
                });
            }
        }
        return first;
    }

    /** Stops a subscription; returns false when the id was not active. */
    boolean unsubscribe(DdpSession s, String subId) {
        List<StreamHub.Listener> ls = s.subscriptions().remove(subId);
        if (ls == null) {
            return false;
        }
        synchronized (ls) {
            ls.forEach(hub::remove);
        }
        return true;
    }

    void closeAll(DdpSession s) {
        for (String subId : List.copyOf(s.subscriptions().keySet())) {
            unsubscribe(s, subId);
        }
    }
}
