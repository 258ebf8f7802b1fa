package io.rcbench.ddp.client;

import io.rcbench.ddp.codec.RawJson;

/**
 * One Rocket.Chat stream event: {@code {"msg":"changed","collection":"stream-..","id":"id","fields":{"eventName":..,
 * "args":[..]}}}. {@code args} is parsed only when asked ({@link RawJson#tree()}).
 *
 * @param receivedNanos {@link System#nanoTime()} when the frame was read from the socket, before it was decoded
 */
public record StreamEvent(String collection, String eventName, String id, RawJson args, long receivedNanos) {
}
