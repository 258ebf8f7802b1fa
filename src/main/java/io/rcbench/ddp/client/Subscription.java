package io.rcbench.ddp.client;

import java.util.concurrent.CompletableFuture;

/**
 * One subscription of a client. {@link #ready()} completes on the first {@code ready}; it fails with
 * {@link SubscriptionException} on {@code nosub} (carrying the server's error), with {@link DisconnectedException}
 * when the connection ends first, and is cancelled by {@link #stop()}. After a reconnect the client re-sends every
 * active subscription with the same id; {@link #readyCount()} counts the {@code ready}s received.
 */
public final class Subscription {
    private final DdpClient client;
    private final String id;
    private final String name;
    final byte[] frame;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    Registration registration;
    int sentEpoch = -1;
    private volatile boolean active = true;
    private volatile int readyCount;
    private volatile long sentNanos;
    private volatile long readyNanos;

    Subscription(DdpClient client, String id, String name, byte[] frame) {
        this.client = client;
        this.id = id;
        this.name = name;
        this.frame = frame;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public CompletableFuture<Void> ready() {
        return ready;
    }

    /** False once stopped by {@link #stop()}, by the server ({@code nosub}) or by the client closing. */
    public boolean isActive() {
        return active;
    }

    public int readyCount() {
        return readyCount;
    }

    /** Sends {@code unsub} (when connected), drops the subscription and the stream listener it registered. */
    public void stop() {
        client.unsubscribe(this);
    }

    /** When the latest {@code sub} frame was handed to the socket ({@link System#nanoTime()}), or 0. */
    public long sentNanos() {
        return sentNanos;
    }

    /** When the frame carrying the latest {@code ready} was read from the socket, or 0 before one. */
    public long readyNanos() {
        return readyNanos;
    }

    void sent(long nanos) {
        sentNanos = nanos;
    }

    void markReady(long readNanos) {
        readyCount++;
        readyNanos = readNanos;
        ready.complete(null);
    }

    void markStopped() {
        active = false;
        if (registration != null) {
            registration.remove();
            registration = null;
        }
    }
}
