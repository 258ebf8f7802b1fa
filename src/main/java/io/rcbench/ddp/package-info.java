/**
 * DDP, Meteor's realtime protocol as Rocket.Chat speaks it: JSON codec, EJSON dates, Meteor error objects
 * and ids, shared by the embedded workspace (server side) and the client. The client lives in the subpackages:
 * {@code ws} (WebSocket transport: Java-WebSocket's engine on Netty event loops), {@code codec} (hot-path frame
 * encoder and decoder, SockJS framing) and {@code client} (sessions, calls, subscriptions, streams, reconnects).
 * Facts: ../shared/docs/rocketchat-protocol.md section 1.
 */
package io.rcbench.ddp;
