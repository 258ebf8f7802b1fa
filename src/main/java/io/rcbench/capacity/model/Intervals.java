package io.rcbench.capacity.model;

import io.rcbench.run.ScalabilityModel.Estimate;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** 95% percentile intervals from bootstrap refits; infinite values (no peak, no saturation) become unbounded sides. */
final class Intervals {
    static final double LOW = 0.025;
    static final double HIGH = 0.975;

    private Intervals() {
    }

    /** {@code value} with the 2.5th-97.5th percentile range of {@code of} over {@code refits}; no refits, no range. */
    static <T> Estimate of(double value, List<T> refits, ToDoubleFunction<T> of) {
        Double v = finite(value);
        if (refits.isEmpty()) {
            return new Estimate(v, null, null);
        }
        double[] xs = refits.stream().mapToDouble(of).toArray();
        Arrays.sort(xs);
        return new Estimate(v, finite(at(xs, LOW)), finite(at(xs, HIGH)));
    }

    /** Linear interpolation between order statistics; NaN sorts last in {@link Arrays#sort(double[])}. */
    static double at(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        double a = sorted[i];
        double b = sorted[j];
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return pos - i < 0.5 ? a : b;
        }
        return a + (pos - i) * (b - a);
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
