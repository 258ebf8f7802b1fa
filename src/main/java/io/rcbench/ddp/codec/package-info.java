/**
 * DDP frame codec for the client's hot path: a Jackson streaming encoder for outbound frames (UTF-8 bytes, no
 * tree), and a decoder that reads {@code msg}, {@code id}, {@code collection} and {@code fields.eventName} in one
 * pass and keeps results and stream arguments as {@link io.rcbench.ddp.codec.RawJson} slices, parsed only when a
 * listener asks. SockJS framing ({@code o}, {@code h}, {@code a[...]}, {@code c[...]}) lives here too.
 */
package io.rcbench.ddp.codec;
