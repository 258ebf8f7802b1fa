package io.rcbench.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's footprint as Linux reports it in {@code /proc/<pid>/status} ({@code VmRSS}, {@code Threads}), plus,
 * for this JVM, heap in use. Read on the cold path only.
 */
public record ProcessStatus(long rssKb, int threads, long heapUsedBytes) {

    /** This JVM: RSS and threads from {@code /proc/self/status}, heap used from the memory MX bean. */
    public static ProcessStatus self() throws IOException {
        ProcessStatus s = of(Path.of("/proc/self/status"));
        return new ProcessStatus(s.rssKb(), s.threads(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** Another process (heap unknown: -1). */
    public static ProcessStatus of(long pid) throws IOException {
        return of(Path.of("/proc/" + pid + "/status"));
    }

    static ProcessStatus of(Path status) throws IOException {
        return parse(Files.readString(status));
    }

    /** Parses the text of a {@code status} file; fails when VmRSS or Threads is missing. */
    static ProcessStatus parse(String text) {
        long rss = -1;
        int threads = -1;
        for (String line : text.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.substring(8).trim());
            }
        }
        if (rss < 0 || threads < 0) {
            throw new IllegalArgumentException("no VmRSS/Threads in the status text: not Linux /proc?");
        }
        return new ProcessStatus(rss, threads, -1);
    }

    /** Heap in use after asking for a full collection twice: the live set, not garbage awaiting collection. */
    public static long liveHeapBytes() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
