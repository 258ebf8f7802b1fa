package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The DDP subscriptions a Rocket.Chat client opens (protocol section 4.7, from Rocket.Chat's load tester
 * {@code WebClient.ts} / {@code Client.ts}): about 35 after login for a web client, plus 4 per open room, and the
 * presence watch set. Pure data: the lists are built on demand, and parameter arrays that do not depend on the
 * user are shared constants (never mutate a {@link Sub}'s params), so holding them costs a session nothing.
 */
public final class WebClientSubscriptions {
    /** Which client to imitate. */
    public enum Profile { WEB, MOBILE }

    /** One {@code sub}: a publication or stream name and its params. */
    public record Sub(String name, ArrayNode params) {
    }

    static final String NOTIFY_ALL = "stream-notify-all";
    static final String NOTIFY_LOGGED = "stream-notify-logged";
    static final String NOTIFY_USER = "stream-notify-user";
    static final String NOTIFY_ROOM = "stream-notify-room";
    static final String ROOM_MESSAGES = "stream-room-messages";
    static final String APPS = "stream-apps";
    static final String PRESENCE = "stream-user-presence";

    private static final List<String> LOGGED_EVENTS = List.of("deleteCustomSound", "updateCustomSound", "updateEmojiCustom",
        "deleteEmojiCustom", "deleteCustomUserStatus", "updateCustomUserStatus", "banner-changed", "updateAvatar",
        "Users:NameChanged", "Users:Deleted", "roles-change", "voip.statuschanged", "permissions-changed");
    private static final List<String> USER_EVENTS = List.of("uiInteraction", "video-conference", "force_logout", "message",
        "subscriptions-changed", "notification", "otr", "rooms-changed", "webrtc", "userData");
    private static final List<String> APP_EVENTS = List.of("app/added", "app/removed", "app/updated", "app/settingUpdated",
        "command/added", "command/disabled", "command/updated", "command/removed", "actions/changed");
    private static final List<String> MOBILE_USER_EVENTS = List.of("rooms-changed", "subscriptions-changed", "message", "notification");
    private static final ArrayNode NO_PARAMS = Json.array();
    /** Shared, user-independent subscriptions of the web profile. */
    private static final List<Sub> WEB_SHARED;

    static {
        List<Sub> s = new ArrayList<>();
        s.add(new Sub("meteor.loginServiceConfiguration", NO_PARAMS));
        s.add(new Sub("meteor_autoupdate_clientVersions", NO_PARAMS));
        s.add(stream(NOTIFY_ALL, "public-settings-changed"));
        LOGGED_EVENTS.forEach(e -> s.add(stream(NOTIFY_LOGGED, e)));
        APP_EVENTS.forEach(e -> s.add(stream(APPS, e)));
        WEB_SHARED = List.copyOf(s);
    }

    private WebClientSubscriptions() {
    }

    /** Stream sub params as current clients send them: {@code [eventName, {useCollection:false, args:[]}]}. */
    public static Sub stream(String stream, String eventName) {
        ArrayNode params = Json.array().add(eventName);
        params.addObject().put("useCollection", false).putArray("args");
        return new Sub(stream, params);
    }

    /** What the client subscribes to once logged in as {@code uid} (web: 35 subs). */
    public static List<Sub> afterLogin(Profile profile, String uid) {
        List<Sub> out = new ArrayList<>();
        if (profile == Profile.WEB) {
            out.addAll(WEB_SHARED);
            USER_EVENTS.forEach(e -> out.add(stream(NOTIFY_USER, uid + "/" + e)));
        } else {
            MOBILE_USER_EVENTS.forEach(e -> out.add(stream(NOTIFY_USER, uid + "/" + e)));
            out.add(new Sub("userData", NO_PARAMS));
            out.add(new Sub("activeUsers", NO_PARAMS));
        }
        return out;
    }

    /** What opening room {@code rid} adds (web: messages, user-activity, deleteMessage, deleteMessageBulk). */
    public static List<Sub> perRoom(Profile profile, String rid) {
        if (profile == Profile.WEB) {
            return List.of(stream(ROOM_MESSAGES, rid), stream(NOTIFY_ROOM, rid + "/user-activity"),
                stream(NOTIFY_ROOM, rid + "/deleteMessage"), stream(NOTIFY_ROOM, rid + "/deleteMessageBulk"));
        }
        return List.of(stream(ROOM_MESSAGES, rid), stream(NOTIFY_ROOM, rid + "/user-activity"),
            stream(NOTIFY_ROOM, rid + "/deleteMessage"));
    }

    /**
     * The presence sub: {@code ["", {added:[uids], removed:[uids]}]}. The first one holds the watch set; later
     * ones change it and are stopped by the server at once (Presence.ts).
     */
    public static Sub presence(Collection<String> added, Collection<String> removed) {
        ArrayNode params = Json.array().add("");
        ObjectNode change = params.addObject();
        ArrayNode a = change.putArray("added");
        added.forEach(a::add);
        ArrayNode r = change.putArray("removed");
        removed.forEach(r::add);
        return new Sub(PRESENCE, params);
    }
}
