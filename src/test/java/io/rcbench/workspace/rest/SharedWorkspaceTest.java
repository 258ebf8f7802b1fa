package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.Rest;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import io.rcbench.workspace.seed.SeedResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One workspace per test class (rate limits off), seeded with {@code user.0..3} (password "pw"), {@code bot.0},
 * the public channel {@code loadtest-0} holding user.0, user.1 and bot.0, and one webhook posting there as bot.0.
 * Tests in a class share it, so each names what it creates uniquely and asserts only on its own data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedWorkspaceTest {
    static final String PW = "pw";
    Path dir;
    Workspace ws;
    SeedResult seed;
    Rest admin;
    Rest alice;
    Rest bob;
    Rest carol;
    Rest bot;
    String channelId;

    @BeforeAll
    void startWorkspace() throws Exception {
        dir = Files.createTempDirectory("rcbench-rest-");
        Map<String, String> settings = new HashMap<>(TestWorkspaces.NO_LIMITS);
        settings.putAll(settings());
        ws = Workspace.start(TestWorkspaces.config(dir).withSettings(settings));
        seed = ws.seeder().seed(new SeedPlan(4, 1, 2, "c", 1, 1, PW, 4));
        channelId = seed.roomIds().get(0);
        admin = Rest.login(ws, TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
        alice = Rest.login(ws, "user.0", PW);
        bob = Rest.login(ws, "user.1", PW);
        carol = Rest.login(ws, "user.2", PW);
        bot = Rest.login(ws, "bot.0", PW);
    }

    /** Boot-time settings on top of "rate limiters off"; a class overrides this to turn something on. */
    Map<String, String> settings() {
        return Map.of();
    }

    @AfterAll
    void stopWorkspace() {
        if (ws != null) {
            ws.close();
        }
        deleteTree(dir);
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body cut to a readable length, for assertion messages. */
    static String shown(HttpResponse<String> r) {
        String b = r.body();
        return b.length() <= 400 ? b : b.substring(0, 400) + "...";
    }

    static JsonNode body(HttpResponse<String> r) {
        return Rest.json(r);
    }

    /** A 200 answer with {@code success:true}; returns the body. */
    static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(shown(r)).isEqualTo(200);
        JsonNode b = body(r);
        assertThat(b.path("success").asBoolean()).as(shown(r)).isTrue();
        return b;
    }

    /** Rocket.Chat's failure body {@code {"success":false,"error":..,"errorType":..}} with this status and type. */
    static JsonNode failure(HttpResponse<String> r, int status, String errorType) {
        assertThat(r.statusCode()).as(shown(r)).isEqualTo(status);
        JsonNode b = body(r);
        assertThat(b.path("success").isBoolean() && !b.get("success").asBoolean()).as(shown(r)).isTrue();
        assertThat(b.path("error").isTextual()).as(shown(r)).isTrue();
        if (errorType != null) {
            assertThat(b.path("errorType").asText()).as(shown(r)).isEqualTo(errorType);
        }
        return b;
    }

    /** The 401 Rocket.Chat sends to an unauthenticated call of an authenticated route. */
    static void unauthenticated(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(shown(r)).isEqualTo(401);
        assertThat(body(r)).isEqualTo(Json.parse("{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}"));
    }

    /** The 403 body Rocket.Chat keeps for compatibility. */
    static void forbidden(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(shown(r)).isEqualTo(403);
        assertThat(body(r)).isEqualTo(Json.parse("{\"success\":false,\"error\":\"unauthorized\"}"));
    }

    /** The texts of a room's newest messages, newest first, read over REST as {@code reader}. */
    static java.util.List<String> history(Rest reader, String rid, int count) throws Exception {
        return history(reader, "channels.history", rid, count);
    }

    /** The texts of a room's newest messages through {@code route}: each room type has its own history route. */
    static java.util.List<String> history(Rest reader, String route, String rid, int count) throws Exception {
        JsonNode b = ok(reader.get("/api/v1/" + route + "?roomId=" + rid + "&count=" + count));
        return b.path("messages").findValuesAsText("msg");
    }

    /** Sends a message by chat.sendMessage and returns the stored message. */
    static JsonNode send(Rest sender, String rid, String text) throws Exception {
        return ok(sender.post("/api/v1/chat.sendMessage",
            Json.object().set("message", Json.object().put("rid", rid).put("msg", text)))).path("message");
    }

    /** A fresh Rest client for an unauthenticated caller. */
    Rest anonymous() {
        return Rest.anonymous(ws);
    }

    /** A client with a forged token for a real user id. */
    Rest forged(Rest real) {
        return new Rest(ws.baseUri(), real.userId(), "not-the-token");
    }
}
