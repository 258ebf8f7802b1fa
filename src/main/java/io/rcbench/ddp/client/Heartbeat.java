package io.rcbench.ddp.client;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The client side of DDP's heartbeat: ping after {@code interval} of inbound silence, give up when nothing at all
 * arrives within {@code timeout} of a ping (any inbound frame counts as the pong, as in Meteor). One timer per
 * connection, re-armed for the time actually left, never a periodic task. Event-loop only.
 */
final class Heartbeat {
    private final EventLoop loop;
    private final long intervalNanos;
    private final long timeoutNanos;
    private final Runnable ping;
    private final Runnable dead;
    private ScheduledFuture<?> timer;
    private long lastInboundNanos;
    private long pingSentNanos;
    private boolean awaitingPong;

    /** @param ping sends a ping; @param dead ends the connection */
    Heartbeat(EventLoop loop, Duration interval, Duration timeout, Runnable ping, Runnable dead) {
        this.loop = loop;
        this.intervalNanos = interval.toNanos();
        this.timeoutNanos = timeout.toNanos();
        this.ping = ping;
        this.dead = dead;
    }

    void start() {
        stop();
        lastInboundNanos = System.nanoTime();
        awaitingPong = false;
        if (intervalNanos > 0) {
            timer = loop.schedule(this::check, intervalNanos, TimeUnit.NANOSECONDS);
        }
    }

    void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** Any inbound frame: the peer is alive. */
    void inbound(long nowNanos) {
        lastInboundNanos = nowNanos;
        awaitingPong = false;
    }

    private void check() {
        long now = System.nanoTime();
        long next;
        if (awaitingPong) {
            long waited = now - pingSentNanos;
            if (waited >= timeoutNanos) {
                timer = null;
                dead.run();
                return;
            }
            next = Math.min(timeoutNanos - waited, intervalNanos);
        } else {
            long idle = now - lastInboundNanos;
            if (idle >= intervalNanos) {
                ping.run();
                awaitingPong = true;
                pingSentNanos = now;
                next = Math.min(timeoutNanos, intervalNanos);
            } else {
                next = intervalNanos - idle;
            }
        }
        timer = loop.schedule(this::check, next, TimeUnit.NANOSECONDS);
    }
}
