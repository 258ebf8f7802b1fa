package io.rcbench.health;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Collects stop-the-world GC pauses from the JVM's GC notifications. Concurrent cycles (G1's and ZGC's
 * concurrent work) are not pauses and are left out. Notifications arrive on a JMX thread; {@link #drain} is
 * called by the sampler.
 */
final class GcPauseListener implements NotificationListener, AutoCloseable {
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong maxMs = new AtomicLong();
    private final AtomicLong totalMs = new AtomicLong();

    GcPauseListener() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(this, null, null);
                emitters.add(e);
            }
        }
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        if (!isPause(info.getGcName(), info.getGcAction())) {
            return;
        }
        long ms = info.getGcInfo().getDuration();
        count.incrementAndGet();
        totalMs.addAndGet(ms);
        maxMs.accumulateAndGet(ms, Math::max);
    }

    static boolean isPause(String gcName, String gcAction) {
        String name = gcName.toLowerCase(Locale.ROOT);
        String action = gcAction.toLowerCase(Locale.ROOT);
        return !action.contains("concurrent") && !name.contains("concurrent") && !name.contains("cycles");
    }

    /** Pauses since the last call: {count, maxMs, totalMs}. */
    long[] drain() {
        return new long[] {count.getAndSet(0), maxMs.getAndSet(0), totalMs.getAndSet(0)};
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(this);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
