package io.rcbench.ddp.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.MeteorError;

/**
 * A method call answered with a Meteor error ({@code {"error":..,"reason":..,"details":..}}); {@link #code()} is the
 * error as text ("404", "error-invalid-room"). {@code too-many-requests} arrives as {@link TooManyRequestsException}.
 */
public class DdpMethodException extends MeteorError {
    private final String method;

    public DdpMethodException(String method, JsonNode error, String reason, JsonNode details) {
        super(error, reason, details);
        this.method = method;
    }

    /** The typed exception for a wire error object of a call to {@code method}. */
    public static DdpMethodException of(String method, JsonNode errorObject) {
        MeteorError e = MeteorError.fromJson(errorObject);
        if ("too-many-requests".equals(e.code())) {
            return new TooManyRequestsException(method, e.error(), e.reason(), e.details());
        }
        return new DdpMethodException(method, e.error(), e.reason(), e.details());
    }

    public String method() {
        return method;
    }
}
