package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The calls Rocket.Chat's mobile app makes after a login and on opening a room (protocol section 4.7, from
 * Rocket.Chat's load tester {@code src/client/Client.ts}, type android/ios), all over REST, each timed under its own
 * metric name:
 *
 * <ul>
 *   <li>after login, all sent at once: its 6 subscriptions ({@code rooms-changed}, {@code subscriptions-changed},
 *   {@code message}, {@code notification}, {@code userData}, {@code activeUsers}), {@code GET me},
 *   {@code permissions.listAll}, {@code settings.public}, {@code subscriptions.get}, {@code rooms.get};</li>
 *   <li>per opened room, at once: {@code <type>.members}, {@code <type>.roles}, {@code <type>.history},
 *   {@code commands.list}; then {@code POST subscriptions.read} (the app marks a room read when it shows it).</li>
 * </ul>
 * The same over either {@link ActionTransport}: the app has no DDP methods in this sequence. Stateless; thread-safe.
 */
public final class MobileClientLogin {
    private MobileClientLogin() {
    }

    /** After login as {@code uid}, everything at once; completes with the {@code rooms.get} answer. */
    public static CompletableFuture<JsonNode> afterLogin(ClientCalls calls, String uid) {
        CompletableFuture<JsonNode> rooms = calls.get("rooms", "/api/v1/rooms.get");
        return WebClientLogin.allThen(List.of(
            calls.subscribe("subscribe", WebClientSubscriptions.afterLogin(WebClientSubscriptions.Profile.MOBILE, uid)),
            calls.get("me", "/api/v1/me"),
            calls.get("permissions", "/api/v1/permissions.listAll"),
            calls.get("settings", "/api/v1/settings.public"),
            calls.get("subscriptions", "/api/v1/subscriptions.get"),
            rooms), rooms);
    }

    /** Opening room {@code rid} of type {@code type}: members, roles, history, commands at once, then the read mark. */
    public static CompletableFuture<JsonNode> openRoom(ClientCalls calls, String rid, String type, int count) {
        String prefix = "/api/v1/" + WebClientLogin.restPrefix(type);
        String room = "?roomId=" + RestClient.encode(rid);
        CompletableFuture<JsonNode> history = calls.get("loadHistory", prefix + ".history" + room + "&count=" + count);
        return WebClientLogin.allThen(List.of(
                calls.get("members", prefix + ".members" + room),
                calls.get("roomRoles", prefix + ".roles" + room),
                history,
                calls.get("commands", "/api/v1/commands.list")), history)
            .thenCompose(h -> calls.post("read", "/api/v1/subscriptions.read", Json.object().put("rid", rid))
                .thenApply(r -> h));
    }
}
