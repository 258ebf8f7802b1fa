package io.rcbench.workspace.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import java.util.concurrent.TimeUnit;

/**
 * Ends a connection after an answer sent while the client may still be sending its body (a refused upload, a body
 * over the limit), as web servers' lingering close does: closing a socket with unread bytes makes the kernel send a
 * reset, which can destroy the answer before the client reads it. So the write side is shut first, what the client
 * still sends is read and discarded by the pipeline (nothing is buffered), and the socket closes when the client
 * closes its side or after {@link #LINGER_MILLIS}, whichever comes first.
 */
final class LingeringClose implements ChannelFutureListener {
    /** How long a refused client may go on sending before the socket closes anyway. */
    static final long LINGER_MILLIS = 2_000;
    static final LingeringClose INSTANCE = new LingeringClose();

    private LingeringClose() {
    }

    @Override
    public void operationComplete(ChannelFuture written) {
        Channel ch = written.channel();
        if (!written.isSuccess() || !(ch instanceof DuplexChannel duplex)) {
            ch.close();
            return;
        }
        duplex.shutdownOutput().addListener(f -> {
            if (!f.isSuccess()) {
                ch.close();
            }
        });
        ch.config().setAutoRead(true);
        ch.eventLoop().schedule(() -> ch.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }
}
