package io.rcbench.bench;

import com.sun.management.OperatingSystemMXBean;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.store.Stores;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durable message inserts per second into the workspace's store, and the CPU each costs, with {@code writers}
 * threads inserting for {@code seconds} (after a warm-up of the same length). What acknowledging only durable
 * writes costs, without the network: run it pinned to one core ({@code taskset -c 1}) to read it per core.
 */
public final class StoreWriteBench {
    /** One measured round. */
    public record Result(int writers, long inserts, double insertsPerSecond, double cpuMicrosPerInsert) {
    }

    private StoreWriteBench() {
    }

    /**
     * {@code [writers] [seconds] [dir]}: the same as {@code rcbench bench-store}, runnable against an older build's
     * jar (only the store's public API is used) to compare before and after.
     */
    public static void main(String[] args) throws Exception {
        run(Path.of(args.length > 2 ? args[2] : "target/bench-store"), args.length > 0 ? Integer.parseInt(args[0]) : 4,
            args.length > 1 ? Integer.parseInt(args[1]) : 5, System.out);
        System.exit(0);
    }

    public static Result run(Path dataDir, int writers, int seconds, PrintStream out) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Files.createDirectories(dataDir);
        try (Stores stores = new Stores(Files.createTempDirectory(dataDir, "store-"))) {
            Result r = null;
            for (String round : List.of("warm-up", "measured")) {
                LongAdder inserts = new LongAdder();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                ExecutorService pool = Executors.newFixedThreadPool(writers);
                try {
                    List<Future<?>> done = new ArrayList<>();
                    for (int w = 0; w < writers; w++) {
                        String prefix = round + "-" + w + "-";
                        String rid = "room" + w;
                        done.add(pool.submit(() -> {
                            for (long i = 0; System.nanoTime() < end; i++) {
                                String id = prefix + i;
                                stores.messages.insert(id, rid, System.currentTimeMillis(), "user",
                                    Json.object().put("_id", id).put("rid", rid).put("msg", "a message of about fifty characters, " + i));
                                inserts.increment();
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : done) {
                        f.get(seconds + 60L, TimeUnit.SECONDS);
                    }
                } finally {
                    pool.shutdownNow();
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                long n = inserts.sum();
                r = new Result(writers, n, n / wall, (os.getProcessCpuTime() - cpu0) / 1e3 / Math.max(1, n));
                out.printf("%-8s %2d writers: %8.0f durable inserts/s, %5.0f us CPU per insert%n", round, writers,
                    r.insertsPerSecond(), r.cpuMicrosPerInsert());
            }
            return r;
        }
    }
}
