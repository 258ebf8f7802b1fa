package io.rcbench.workspace.rest;

/**
 * A REST endpoint. Runs on a worker thread; throws {@link io.rcbench.ddp.MeteorError} for a 400 with
 * Rocket.Chat's error body.
 */
@FunctionalInterface
public interface Route {
    RestResponse handle(RestRequest request);
}
