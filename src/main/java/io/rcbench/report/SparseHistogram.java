package io.rcbench.report;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;

/**
 * An interval histogram read straight from HdrHistogram's compressed V2 encoding as its non-zero buckets
 * (index, count), without materialising the full counts array: an hour of one-second intervals for 25 metrics
 * is 90,000 histograms of up to 15,000 buckets each, mostly empty, and allocating, scanning and adding full
 * arrays was four fifths of the report's time. Percentiles and max follow {@link Histogram}'s definitions
 * exactly (tests compare them); only histograms with 3 significant digits, a lowest discernible value of 1
 * and no index offset, as {@link io.rcbench.metrics.LatencyRecorder} writes, are read this way; for others
 * {@link #decode} returns {@code null} and the caller falls back to HdrHistogram's decoder.
 */
final class SparseHistogram {
    private static final int COMPRESSED_COOKIE_BASE = 0x1c849304;
    private static final int COOKIE_BASE = 0x1c849303;
    /** Index layout of 3 significant digits with unit 1: sub-buckets of 2048, half 1024. */
    private static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = 10;
    private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;

    final int[] index;
    final long[] count;
    final int size;
    final long total;

    private SparseHistogram(int[] index, long[] count, int size, long total) {
        this.index = index;
        this.count = count;
        this.size = size;
        this.total = total;
    }

    /**
     * Decodes a base64 interval-log payload with {@code inflater} (reset here; one per thread), or returns
     * {@code null} when the encoding is not the one this class reads.
     */
    static SparseHistogram decode(String base64, Inflater inflater) throws DataFormatException {
        ByteBuffer outer = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
        if ((outer.getInt() & ~0xf0) != COMPRESSED_COOKIE_BASE) {
            return null;
        }
        int compressedLength = outer.getInt();
        inflater.reset();
        inflater.setInput(outer.array(), 8, compressedLength);
        byte[] header = new byte[40];
        inflateFully(inflater, header, header.length);
        ByteBuffer h = ByteBuffer.wrap(header);
        int cookie = h.getInt();
        int payloadLength = h.getInt();
        int normalizingIndexOffset = h.getInt();
        int digits = h.getInt();
        long lowest = h.getLong();
        if ((cookie & ~0xf0) != COOKIE_BASE || normalizingIndexOffset != 0 || digits != 3 || lowest != 1) {
            return null;
        }
        byte[] payload = new byte[payloadLength];
        inflateFully(inflater, payload, payloadLength);
        int[] idx = new int[16];
        long[] cnt = new long[16];
        int n = 0;
        long total = 0;
        int dst = 0;
        int pos = 0;
        while (pos < payloadLength) {
            // ZigZag LEB128, as HdrHistogram's ZigZagEncoding writes it (up to 9 bytes, the last with 8 bits)
            long v = payload[pos++];
            long value = v & 0x7F;
            int shift = 7;
            while ((v & 0x80) != 0 && shift < 56) {
                v = payload[pos++];
                value |= (v & 0x7F) << shift;
                shift += 7;
            }
            if ((v & 0x80) != 0) {
                v = payload[pos++];
                value |= v << 56;
            }
            value = (value >>> 1) ^ (-(value & 1));
            if (value < 0) {
                dst += (int) -value; // a run of empty buckets
            } else {
                if (value > 0) {
                    if (n == idx.length) {
                        idx = Arrays.copyOf(idx, n * 2);
                        cnt = Arrays.copyOf(cnt, n * 2);
                    }
                    idx[n] = dst;
                    cnt[n++] = value;
                    total += value;
                }
                dst++;
            }
        }
        return new SparseHistogram(idx, cnt, n, total);
    }

    private static void inflateFully(Inflater inflater, byte[] into, int length) throws DataFormatException {
        int off = 0;
        while (off < length) {
            int got = inflater.inflate(into, off, length - off);
            if (got == 0 && (inflater.finished() || inflater.needsInput())) {
                throw new DataFormatException("histogram payload ends early");
            }
            off += got;
        }
    }

    /**
     * Any HdrHistogram in this layout (for logs written with other settings): values are re-bucketed at 3
     * significant digits, exact for histograms that had at most that precision.
     */
    static SparseHistogram of(org.HdrHistogram.AbstractHistogram h) {
        int[] idx = new int[16];
        long[] cnt = new long[16];
        int n = 0;
        long total = 0;
        for (org.HdrHistogram.HistogramIterationValue v : h.recordedValues()) {
            int i = indexOf(v.getValueIteratedTo());
            long c = v.getCountAtValueIteratedTo();
            if (n > 0 && idx[n - 1] == i) {
                cnt[n - 1] += c;
            } else {
                if (n == idx.length) {
                    idx = Arrays.copyOf(idx, n * 2);
                    cnt = Arrays.copyOf(cnt, n * 2);
                }
                idx[n] = i;
                cnt[n++] = c;
            }
            total += c;
        }
        return new SparseHistogram(idx, cnt, n, total);
    }

    /** The sum of two histograms. */
    SparseHistogram plus(SparseHistogram o) {
        int[] idx = new int[size + o.size];
        long[] cnt = new long[size + o.size];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < size || j < o.size) {
            if (j == o.size || (i < size && index[i] < o.index[j])) {
                idx[n] = index[i];
                cnt[n++] = count[i++];
            } else if (i == size || o.index[j] < index[i]) {
                idx[n] = o.index[j];
                cnt[n++] = o.count[j++];
            } else {
                idx[n] = index[i];
                cnt[n++] = count[i++] + o.count[j++];
            }
        }
        return new SparseHistogram(idx, cnt, n, total + o.total);
    }

    /** The bucket index of {@code value} in this layout (HdrHistogram's countsArrayIndex). */
    static int indexOf(long value) {
        long subBucketMask = (1L << (SUB_BUCKET_HALF_COUNT_MAGNITUDE + 1)) - 1;
        int bucket = 63 - Long.numberOfLeadingZeros(value | subBucketMask) - SUB_BUCKET_HALF_COUNT_MAGNITUDE;
        int sub = (int) (value >>> bucket);
        return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + (sub - SUB_BUCKET_HALF_COUNT);
    }

    /** {@link Histogram#getValueAtPercentile}: the highest value equivalent to the bucket reaching the rank. */
    long valueAtPercentile(double percentile) {
        double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0D), 100.0D);
        long rank = Math.max(1, (long) Math.ceil(requested * total / 100.0));
        long seen = 0;
        for (int i = 0; i < size; i++) {
            seen += count[i];
            if (seen >= rank) {
                return percentile == 0.0 ? valueFromIndex(index[i]) : highestEquivalentValue(index[i]);
            }
        }
        return 0;
    }

    /** {@link Histogram#getMaxValue}. */
    long maxValue() {
        return size == 0 ? 0 : highestEquivalentValue(index[size - 1]);
    }

    static long valueFromIndex(int index) {
        int bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
        int sub = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
        if (bucket < 0) {
            sub -= SUB_BUCKET_HALF_COUNT;
            bucket = 0;
        }
        return ((long) sub) << bucket;
    }

    static long highestEquivalentValue(int index) {
        int bucket = Math.max(0, (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1);
        return valueFromIndex(index) + (1L << bucket) - 1;
    }

    /** Sums sparse histograms by bucket index; {@link #toHistogram()} gives the HdrHistogram of the sum. */
    static final class Sum {
        private long[] counts = new long[4096];
        private int maxIndex = -1;

        void add(SparseHistogram s) {
            if (s.size == 0) {
                return;
            }
            int top = s.index[s.size - 1];
            if (top >= counts.length) {
                counts = Arrays.copyOf(counts, Math.max(top + 1, counts.length * 2));
            }
            for (int i = 0; i < s.size; i++) {
                counts[s.index[i]] += s.count[i];
            }
            maxIndex = Math.max(maxIndex, top);
        }

        void addTo(Histogram h) {
            for (int i = 0; i <= maxIndex; i++) {
                if (counts[i] != 0) {
                    h.recordValueWithCount(valueFromIndex(i), counts[i]);
                }
            }
        }
    }
}
