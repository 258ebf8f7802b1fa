/**
 * The embedded Rocket.Chat-compatible workspace: a Netty server speaking DDP (raw and SockJS framing)
 * and the REST API v1 subset a load test needs, over a real embedded database. It is a protocol
 * stand-in and says so in {@code /api/info}; it is the default target of a run.
 * Entry point: {@link io.rcbench.workspace.Workspace}.
 */
package io.rcbench.workspace;
