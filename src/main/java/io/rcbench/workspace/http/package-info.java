/**
 * The workspace's Netty transport: one pipeline for HTTP, upgraded per path to DDP over a raw WebSocket
 * ({@code /websocket}) or SockJS raw framing ({@code /sockjs/<n>/<id>/websocket}). One handler per concern,
 * ordered in {@link io.rcbench.workspace.http.WorkspaceInitializer}. Hostile and slow clients are bounded here:
 * HTTP deadlines and per-route body limits before anything is buffered, RFC 6455 close codes for malformed
 * frames, and an outbound bound per DDP connection past which it is closed (1013) instead of queuing more.
 */
package io.rcbench.workspace.http;
