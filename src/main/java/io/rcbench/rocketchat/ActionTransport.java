package io.rcbench.rocketchat;

/**
 * How a session sends user actions: over DDP methods (Rocket.Chat up to 8.x, what the web client does) or over
 * REST (Rocket.Chat 9.0 removes most DDP methods). Events always arrive over DDP streams, and typing is always a
 * DDP stream write: Rocket.Chat has no REST form of it.
 */
public enum ActionTransport { DDP, REST }
