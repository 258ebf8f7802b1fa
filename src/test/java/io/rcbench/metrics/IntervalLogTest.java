package io.rcbench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntervalLogTest {
    @TempDir
    Path dir;

    @Test
    void shardLogsMergeIntoExactlyTheHistogramOfAllSamples() throws Exception {
        long start = System.currentTimeMillis();
        Histogram truth = new Histogram(3);
        SplittableRandom random = new SplittableRandom(3);
        for (int shard = 0; shard < 3; shard++) {
            LatencyRecorder rec = new LatencyRecorder();
            try (IntervalLogWriter w = new IntervalLogWriter(rec, dir.resolve("shard" + shard + ".hlog"), start, 60_000)) {
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < 1000; i++) {
                        long v = 100 + random.nextLong(50_000);
                        rec.record("sendMessage", v);
                        truth.recordValue(v);
                    }
                    w.sample();
                }
            }
        }
        IntervalLog log = IntervalLog.read(List.of(dir.resolve("shard0.hlog"), dir.resolve("shard1.hlog"), dir.resolve("shard2.hlog")));
        Histogram merged = log.totals().get("sendMessage");
        assertThat(merged.getTotalCount()).isEqualTo(9000);
        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
            assertThat(merged.getValueAtPercentile(p)).isEqualTo(truth.getValueAtPercentile(p));
        }
        assertThat(log.intervals()).hasSize(9);
        assertThat(log.startEpochMs()).isBetween(start - 1, start + 1);
    }

    @Test
    void actionsAreRecordedCorrectedFromTheIntendedStartAndRaw() {
        LatencyRecorder rec = new LatencyRecorder();
        long intended = 1_000_000_000L;
        rec.recordAction("login", intended, intended + 50_000_000L, intended + 60_000_000L);
        var h = rec.takeIntervals();
        assertThat(h.get("login").getMaxValue()).isBetween(59_900L, 60_100L);
        assertThat(h.get("login.raw").getMaxValue()).isBetween(9_990L, 10_010L);
        assertThat(rec.takeIntervals()).isEmpty();
    }

    @Test
    void windowKeepsOnlyIntervalsStartingInsideIt() throws Exception {
        long start = System.currentTimeMillis() - 10_000;
        LatencyRecorder rec = new LatencyRecorder();
        try (IntervalLogWriter w = new IntervalLogWriter(rec, dir.resolve("w.hlog"), start, 60_000)) {
            w.sample(); // an empty first interval: the next one starts about 10 s into the run
            rec.record("x", 5);
            w.sample();
        }
        assertThat(IntervalLog.read(List.of(dir.resolve("w.hlog")), 0, 5_000).totals()).isEmpty();
        assertThat(IntervalLog.read(List.of(dir.resolve("w.hlog")), 0, 20_000).totals().get("x").getTotalCount()).isEqualTo(1);
    }

    @Test
    void refusesLogsOfDifferentRunsAndBadNames() throws Exception {
        LatencyRecorder rec = new LatencyRecorder();
        try (IntervalLogWriter a = new IntervalLogWriter(rec, dir.resolve("a.hlog"), 1_000_000, 60_000)) {
            rec.record("x", 1);
        }
        try (IntervalLogWriter b = new IntervalLogWriter(rec, dir.resolve("b.hlog"), 9_000_000, 60_000)) {
            rec.record("x", 1);
        }
        assertThatThrownBy(() -> IntervalLog.read(List.of(dir.resolve("a.hlog"), dir.resolve("b.hlog"))))
            .hasMessageContaining("not a shard of the same run");
        assertThatThrownBy(() -> rec.record("bad name", 1)).hasMessageContaining("no spaces");
    }
}
