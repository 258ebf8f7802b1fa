package io.rcbench.cli;

import io.rcbench.report.RunReportWriter;
import io.rcbench.report.synthetic.SyntheticRun;
import io.rcbench.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rcbench bench-report}: writes the logs of a synthetic run (default one hour, 10,000 users, one-second
 * intervals) once, then times generating its report from them and prints seconds per attempt.
 */
@Command(name = "bench-report", mixinStandardHelpOptions = true,
    description = "Benchmark: seconds to generate the HTML report from the logs of a synthetic run.")
final class ReportBenchCommand implements Callable<Integer> {
    @Option(names = "--users", defaultValue = "10000") int users;
    @Option(names = "--seconds", defaultValue = "3600", description = "Run length (default: ${DEFAULT-VALUE}).") int seconds;
    @Option(names = "--interval-seconds", defaultValue = "1") int intervalSeconds;
    @Option(names = "--repeat", defaultValue = "3") int repeat;
    @Option(names = "--dir", defaultValue = "target/bench-report/run") Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(dir.resolve(RunFolder.SUMMARY))) {
            long t0 = System.nanoTime();
            SyntheticRun.write(dir, new SyntheticRun.Options(dir.getFileName().toString(), 1, seconds, intervalSeconds, users));
            System.out.printf("synthetic run written to %s in %.1f s (latency log %,d bytes)%n", dir,
                (System.nanoTime() - t0) / 1e9, Files.size(new RunFolder(dir).latencyLog(-1)));
        } else {
            System.out.println("reusing the synthetic run in " + dir);
        }
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 1; i <= repeat; i++) {
            long t0 = System.nanoTime();
            long cpu0 = os.getProcessCpuTime();
            Path out = RunReportWriter.write(dir);
            // CPU time too: on a shared machine wall time says more about the neighbours than about the report
            System.out.printf("report %d/%d: %.2f s wall, %.2f s CPU on %d cores (%,d bytes)%n", i, repeat,
                (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9, Runtime.getRuntime().availableProcessors(),
                Files.size(out));
        }
        return 0;
    }
}
