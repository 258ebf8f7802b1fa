package io.rcbench.workspace.ddp;

import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.User;

/**
 * Who calls a method and over what. {@code session} is null when the call comes over REST
 * ({@code method.call}); then {@code connectionId} is the auth token, as Rocket.Chat keys it.
 */
public record MethodContext(User user, String connectionId, String clientAddress, DdpSession session) {
    /** The logged-in user, or {@code error-invalid-user} as Rocket.Chat's methods answer anonymous callers. */
    public User requireUser(String method) {
        if (user == null) {
            throw new MeteorError("error-invalid-user", "Invalid user")
                .withDetails(io.rcbench.ddp.Json.object().put("method", method));
        }
        return user;
    }
}
