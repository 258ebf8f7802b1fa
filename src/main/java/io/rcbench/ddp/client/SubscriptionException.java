package io.rcbench.ddp.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;

/**
 * A subscription ended with {@code nosub}: with the server's Meteor error (404 unknown publication, not-allowed,
 * too-many-requests with {@link #timeToResetMs()}), or without one when the server stopped it.
 */
public class SubscriptionException extends MeteorError {
    private final String name;

    public SubscriptionException(String name, JsonNode errorObject) {
        this(name, errorObject == null
            ? new MeteorError(Json.MAPPER.getNodeFactory().textNode("nosub"), "subscription '" + name + "' stopped by the server", null)
            : MeteorError.fromJson(errorObject));
    }

    private SubscriptionException(String name, MeteorError e) {
        super(e.error(), e.reason(), e.details());
        this.name = name;
    }

    public String name() {
        return name;
    }

    public boolean isTooManyRequests() {
        return "too-many-requests".equals(code());
    }
}
