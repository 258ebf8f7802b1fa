package io.rcbench.ddp.client;

import io.rcbench.ddp.codec.MessageType;
import io.rcbench.ddp.codec.RawJson;

/**
 * An {@code added}/{@code changed}/{@code removed} frame that is not a stream event (e.g. the {@code users} document
 * the monolith sends after login). {@code fields} is null for {@code removed}.
 */
public record DocumentEvent(MessageType type, String collection, String id, RawJson fields) {
}
