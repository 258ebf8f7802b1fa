package io.rcbench.workspace.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.rcbench.ddp.Json;

/**
 * One DDP frame sent to many connections: its text, and its bytes encoded once per framing (raw WebSocket, or
 * SockJS's {@code a[...]}) in direct memory shared by every connection it goes to.
 *
 * <p>Why direct: Netty's NIO transport copies a heap buffer into a new direct buffer for each channel it is
 * written to, so a heap buffer shared by 200 connections becomes 200 direct copies once they queue it; a
 * direct buffer is queued as it is. A slow reader then costs the frame headers, not a copy of every event.
 *
 * <p>Used by one emitting thread: {@link #raw()} and {@link #sockJs()} are built lazily without locks, and the
 * caller {@link #release()}s the frame once every subscriber has taken its {@code retainedDuplicate()}.
 */
public final class SharedFrame {
    private final String text;
    private ByteBuf raw;
    private ByteBuf sockJs;

    public SharedFrame(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The frame's UTF-8 bytes; retain a duplicate to keep them past the emit. */
    public ByteBuf raw() {
        if (raw == null) {
            raw = direct(text);
        }
        return raw;
    }

    /** The frame wrapped as a SockJS message array, {@code a["<frame as a JSON string>"]}. */
    public ByteBuf sockJs() {
        if (sockJs == null) {
            sockJs = direct(sockJsText(text));
        }
        return sockJs;
    }

    /** SockJS framing of one DDP frame. */
    public static String sockJsText(String ddpFrame) {
        return "a" + Json.write(Json.array().add(ddpFrame));
    }

    /** Frees this frame's buffers (the duplicates subscribers retained stay valid). */
    public void release() {
        if (raw != null) {
            raw.release();
        }
        if (sockJs != null) {
            sockJs.release();
        }
    }

    private static ByteBuf direct(String s) {
        ByteBuf buf = ByteBufAllocator.DEFAULT.directBuffer(ByteBufUtil.utf8Bytes(s));
        ByteBufUtil.writeUtf8(buf, s);
        return buf;
    }
}
