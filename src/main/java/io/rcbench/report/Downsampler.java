package io.rcbench.report;

import java.util.Arrays;

/**
 * Thins a long series for drawing without hiding spikes: the x range is cut into buckets and each bucket keeps
 * its first, lowest, highest and last point, in x order. A one-hour run at one-second intervals (3,600 points)
 * thus draws with at most four points per pixel column. NaN values (gaps) are kept. Stateless.
 */
public final class Downsampler {
    private Downsampler() {
    }

    /** Returns {x, y} with at most about {@code 4 * buckets} points; series already that short are returned as is. */
    public static double[][] thin(double[] x, double[] y, int buckets) {
        int n = x.length;
        if (n <= 4L * buckets) {
            return new double[][] {x, y};
        }
        double[] ox = new double[5 * buckets + 5];
        double[] oy = new double[ox.length];
        int o = 0;
        double x0 = x[0];
        double span = Math.max(x[n - 1] - x0, 1e-9);
        int i = 0;
        while (i < n) {
            int b = (int) Math.min(buckets - 1, Math.floor((x[i] - x0) / span * buckets));
            int first = i;
            int lo = -1;
            int hi = -1;
            int j = i;
            boolean gap = false;
            while (j < n && (int) Math.min(buckets - 1, Math.floor((x[j] - x0) / span * buckets)) == b) {
                if (Double.isNaN(y[j])) {
                    gap = true;
                } else {
                    if (lo < 0 || y[j] < y[lo]) {
                        lo = j;
                    }
                    if (hi < 0 || y[j] > y[hi]) {
                        hi = j;
                    }
                }
                j++;
            }
            int last = j - 1;
            int[] keep = {first, lo, hi, last};
            Arrays.sort(keep);
            if (o + 5 > ox.length) {
                ox = Arrays.copyOf(ox, ox.length * 2);
                oy = Arrays.copyOf(oy, oy.length * 2);
            }
            int prev = -1;
            for (int k = 0; k < 4; k++) {
                int idx = keep[k];
                if (idx >= 0 && idx != prev) {
                    ox[o] = x[idx];
                    oy[o++] = y[idx];
                    prev = idx;
                }
            }
            if (gap) {
                // a gap inside the bucket must still break the line
                ox[o] = x[last];
                oy[o++] = Double.NaN;
            }
            i = j;
        }
        return new double[][] {Arrays.copyOf(ox, o), Arrays.copyOf(oy, o)};
    }
}
