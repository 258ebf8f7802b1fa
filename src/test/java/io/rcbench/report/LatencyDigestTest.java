package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rcbench.metrics.IntervalLog;
import io.rcbench.metrics.IntervalLogWriter;
import io.rcbench.metrics.LatencyRecorder;
import io.rcbench.report.synthetic.SyntheticRun;
import io.rcbench.run.RunFolder;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyDigestTest {
    @TempDir
    Path dir;

    @Test
    void agreesWithIntervalLogOnShardLogsWrittenByTheRecorder() throws Exception {
        long start = System.currentTimeMillis() - 10_000; // the first interval then spans ten seconds
        SplittableRandom random = new SplittableRandom(11);
        List<Path> files = List.of(dir.resolve("latency-0.hlog"), dir.resolve("latency-1.hlog"));
        for (Path f : files) {
            LatencyRecorder rec = new LatencyRecorder();
            try (IntervalLogWriter w = new IntervalLogWriter(rec, f, start, 600_000)) {
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < 500; i++) {
                        long intended = 1_000_000_000L;
                        long s = intended + random.nextLong(2_000_000);
                        rec.recordAction("sendMessage", intended, s, s + random.nextLong(100_000, 90_000_000));
                        rec.record("delivery", random.nextLong(100, 200_000));
                    }
                    w.sample();
                }
            }
        }
        LatencyDigest d = LatencyDigest.read(files, 0, 5_000);
        IntervalLog whole = IntervalLog.read(files);
        IntervalLog firstOnly = IntervalLog.read(files, 0, 5_000);
        assertThat(d.total().keySet()).containsExactly("delivery", "sendMessage", "sendMessage.raw");
        assertSame(d.total(), whole.totals());
        assertSame(d.hold(), firstOnly.totals());
        assertThat(d.hold().get("sendMessage").getTotalCount()).isEqualTo(1000);
        assertThat(d.total().get("sendMessage").getTotalCount()).isEqualTo(3000);
    }

    @Test
    void perIntervalFiguresMatchEachIntervalsHistogram() throws Exception {
        Path run = dir.resolve("run");
        SyntheticRun.write(run, new SyntheticRun.Options("r", 5, 300, 10, 50));
        List<Path> logs = new RunFolder(run).latencyLogs();
        LatencyDigest d = LatencyDigest.read(logs, 60_000, 270_000);
        IntervalLog log = IntervalLog.read(logs);
        IntervalLog hold = IntervalLog.read(logs, 60_000, 270_000);
        assertSame(d.total(), log.totals());
        assertSame(d.hold(), hold.totals());
        LatencyDigest.Timeline send = d.timelines().get("sendMessage");
        List<IntervalLog.Interval> expected = log.intervals().stream().filter(i -> i.metric().equals("sendMessage")).toList();
        assertThat(send.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Histogram h = expected.get(i).histogram();
            assertThat(send.endMs(i)).isEqualTo(expected.get(i).endMs());
            assertThat(send.count(i)).isEqualTo(h.getTotalCount());
            assertThat(send.p50Micros(i)).isEqualTo(h.getValueAtPercentile(50));
            assertThat(send.p99Micros(i)).isEqualTo(h.getValueAtPercentile(99));
            assertThat(send.maxMicros(i)).isEqualTo(h.getMaxValue());
        }
        assertThat(d.intervalMs()).isEqualTo(10_000);
    }

    @Test
    void shardIntervalsOfTheSameSlotAreAddedBeforeTakingPercentiles() throws Exception {
        long start = 1_700_000_000_000L;
        Path a = dir.resolve("a.hlog");
        Path b = dir.resolve("b.hlog");
        writeLog(a, start, 0, new long[] {1_000, 1_000}); // shard A: 1 ms in both intervals
        writeLog(b, start, 300, new long[] {9_000, 9_000}); // shard B: 9 ms, sampled 300 ms later
        LatencyDigest d = LatencyDigest.read(List.of(a, b), 0, Long.MAX_VALUE);
        LatencyDigest.Timeline t = d.timelines().get("x");
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.count(0)).isEqualTo(200);
        assertThat(t.p50Micros(0)).isBetween(999L, 1_001L);
        assertThat(t.p99Micros(0)).isBetween(8_990L, 9_010L);
        assertThat(t.endMs(1)).isEqualTo(2_300);
    }

    @Test
    void refusesLogsOfAnotherRunAndCorruptLines() throws Exception {
        writeLog(dir.resolve("a.hlog"), 1_700_000_000_000L, 0, new long[] {1});
        writeLog(dir.resolve("b.hlog"), 1_700_000_999_000L, 0, new long[] {1});
        assertThatThrownBy(() -> LatencyDigest.read(List.of(dir.resolve("a.hlog"), dir.resolve("b.hlog")), 0, 1))
            .hasMessageContaining("not a shard of the same run");
        Files.writeString(dir.resolve("c.hlog"), "#[StartTime: 1700000000.000 (seconds since epoch)]\nTag=x,zero,1.0,1,AAAA\n");
        assertThatThrownBy(() -> LatencyDigest.read(List.of(dir.resolve("c.hlog")), 0, 1)).hasMessageContaining("c.hlog:2");
        assertThat(LatencyDigest.read(List.of(), 0, 1).total()).isEmpty();
    }

    private static void writeLog(Path f, long start, long offsetMs, long[] valuePerInterval) throws Exception {
        try (PrintStream out = new PrintStream(Files.newOutputStream(f), false, "US-ASCII")) {
            HistogramLogWriter w = new HistogramLogWriter(out);
            w.outputLogFormatVersion();
            w.outputStartTime(start);
            w.setBaseTime(start);
            w.outputLegend();
            for (int i = 0; i < valuePerInterval.length; i++) {
                Histogram h = new Histogram(3);
                h.recordValueWithCount(valuePerInterval[i], 100);
                h.setTag("x");
                h.setStartTimeStamp(start + offsetMs + i * 1000L);
                h.setEndTimeStamp(start + offsetMs + (i + 1) * 1000L);
                w.outputIntervalHistogram(h);
            }
        }
    }

    private static void assertSame(Map<String, Histogram> actual, Map<String, Histogram> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, h) -> {
            assertThat(actual.get(k).getTotalCount()).as(k).isEqualTo(h.getTotalCount());
            for (double p : new double[] {0, 50, 90, 99, 99.9, 99.99, 100}) {
                assertThat(actual.get(k).getValueAtPercentile(p)).as(k + " p" + p).isEqualTo(h.getValueAtPercentile(p));
            }
        });
    }
}
