/**
 * Rocket.Chat streams on the server: who listens to which (stream, eventName), and the fan-out of one
 * event to every listener as a DDP {@code changed} frame serialised once and encoded once per framing into
 * direct memory shared by all listeners.
 */
package io.rcbench.workspace.stream;
