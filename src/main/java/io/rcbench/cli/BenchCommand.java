package io.rcbench.cli;

import io.rcbench.bench.DeliveryBench;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.Envelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rcbench bench-delivery}: prints the deliveries per second the embedded workspace sustains. */
@Command(name = "bench-delivery", mixinStandardHelpOptions = true,
    description = "Benchmark: message deliveries per second with N subscribed sessions, the workspace held to an envelope.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--sessions", defaultValue = "1000") int sessions;
    @Option(names = "--rooms", defaultValue = "10") int rooms;
    @Option(names = "--senders", defaultValue = "10") int senders;
    @Option(names = "--rates", split = ",", defaultValue = "10,20,40,80,120,160,240,320,480",
        description = "Offered messages per second per step (default: ${DEFAULT-VALUE}).") List<Integer> rates;
    @Option(names = "--step-seconds", defaultValue = "10") int stepSeconds;
    @Option(names = "--cores", defaultValue = "1") int cores;
    @Option(names = "--memory-mb", defaultValue = "1024") long memoryMb;
    @Option(names = "--no-deflate", description = "Do not negotiate permessage-deflate (browsers do).") boolean noDeflate;
    @Option(names = "--out", defaultValue = "target/bench-delivery.json") Path out;

    @Override
    public Integer call() throws Exception {
        var o = new DeliveryBench.Options(sessions, rooms, senders, rates, stepSeconds, new Envelope(cores, memoryMb), !noDeflate);
        List<DeliveryBench.Step> steps;
        try (ScratchFolder data = new ScratchFolder("rcbench-bench-")) {
            steps = new DeliveryBench(Wiring.workspaceEntry()).run(o, data.path(), System.out);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(DeliveryBench.toJson(o, steps)));
        System.out.println("written " + out);
        return 0;
    }
}
