package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.ddp.Json;
import io.rcbench.workspace.Rest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The REST limiter with Rocket.Chat's defaults (protocol 7.2): 10 calls per 60 s per route, HTTP method and IP,
 * X-RateLimit-* headers, the 429 body; admins and bots bypass it except on webhooks. Every caller here is
 * 127.0.0.1, so each test spends the budget of its own route.
 */
class RestRateLimitTest extends SharedWorkspaceTest {
    private static final Pattern REFUSAL = Pattern.compile("Error, too many requests\\. Please slow down\\. You must wait (\\d+) "
        + "seconds before trying this endpoint again\\. \\[error-too-many-requests]");

    @Override
    Map<String, String> settings() {
        return Map.of("API_Enable_Rate_Limiter", "true");
    }

    private static long header(HttpResponse<String> r, String name) {
        return Long.parseLong(r.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + ": " + r.headers())));
    }

    private static void refused(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(body(r).path("success").asBoolean(true)).isFalse();
        Matcher m = REFUSAL.matcher(body(r).path("error").asText());
        assertThat(m.matches()).as(r.body()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isBetween(1L, 60L);
        assertThat(header(r, "X-RateLimit-Remaining")).isZero();
        assertThat(r.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void tenCallsPassWithHeadersThenThe11thIs429() throws Exception {
        long before = System.currentTimeMillis();
        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> r = alice.get("/api/v1/me");
            assertThat(r.statusCode()).as("call " + i).isEqualTo(200);
            assertThat(header(r, "X-RateLimit-Limit")).isEqualTo(10);
            assertThat(header(r, "X-RateLimit-Remaining")).isEqualTo(10 - i);
            assertThat(header(r, "X-RateLimit-Reset")).isBetween(before, System.currentTimeMillis() + 60_000);
        }
        refused(alice.get("/api/v1/me"));
        refused(bob.get("/api/v1/me"));
        // Another route, and another HTTP method, keep their own budgets.
        assertThat(alice.get("/api/v1/channels.history?roomId=" + channelId).statusCode()).isEqualTo(200);
        assertThat(alice.post("/api/v1/me", Json.object()).statusCode()).isEqualTo(404);
    }

    @Test
    void adminsAndBotsBypassTheLimiter() throws Exception {
        for (int i = 0; i < 15; i++) {
            HttpResponse<String> a = admin.get("/api/v1/settings/Message_MaxAllowedSize");
            assertThat(a.statusCode()).isEqualTo(200);
            assertThat(a.headers().firstValue("X-RateLimit-Limit")).isEmpty();
            HttpResponse<String> b = bot.post("/api/v1/subscriptions.read", Json.object().put("rid", channelId));
            assertThat(b.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void methodCallIsExempt() throws Exception {
        String frame = Json.write(Json.object().put("msg", "method").put("id", "1").put("method", "rooms/get").set("params", Json.array()));
        for (int i = 0; i < 15; i++) {
            HttpResponse<String> r = carol.post("/api/v1/method.call/rooms%2Fget", Json.object().put("message", frame));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-RateLimit-Limit")).isEmpty();
        }
    }

    @Test
    void methodCallAnswers429WhenTheDdpLimiterRefuses() throws Exception {
        ok(admin.post("/api/v1/settings/DDP_Rate_Limit_Connection_By_Method_Enabled", Json.object().put("value", true)));
        try {
            String frame = Json.write(Json.object().put("msg", "method").put("id", "1").put("method", "subscriptions/get")
                .set("params", Json.array()));
            for (int i = 0; i < 10; i++) {
                assertThat(carol.post("/api/v1/method.call/subscriptions%2Fget", Json.object().put("message", frame)).statusCode())
                    .isEqualTo(200);
            }
            HttpResponse<String> r = carol.post("/api/v1/method.call/subscriptions%2Fget", Json.object().put("message", frame));
            assertThat(r.statusCode()).as(shown(r)).isEqualTo(429);
            assertThat(body(r).path("success").asBoolean(true)).isFalse();
            assertThat(body(r).path("error").asText()).startsWith("Error, too many requests. Please slow down.");
            // The rule is per connection, which method.call keys by auth token: another login has its own budget.
            io.rcbench.workspace.Rest again = Rest.login(ws, "user.2", PW);
            assertThat(again.post("/api/v1/method.call/subscriptions%2Fget", Json.object().put("message", frame)).statusCode())
                .isEqualTo(200);
        } finally {
            ok(admin.post("/api/v1/settings/DDP_Rate_Limit_Connection_By_Method_Enabled", Json.object().put("value", false)));
        }
    }

    @Test
    void webhooksAreLimitedPerHookUrlWithNoBypass() throws Exception {
        String path = seed.webhookPaths().get(0);
        for (int i = 0; i < 10; i++) {
            assertThat(anonymous().post(path, Json.object().put("text", "hook " + i)).statusCode()).isEqualTo(200);
        }
        refused(anonymous().post(path, Json.object().put("text", "hook over")));
        var i = ok(admin.post("/api/v1/integrations.create", Json.object().put("type", "webhook-incoming").put("name", "second")
            .put("username", "bot.0").put("channel", "#loadtest-0"))).path("integration");
        String other = "/hooks/" + i.path("_id").asText() + "/" + i.path("token").asText();
        assertThat(anonymous().post(other, Json.object().put("text", "other hook")).statusCode()).isEqualTo(200);
        var texts = ok(admin.get("/api/v1/channels.history?roomId=" + channelId + "&count=100")).path("messages").findValuesAsText("msg");
        assertThat(texts.stream().filter(t -> t.startsWith("hook ")).count()).isEqualTo(10);
        assertThat(texts).contains("other hook").doesNotContain("hook over");
    }

    @Test
    void registrationHasItsOwnLimitOfOne() throws Exception {
        HttpResponse<String> first = anonymous().post("/api/v1/users.register",
            Json.object().put("username", "reg1").put("email", "reg1@x.invalid").put("pass", "p1"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(header(first, "X-RateLimit-Limit")).isEqualTo(1);
        refused(anonymous().post("/api/v1/users.register",
            Json.object().put("username", "reg2").put("email", "reg2@x.invalid").put("pass", "p2")));
        assertThat(ws.stores().users.byUsername("reg2")).isEmpty();
    }

    @Test
    void settingsSwitchAndSizeTheLimiter() throws Exception {
        ok(admin.post("/api/v1/settings/API_Enable_Rate_Limiter_Limit_Calls_Default", Json.object().put("value", 3)));
        try {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = carol.post("/api/v1/im.create", Json.object().put("username", "user.3"));
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(header(r, "X-RateLimit-Limit")).isEqualTo(3);
            }
            refused(carol.post("/api/v1/im.create", Json.object().put("username", "user.3")));
            ok(admin.post("/api/v1/settings/API_Enable_Rate_Limiter", Json.object().put("value", false)));
            HttpResponse<String> off = carol.post("/api/v1/im.create", Json.object().put("username", "user.3"));
            assertThat(off.statusCode()).isEqualTo(200);
            assertThat(off.headers().firstValue("X-RateLimit-Limit")).isEmpty();
        } finally {
            ok(admin.post("/api/v1/settings/API_Enable_Rate_Limiter", Json.object().put("value", true)));
            ok(admin.post("/api/v1/settings/API_Enable_Rate_Limiter_Limit_Calls_Default", Json.object().put("value", 10)));
        }
    }

    @Test
    void refusalsNeverReachTheRoute() throws Exception {
        Rest dave = Rest.login(ws, "user.3", PW);
        for (int i = 0; i < 10; i++) {
            assertThat(dave.post("/api/v1/channels.create", Json.object().put("name", "limited-" + i)).statusCode()).isEqualTo(200);
        }
        refused(dave.post("/api/v1/channels.create", Json.object().put("name", "limited-over")));
        assertThat(ws.stores().rooms.byName("limited-over")).isEmpty();
        assertThat(ws.stores().rooms.byName("limited-9")).isPresent();
    }
}
