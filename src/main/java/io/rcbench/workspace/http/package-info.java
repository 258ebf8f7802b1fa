/**
 * The workspace's Netty transport: one pipeline for HTTP, upgraded per path to DDP over a raw WebSocket
 * ({@code /websocket}) or SockJS raw framing ({@code /sockjs/<n>/<id>/websocket}). One handler per concern,
 * ordered in {@link io.rcbench.workspace.http.WorkspaceInitializer}.
 */
package io.rcbench.workspace.http;
