/**
 * WebSocket transport of the DDP client: Java-WebSocket's protocol engine ({@code WebSocketImpl} with
 * {@link io.rcbench.ddp.ws.ClientDraft}, a {@code Draft_6455} that reads whole inbound text messages itself:
 * handshake, framing, masking, close codes, permessage-deflate) driven from a Netty channel on a shared event loop,
 * with optional TLS. No thread per connection: every callback of a connection runs on the event loop its channel is
 * registered on.
 */
package io.rcbench.ddp.ws;
