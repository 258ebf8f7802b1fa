package io.rcbench.workspace.http;

import io.netty.util.internal.PlatformDependent;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/**
 * How much direct memory this JVM has in use, against its limit ({@code -XX:MaxDirectMemorySize}, by default
 * the heap's maximum). Netty's buffers count either in the JDK's {@code direct} pool or, when Netty manages
 * direct memory itself, in its own counter: both are added. Thread-safe, cheap enough to ask on every send.
 */
final class DirectMemory {
    private static final BufferPoolMXBean POOL = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
        .filter(b -> b.getName().equals("direct")).findFirst().orElse(null);

    private DirectMemory() {
    }

    /** Bytes of direct memory in use now. */
    static long used() {
        long jdk = POOL == null ? 0 : Math.max(0, POOL.getMemoryUsed());
        return jdk + Math.max(0, PlatformDependent.usedDirectMemory());
    }

    /** The most direct memory this JVM may use. */
    static long max() {
        return PlatformDependent.maxDirectMemory();
    }
}
