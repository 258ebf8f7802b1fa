package io.rcbench.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.client.StreamEvent;
import io.rcbench.ddp.codec.DdpDecoder;
import io.rcbench.ddp.codec.DdpEncoder;
import io.rcbench.ddp.codec.InboundFrame;
import io.rcbench.ddp.codec.TreeDemand;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the DDP client's hot path against a plain Jackson-tree baseline. Encode a {@code sendMessage} call; decode a
 * {@code changed} stream-room-messages event carrying a full message document, as the client dispatches it (key
 * fields read, args kept raw) and with the args parsed as a listener that needs the document would.
 * Run: {@code java -cp target/rcbench.jar org.openjdk.jmh.Main DdpCodecBench -prof gc} (figures: docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DdpCodecBench {
    /** A message as the workspace (and Rocket.Chat 8.x) streams it: mentions, channels, md AST, EJSON dates. */
    static final String EVENT = "{\"msg\":\"changed\",\"collection\":\"stream-room-messages\",\"id\":\"id\",\"fields\":"
        + "{\"eventName\":\"GENERAL\",\"args\":[{\"_id\":\"kXbAqmyM9hzyjTZQE\",\"rid\":\"GENERAL\",\"msg\":\"Hello everyone, "
        + "the deploy of version 8.8.1 is done; please check @alice #general\",\"ts\":{\"$date\":1764567000123},\"u\":"
        + "{\"_id\":\"Bq3JxuF4HRNBfbeZy\",\"username\":\"user.17\",\"name\":\"User 17\"},\"_updatedAt\":{\"$date\":1764567000130},"
        + "\"mentions\":[{\"_id\":\"r2DkfMm4gQkcP4Zqs\",\"username\":\"alice\",\"name\":\"Alice\",\"type\":\"user\"}],"
        + "\"channels\":[{\"_id\":\"GENERAL\",\"name\":\"general\"}],\"md\":[{\"type\":\"PARAGRAPH\",\"value\":[{\"type\":"
        + "\"PLAIN_TEXT\",\"value\":\"Hello everyone, the deploy of version 8.8.1 is done; please check \"},{\"type\":"
        + "\"MENTION_USER\",\"value\":{\"type\":\"PLAIN_TEXT\",\"value\":\"alice\"}},{\"type\":\"PLAIN_TEXT\",\"value\":\" \"},"
        + "{\"type\":\"MENTION_CHANNEL\",\"value\":{\"type\":\"PLAIN_TEXT\",\"value\":\"general\"}}]}],\"urls\":[]}]}}";

    private final ObjectNode message = Json.object().put("_id", "kXbAqmyM9hzyjTZQE").put("rid", "GENERAL")
        .put("msg", "Hello everyone, the deploy of version 8.8.1 is done; please check @alice #general");
    private final InboundFrame frame = new InboundFrame();
    private long ids;

    @Benchmark
    public byte[] encodeMethodCall() {
        return DdpEncoder.method(Long.toString(++ids), "sendMessage", message);
    }

    @Benchmark
    public byte[] encodeMethodCallJacksonTree() throws JsonProcessingException {
        ObjectNode f = Json.object().put("msg", "method").put("id", Long.toString(++ids)).put("method", "sendMessage");
        f.putArray("params").add(message);
        return Json.MAPPER.writeValueAsBytes(f);
    }

    /** What the client does per event before calling listeners: key fields, args kept raw, one StreamEvent. */
    @Benchmark
    public StreamEvent decodeStreamEvent() {
        DdpDecoder.decode(EVENT, frame);
        return new StreamEvent(frame.collection(), frame.eventName(), frame.id(), frame.args(), 0L);
    }

    /** The same plus the args parsed from the raw slice on first use (a route that has not asked for trees yet). */
    @Benchmark
    public String decodeStreamEventWithArgs() {
        DdpDecoder.decode(EVENT, frame);
        return frame.args().tree().get(0).path("_id").asText();
    }

    /**
     * A route whose listeners read trees: the decoder parses the args in its single pass (what the client does once a
     * listener of that room has called {@code args().tree()}).
     */
    @Benchmark
    public String decodeStreamEventEagerArgs() {
        DdpDecoder.decode(EVENT, frame, EAGER_LOOKUP);
        return frame.args().tree().get(0).path("_id").asText();
    }

    private static final TreeDemand EAGER = new TreeDemand() {
        @Override
        public boolean eager() {
            return true;
        }

        @Override
        public void treeRequested() {
        }
    };
    private static final TreeDemand.Lookup EAGER_LOOKUP = (c, e) -> EAGER;

    /** Baseline: the whole frame as a Jackson tree, then the same fields. */
    @Benchmark
    public int decodeStreamEventJacksonTree() throws JsonProcessingException {
        JsonNode n = Json.MAPPER.readTree(EVENT);
        JsonNode fields = n.path("fields");
        return n.path("msg").asText().length() + n.path("collection").asText().length()
            + fields.path("eventName").asText().length() + fields.path("args").get(0).path("_id").asText().length();
    }

    /**
     * Cross-check for a shared machine, where JMH's wall-clock ns/op swing with other jobs: thread CPU time and
     * allocated bytes per operation of the same five operations (median of 5 rounds of 200,000 after warm-up).
     * Run: {@code java -cp target/rcbench.jar io.rcbench.bench.DdpCodecBench}.
     */
    public static void main(String[] args) throws Exception {
        DdpCodecBench b = new DdpCodecBench();
        java.util.Map<String, java.util.concurrent.Callable<Object>> ops = new java.util.LinkedHashMap<>();
        ops.put("encodeMethodCall", b::encodeMethodCall);
        ops.put("encodeMethodCallJacksonTree", b::encodeMethodCallJacksonTree);
        ops.put("decodeStreamEvent", b::decodeStreamEvent);
        ops.put("decodeStreamEventWithArgs", b::decodeStreamEventWithArgs);
        ops.put("decodeStreamEventEagerArgs", b::decodeStreamEventEagerArgs);
        ops.put("decodeStreamEventJacksonTree", b::decodeStreamEventJacksonTree);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        int n = 200_000;
        long sink = 0;
        System.out.println("operation                       CPU ns/op   B/op");
        for (var op : ops.entrySet()) {
            long[] cpu = new long[5];
            long bytes = 0;
            for (int round = -3; round < cpu.length; round++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long a0 = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < n; i++) {
                    sink += op.getValue().call().hashCode();
                }
                if (round >= 0) {
                    cpu[round] = (threads.getCurrentThreadCpuTime() - c0) / n;
                    bytes = (threads.getCurrentThreadAllocatedBytes() - a0) / n;
                }
            }
            java.util.Arrays.sort(cpu);
            System.out.printf("%-30s %10d %6d%n", op.getKey(), cpu[cpu.length / 2], bytes);
        }
        System.out.println(sink == 42 ? "" : "(done)");
    }
}
