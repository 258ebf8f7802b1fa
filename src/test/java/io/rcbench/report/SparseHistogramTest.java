package io.rcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SparseHistogramTest {
    private static String encode(Histogram h) {
        ByteBuffer b = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(b);
        byte[] bytes = new byte[n];
        b.flip();
        b.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void percentilesMaxAndCountEqualHdrHistogramsOverWideRanges() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        Inflater inflater = new Inflater();
        for (int round = 0; round < 50; round++) {
            Histogram h = new Histogram(3); // auto-resizing, as the recorder's interval histograms
            int n = 1 + random.nextInt(5000);
            for (int i = 0; i < n; i++) {
                long v = (long) Math.exp(random.nextDouble() * Math.log(600_000_000L)); // 1 µs to 10 minutes
                h.recordValueWithCount(v, 1 + random.nextInt(3));
            }
            SparseHistogram s = SparseHistogram.decode(encode(h), inflater);
            assertThat(s).isNotNull();
            assertThat(s.total).isEqualTo(h.getTotalCount());
            assertThat(s.maxValue()).isEqualTo(h.getMaxValue());
            for (double p : new double[] {0, 1, 25, 50, 90, 95, 99, 99.9, 99.99, 100}) {
                assertThat(s.valueAtPercentile(p)).as("p" + p).isEqualTo(h.getValueAtPercentile(p));
            }
            Histogram sum = new Histogram(3);
            SparseHistogram.Sum acc = new SparseHistogram.Sum();
            acc.add(s);
            acc.add(s);
            acc.addTo(sum);
            Histogram twice = h.copy();
            twice.add(h);
            assertThat(sum.getTotalCount()).isEqualTo(twice.getTotalCount());
            assertThat(sum.getValueAtPercentile(99)).isEqualTo(twice.getValueAtPercentile(99));
            assertThat(s.plus(s).valueAtPercentile(50)).isEqualTo(twice.getValueAtPercentile(50));
        }
        inflater.end();
    }

    @Test
    void otherPrecisionsAreLeftToHdrHistogramAndRebucketed() throws Exception {
        Histogram two = new Histogram(2);
        two.recordValue(12_345);
        Inflater inflater = new Inflater();
        assertThat(SparseHistogram.decode(encode(two), inflater)).isNull();
        SparseHistogram s = SparseHistogram.of(two);
        assertThat(s.total).isEqualTo(1);
        assertThat(s.maxValue()).isBetween(12_300L, 12_500L);
        inflater.end();
    }

    @Test
    void indexAndValueAreInverse() {
        for (long v : new long[] {0, 1, 2047, 2048, 4095, 4096, 123_456_789L}) {
            int i = SparseHistogram.indexOf(v);
            assertThat(SparseHistogram.valueFromIndex(i)).isLessThanOrEqualTo(v);
            assertThat(SparseHistogram.highestEquivalentValue(i)).isGreaterThanOrEqualTo(v);
        }
    }
}
