package io.rcbench.workspace;

/**
 * The hardware a workspace JVM is held to: CPUs by affinity (taskset) and -XX:ActiveProcessorCount, heap by
 * -Xmx. Clock speed and disk cannot be enforced on this machine and are only recorded. {@code cores} is
 * rounded up to whole CPUs. This is what is asked for: a machine with fewer CPUs gives fewer, and
 * {@link WorkspaceProcess#observe()} says what was given.
 */
public record Envelope(int cores, long memoryMb) {
    public Envelope {
        if (cores < 1) {
            throw new IllegalArgumentException("an envelope needs at least one core");
        }
        if (memoryMb < 64) {
            throw new IllegalArgumentException("an envelope needs at least 64 MB of memory");
        }
    }

    /** The minimal VPS of the system requirements: 1 core, 1 GB. */
    public static final Envelope MINIMAL_VPS = new Envelope(1, 1024);
}
