package io.rcbench.workspace.ddp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A DDP method. Runs on a worker thread, one call at a time per session. Returns the result, or null for
 * Meteor's {@code undefined} (the {@code result} key is then omitted); throws
 * {@link io.rcbench.ddp.MeteorError} to fail the call.
 */
@FunctionalInterface
public interface DdpMethod {
    JsonNode call(MethodContext ctx, ArrayNode params);
}
