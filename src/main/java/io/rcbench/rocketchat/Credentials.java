package io.rcbench.rocketchat;

import java.util.Objects;

/**
 * A logged-in user: the id and auth token REST sends as {@code X-User-Id} / {@code X-Auth-Token} and DDP
 * resumes with, and the username (typing events are keyed by it). {@link #toString()} hides the token.
 */
public record Credentials(String userId, String username, String authToken) {
    public Credentials {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(authToken, "authToken");
        if (userId.isEmpty() || authToken.isEmpty()) {
            throw new IllegalArgumentException("credentials need a user id and an auth token");
        }
    }

    @Override
    public String toString() {
        return "Credentials[userId=" + userId + ", username=" + username + ", authToken=<hidden>]";
    }
}
