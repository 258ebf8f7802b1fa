package io.rcbench.workspace.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts hits per key in fixed windows that start at a key's first hit and last {@code intervalMs}, as
 * Meteor's RateLimiter does. Thread-safe; stale keys are dropped by {@link #sweep(long)}.
 */
public final class FixedWindowCounter {
    /** The state after a hit: the count in the current window and when that window ends. */
    public record Hit(long count, long resetAtMs) {
        public long timeToResetMs(long nowMs) {
            return Math.max(0, resetAtMs - nowMs);
        }
    }

    private static final class Window {
        long startMs;
        long count;
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Counts one hit for {@code key} in a window of {@code intervalMs}. */
    public Hit hit(String key, long intervalMs, long nowMs) {
        Window w = windows.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            if (w.count == 0 || nowMs - w.startMs >= intervalMs) {
                w.startMs = nowMs;
                w.count = 0;
            }
            w.count++;
            return new Hit(w.count, w.startMs + intervalMs);
        }
    }

    /** Drops windows older than {@code maxAgeMs}. */
    public void sweep(long nowMs, long maxAgeMs) {
        windows.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return nowMs - e.getValue().startMs > maxAgeMs;
            }
        });
    }

    public void sweep(long nowMs) {
        sweep(nowMs, 10 * 60_000L);
    }

    int size() {
        return windows.size();
    }
}
