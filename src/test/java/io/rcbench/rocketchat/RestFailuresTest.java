package io.rcbench.rocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error answers become exceptions that say what to do; table of Rocket.Chat's shapes (protocol sections 5, 7.2). */
class RestFailuresTest {
    private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (a, b) -> true);

    @Test
    void a429WithoutHeadersTakesItsResetFromTheWaitInTheText() {
        RocketChatException e = RestFailures.fromAnswer("POST", "/api/v1/chat.sendMessage", 429,
            "{\"success\":false,\"error\":\"Error, too many requests. Please slow down. You must wait 42 seconds before"
                + " trying this endpoint again. [error-too-many-requests]\"}", NONE, 1_000_000);
        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class, r -> assertThat(r.resetEpochMs()).isEqualTo(1_042_000));
        assertThat(e.getMessage()).contains("retry after 42 s");
    }

    @Test
    void a429PrefersTheResetHeader() {
        HttpHeaders h = HttpHeaders.of(Map.of("X-RateLimit-Limit", List.of("10"), "X-RateLimit-Remaining", List.of("0"),
            "X-RateLimit-Reset", List.of("1005000")), (a, b) -> true);
        RateLimitedException e = (RateLimitedException) RestFailures.fromAnswer("GET", "/api/v1/me", 429, "{}", h, 1_000_000);
        assertThat(e.resetEpochMs()).isEqualTo(1_005_000);
        assertThat(e.waitMs(1_000_000)).isEqualTo(5_000);
    }

    @Test
    void errorTypesComeFromTheFieldOrTheTrailingCode() {
        assertThat(RestFailures.fromAnswer("POST", "/x", 400, "{\"success\":false,\"error\":\"Invalid room\",\"errorType\":\"error-invalid-room\"}",
            NONE, 0).errorType()).isEqualTo("error-invalid-room");
        RocketChatException e = RestFailures.fromAnswer("POST", "/x", 400, "{\"error\":\"Message too big [error-message-size-exceeded]\"}",
            NONE, 0);
        assertThat(e.errorType()).isEqualTo("error-message-size-exceeded");
        assertThat(e.getMessage()).contains("raise Message_MaxAllowedSize");
    }

    @Test
    void nonJsonBodiesAndServerErrorsAreReportedPlainly() {
        RocketChatException e = RestFailures.fromAnswer("GET", "/api/v1/me", 502, "<html>Bad gateway</html>", NONE, 0);
        assertThat(e.getMessage()).contains("502").contains("Bad gateway").contains("see the server's log");
    }

    @Test
    void webhookTokensNeverAppearInMessages() {
        RocketChatException e = RestFailures.fromAnswer("POST", "/hooks/abc/SECRET", 404, "{}", NONE, 0);
        assertThat(e.getMessage()).doesNotContain("SECRET").contains("/hooks/abc/<token>");
    }
}
