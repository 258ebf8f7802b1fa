package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The calls Rocket.Chat's web client makes around a login and on opening a room (protocol section 4.7, from
 * Rocket.Chat's load tester {@code src/client/WebClient.ts}), each timed under its own metric name:
 *
 * <ul>
 *   <li>before login: {@code public-settings/get} ({@code method.callAnon}) and {@code GET /api/apps/actionButtons};</li>
 *   <li>after login, all sent at once (the load tester's {@code Promise.all}; the browser's React queries do the
 *   same): the ~35 subscriptions, {@code GET roles.list} and {@code method.call} {@code license:getModules},
 *   {@code listCustomSounds}, {@code listCustomUserStatus}, {@code license:isEnterprise}, {@code rooms/get},
 *   {@code permissions/get}, {@code subscriptions/get};</li>
 *   <li>per opened room: {@code loadHistory} and {@code GET rooms.roles?rid=} at once, then
 *   {@code POST subscriptions.read}.</li>
 * </ul>
 * The web client sends its methods over REST {@code method.call} (Rocket.Chat's {@code ddpOverREST}; the setting that
 * switched it off is gone). With {@link ActionTransport#REST} (Rocket.Chat 9 removes the methods themselves) the
 * sequence uses REST routes only: {@code settings.public}, {@code rooms.get}, {@code subscriptions.get},
 * {@code permissions.listAll}; the license and custom-sound/status methods, which have no REST form in the target
 * set, are left out, and history comes from {@code channels|groups|im.history}. Stateless; thread-safe.
 */
public final class WebClientLogin {
    private WebClientLogin() {
    }

    /** Before login, sent together: the public settings and the apps' action buttons. */
    public static CompletableFuture<Void> beforeLogin(ClientCalls anonymous, ActionTransport transport) {
        CompletableFuture<JsonNode> settings = transport == ActionTransport.REST
            ? anonymous.get("settings", "/api/v1/settings.public")
            : anonymous.method("settings", "public-settings/get");
        return CompletableFuture.allOf(settings, anonymous.get("actionButtons", "/api/apps/actionButtons"));
    }

    /**
     * After login as {@code uid}, everything at once; completes with the room list (the {@code rooms/get} or
     * {@code rooms.get} answer) when every call has answered, and fails with the first failure once all have ended.
     */
    public static CompletableFuture<JsonNode> afterLogin(ClientCalls calls, String uid, ActionTransport transport) {
        List<CompletableFuture<?>> all = new ArrayList<>();
        all.add(calls.subscribe("subscribe", WebClientSubscriptions.afterLogin(WebClientSubscriptions.Profile.WEB, uid)));
        all.add(calls.get("rolesList", "/api/v1/roles.list"));
        CompletableFuture<JsonNode> rooms;
        if (transport == ActionTransport.REST) {
            rooms = calls.get("rooms", "/api/v1/rooms.get");
            all.add(calls.get("permissions", "/api/v1/permissions.listAll"));
            all.add(calls.get("subscriptions", "/api/v1/subscriptions.get"));
        } else {
            all.add(calls.method("getModules", "license:getModules"));
            all.add(calls.method("listCustomSounds", "listCustomSounds"));
            all.add(calls.method("listCustomUserStatus", "listCustomUserStatus"));
            all.add(calls.method("isEnterprise", "license:isEnterprise"));
            rooms = calls.method("rooms", "rooms/get");
            all.add(calls.method("permissions", "permissions/get"));
            all.add(calls.method("subscriptions", "subscriptions/get"));
        }
        all.add(rooms);
        return allThen(all, rooms);
    }

    /**
     * Opening room {@code rid} of type {@code type} ({@code c}, {@code p}, {@code d}): its newest {@code count}
     * messages and its roles at once, then the read mark. Completes with the history answer. (The room's stream
     * subscriptions are the caller's: {@link WebClientSubscriptions#perRoom}.)
     */
    public static CompletableFuture<JsonNode> openRoom(ClientCalls calls, String rid, String type, int count,
                                                       ActionTransport transport) {
        CompletableFuture<JsonNode> history = transport == ActionTransport.REST
            ? calls.get("loadHistory", "/api/v1/" + restPrefix(type) + ".history?roomId=" + RestClient.encode(rid)
                + "&count=" + count)
            : calls.ddpMethod("loadHistory", "loadHistory", rid, null, count,
                Json.object().put("$date", System.currentTimeMillis()))
                .thenApply(r -> ChatMethods.history(r, rid));
        CompletableFuture<JsonNode> roles = calls.get("roomRoles", "/api/v1/rooms.roles?rid=" + RestClient.encode(rid));
        return allThen(List.of(history, roles), history)
            .thenCompose(h -> calls.post("read", "/api/v1/subscriptions.read", Json.object().put("rid", rid))
                .thenApply(r -> h));
    }

    /** Rocket.Chat's REST prefix of a room type: channels, groups and ims each have their own routes. */
    public static String restPrefix(String type) {
        return switch (type) {
            case "p" -> "groups";
            case "d" -> "im";
            default -> "channels";
        };
    }

    /**
     * {@code value}'s result once every one of {@code all} has ended (the client waits for all of them); the first
     * failure among them otherwise.
     */
    static <T> CompletableFuture<T> allThen(List<? extends CompletableFuture<?>> all, CompletableFuture<T> value) {
        CompletableFuture<?>[] a = all.toArray(CompletableFuture[]::new);
        // allOf completes only when all have ended, failed if any failed: a failure does not cut the wait short
        return CompletableFuture.allOf(a).thenCompose(v -> value);
    }
}
