package io.rcbench.ddp.client;

import com.fasterxml.jackson.databind.JsonNode;

/** The DDP rate limiter refused a call; {@link #timeToResetMs()} says when the window resets (-1 if not given). */
public class TooManyRequestsException extends DdpMethodException {
    public TooManyRequestsException(String method, JsonNode error, String reason, JsonNode details) {
        super(method, error, reason, details);
    }
}
