package io.rcbench.gatling;

import io.gatling.javaapi.core.Session;
import java.util.concurrent.CompletionStage;

/**
 * The work of one measured action of a virtual user: start it and complete with the session to continue with, or
 * exceptionally. Called on the user's event loop; may complete on any thread (the action hops back).
 */
@FunctionalInterface
public interface Step {
    CompletionStage<Session> run(Session session);
}
