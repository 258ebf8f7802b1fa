package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import java.util.concurrent.CompletableFuture;

/**
 * An incoming webhook: {@code POST /hooks/<integrationId>/<token>} with no auth headers (protocol section 6).
 * The token is a secret: {@link #toString()} hides it and error messages show the path redacted.
 */
public record IncomingWebhook(String integrationId, String token) {
    public IncomingWebhook {
        if (integrationId == null || integrationId.isBlank() || token == null || token.isBlank()) {
            throw new IllegalArgumentException("a webhook needs an integration id and a token");
        }
    }

    /** The path to post to, relative to the server's base URL; contains the token. */
    public String path() {
        return "/hooks/" + RestClient.encode(integrationId) + "/" + RestClient.encode(token);
    }

    /** Posts {@code {"text": text}}; completes when the server accepted it. */
    public CompletableFuture<Void> post(RestClient rest, String text) {
        return post(rest, Json.object().put("text", text));
    }

    /** Posts a full payload ({@code text}, {@code alias}, {@code emoji}, {@code attachments}...). */
    public CompletableFuture<Void> post(RestClient rest, ObjectNode payload) {
        return rest.postAnonymousAsync(path(), payload).thenApply(r -> null);
    }

    @Override
    public String toString() {
        return "IncomingWebhook[integrationId=" + integrationId + ", token=<hidden>]";
    }
}
