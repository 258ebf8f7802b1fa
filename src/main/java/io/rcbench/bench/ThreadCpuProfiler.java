package io.rcbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the CPU time the benchmark's worker threads spent per operation ({@code cpu.time.norm},
 * ns/op), next to JMH's wall-clock score. On a machine shared with other jobs, a descheduled worker's wall time grows
 * while its CPU time does not: this is the time figure that stays put when the load average moves (it still feels
 * cache and frequency effects). Use: {@code -prof io.rcbench.bench.ThreadCpuProfiler}. Runs inside the forked JVM,
 * called by JMH's harness thread before and after each iteration.
 */
public final class ThreadCpuProfiler implements InternalProfiler {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> before = new HashMap<>();

    @Override
    public String getDescription() {
        return "CPU time of the benchmark threads per operation (ThreadMXBean)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before.clear();
        for (Thread t : workers()) {
            before.put(t.getId(), threads.getThreadCpuTime(t.getId()));
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = 0;
        for (Thread t : workers()) {
            long now = threads.getThreadCpuTime(t.getId());
            if (now >= 0) {
                // a worker started during the iteration began at 0
                cpu += now - before.getOrDefault(t.getId(), 0L);
            }
        }
        long ops = result.getMetadata().getAllOps();
        return ops == 0 ? List.of() : List.of(new ScalarResult("cpu.time.norm", (double) cpu / ops, "ns/op",
            AggregationPolicy.AVG));
    }

    /** JMH's benchmark threads: {@code <benchmark>-jmh-worker-<n>}. */
    private static List<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains("jmh-worker")).toList();
    }
}
