package io.rcbench.report;

import java.util.List;

/**
 * What one chart shows, independent of how it is drawn: axes, data series, shaded ranges (the hold window, the
 * SLO breach zone) and vertical markers (knee, ceiling). {@link SvgChartWriter} draws it.
 *
 * @param title   heading above the chart
 * @param x       horizontal axis
 * @param y       vertical axis
 * @param series  lines, drawn in order
 * @param xBands  shaded ranges of x (e.g. the hold window)
 * @param yBands  shaded ranges of y (e.g. above an SLO limit)
 * @param markers vertical lines at x values
 */
public record Chart(String title, Axis x, Axis y, List<Series> series, List<Band> xBands, List<Band> yBands,
                    List<Marker> markers) {
    public Chart {
        series = List.copyOf(series);
        xBands = List.copyOf(xBands);
        yBands = List.copyOf(yBands);
        markers = List.copyOf(markers);
    }

    public Chart(String title, Axis x, Axis y, List<Series> series) {
        this(title, x, y, series, List.of(), List.of(), List.of());
    }

    public Chart withXBands(List<Band> bands) {
        return new Chart(title, x, y, series, bands, yBands, markers);
    }

    /** True when there is nothing to draw. */
    public boolean isEmpty() {
        return series.stream().allMatch(s -> s.x().length == 0);
    }

    /**
     * How values map to positions. PERCENTILE takes x in percent and spaces it by 1/(1-p), up to 99.99%; LOG is
     * base 10 for positive values (others are not drawn), so fast and slow actions share one chart.
     */
    public enum Scale { LINEAR, PERCENTILE, LOG }

    /** How tick values are written; INTEGER also keeps ticks on whole numbers (users). */
    public enum Format { NUMBER, INTEGER, CLOCK, PERCENT }

    /**
     * An axis; {@code min}/{@code max} fix the range, {@code null} fits the data (y starts at 0 unless data is
     * negative).
     */
    public record Axis(String label, Scale scale, Format format, Double min, Double max) {
        public static Axis linear(String label, Format format) {
            return new Axis(label, Scale.LINEAR, format, null, null);
        }

        public static Axis log(String label) {
            return new Axis(label, Scale.LOG, Format.NUMBER, null, null);
        }

        public static Axis percentile() {
            return new Axis("percentile", Scale.PERCENTILE, Format.PERCENT, 0.0, 99.99);
        }
    }

    /** One line; {@code x} and {@code y} have equal length; NaN in {@code y} breaks the line. */
    public record Series(String name, double[] x, double[] y, String color, boolean dashed, boolean dots) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException(name + ": " + x.length + " x values but " + y.length + " y values");
            }
        }

        public static Series line(String name, double[] x, double[] y, String color) {
            return new Series(name, x, y, color, false, false);
        }
    }

    /** A shaded range [from, to] with a label. */
    public record Band(double from, double to, String label, String fill) {
    }

    /** A vertical line at {@code x} with a label. */
    public record Marker(double x, String label, String color) {
    }
}
