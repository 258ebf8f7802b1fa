package io.rcbench.run;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The port through which a live view (the injector's Prometheus endpoint, package {@code io.rcbench.live}) follows
 * the runs of this JVM without {@code run} knowing it: every {@link RunMetrics} attaches itself to the installed
 * feed when it is created, and the sampler's health probe can be passed through {@link #health(HealthProbe)}.
 * Nothing is installed by default ({@link #NONE}); the CLI installs one for {@code --metrics-port}.
 */
public interface LiveFeed {
    /** A feed that ignores everything. */
    LiveFeed NONE = metrics -> { };

    /** A new run's metrics exist (a capacity search attaches one per step); called from its constructor. */
    void attach(RunMetrics metrics);

    /** {@code probe}, with each sample also shown live; by default {@code probe} itself. */
    default HealthProbe health(HealthProbe probe) {
        return probe;
    }

    /** The feed runs attach to now. */
    static LiveFeed installed() {
        return Slot.CURRENT.get();
    }

    /** Makes {@code feed} the installed one (null: {@link #NONE}); returns the previous one. */
    static LiveFeed install(LiveFeed feed) {
        return Slot.CURRENT.getAndSet(feed == null ? NONE : feed);
    }

    /** Holds the installed feed (interfaces cannot have private fields). */
    final class Slot {
        private static final AtomicReference<LiveFeed> CURRENT = new AtomicReference<>(NONE);

        private Slot() {
        }
    }
}
