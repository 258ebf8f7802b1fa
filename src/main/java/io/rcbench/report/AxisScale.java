package io.rcbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps an axis' values to pixels and picks its ticks. LINEAR rounds the range out to "nice" steps (1, 2, 5 ×
 * 10^k); LOG to whole decades; PERCENTILE places p (in percent) at log10(1/(1-p/100)), so 90, 99, 99.9 and
 * 99.99 are evenly spaced.
 * Immutable.
 */
public final class AxisScale {
    /** Largest percentile the PERCENTILE scale shows. */
    public static final double MAX_PERCENTILE = 99.99;
    private final Chart.Scale kind;
    private final double lo;
    private final double hi;
    private final double pixelFrom;
    private final double pixelTo;
    private final List<Double> ticks;

    private AxisScale(Chart.Scale kind, double lo, double hi, double pixelFrom, double pixelTo, List<Double> ticks) {
        this.kind = kind;
        this.lo = lo;
        this.hi = hi;
        this.pixelFrom = pixelFrom;
        this.pixelTo = pixelTo;
        this.ticks = List.copyOf(ticks);
    }

    /**
     * A scale for data in [{@code dataMin}, {@code dataMax}] drawn from {@code pixelFrom} to {@code pixelTo};
     * {@code niceRange} widens a linear range to whole tick steps (for y), otherwise it is kept (for time x).
     */
    public static AxisScale of(Chart.Axis axis, double dataMin, double dataMax, double pixelFrom, double pixelTo,
                               boolean niceRange) {
        if (axis.scale() == Chart.Scale.PERCENTILE) {
            List<Double> t = List.of(0.0, 90.0, 99.0, 99.9, 99.99);
            return new AxisScale(Chart.Scale.PERCENTILE, 0, percentileUnits(MAX_PERCENTILE), pixelFrom, pixelTo, t);
        }
        if (axis.scale() == Chart.Scale.LOG) {
            return log(axis, dataMin, dataMax, pixelFrom, pixelTo);
        }
        double min = axis.min() != null ? axis.min() : Math.min(0, dataMin);
        double max = axis.max() != null ? axis.max() : dataMax;
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            min = 0;
            max = 1;
        }
        if (max <= min) {
            max = min + (min == 0 ? 1 : Math.abs(min) * 0.1);
        }
        double step = niceStep((max - min) / 5);
        if (axis.format() == Chart.Format.INTEGER) {
            step = Math.max(1, step);
        }
        if (niceRange) {
            if (axis.min() == null) {
                min = Math.floor(min / step) * step;
            }
            if (axis.max() == null) {
                max = Math.ceil(max / step - 1e-9) * step;
            }
        }
        List<Double> t = new ArrayList<>();
        for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
            t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return new AxisScale(Chart.Scale.LINEAR, min, max, pixelFrom, pixelTo, t);
    }

    /** Whole decades around the positive data, ticks at 1, 2 and 5 times each power of ten when few decades. */
    private static AxisScale log(Chart.Axis axis, double dataMin, double dataMax, double pixelFrom, double pixelTo) {
        double lo = axis.min() != null ? axis.min() : dataMin;
        double hi = axis.max() != null ? axis.max() : dataMax;
        if (!(lo > 0) || !Double.isFinite(lo)) {
            lo = hi > 0 && Double.isFinite(hi) ? hi / 10 : 1;
        }
        if (!(hi > lo) || !Double.isFinite(hi)) {
            hi = lo * 10;
        }
        double dLo = Math.floor(Math.log10(lo));
        double dHi = Math.ceil(Math.log10(hi));
        if (dHi <= dLo) {
            dHi = dLo + 1;
        }
        List<Double> t = new ArrayList<>();
        boolean fine = dHi - dLo <= 3;
        for (double d = dLo; d <= dHi; d++) {
            double base = Math.pow(10, d);
            t.add(base);
            if (fine && d < dHi) {
                t.add(2 * base);
                t.add(5 * base);
            }
        }
        return new AxisScale(Chart.Scale.LOG, dLo, dHi, pixelFrom, pixelTo, t);
    }

    /** log10(1/(1-p/100)), clamped to the scale's end. */
    static double percentileUnits(double percent) {
        double p = Math.min(percent, MAX_PERCENTILE) / 100.0;
        return -Math.log10(1 - p);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** The pixel of {@code value}; values outside the range map outside the pixel range. */
    public double pixel(double value) {
        double v = switch (kind) {
            case PERCENTILE -> percentileUnits(value);
            case LOG -> value > 0 ? Math.log10(value) : Double.NaN;
            case LINEAR -> value;
        };
        return pixelFrom + (v - lo) / (hi - lo) * (pixelTo - pixelFrom);
    }

    public List<Double> ticks() {
        return ticks;
    }

    /** Lower end of the range in data units (PERCENTILE: 0). */
    public double min() {
        return kind == Chart.Scale.PERCENTILE ? 0 : kind == Chart.Scale.LOG ? Math.pow(10, lo) : lo;
    }

    /** Upper end of the range in data units (PERCENTILE: 99.99). */
    public double max() {
        return kind == Chart.Scale.PERCENTILE ? MAX_PERCENTILE : kind == Chart.Scale.LOG ? Math.pow(10, hi) : hi;
    }
}
