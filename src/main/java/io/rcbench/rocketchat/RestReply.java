package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A successful REST answer: status (2xx), JSON body, and the route's rate-limit headers when it has them. */
public record RestReply(int status, JsonNode body, Optional<RateLimit> rateLimit) {
}
