package io.rcbench.report;

import java.util.Locale;

/**
 * Draws a {@link Chart} as inline SVG inside a {@code <figure>} with its title and an HTML legend. The SVG has
 * a fixed view box and scales to its container; long series are thinned by {@link Downsampler} to the plot's
 * width. Output needs no script or stylesheet beyond the report's CSS classes ({@code chart}, {@code legend}).
 * Stateless and thread-safe.
 */
public final class SvgChartWriter {
    static final int WIDTH = 720;
    static final int HEIGHT = 280;
    private static final int LEFT = 64;
    private static final int RIGHT = 18;
    private static final int TOP = 14;
    private static final int BOTTOM = 44;

    private SvgChartWriter() {
    }

    /** The chart as a {@code <figure>} element; an empty chart says so instead of drawing axes. */
    public static String write(Chart c) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<figure class=\"chart\"><figcaption>").append(Html.esc(c.title())).append("</figcaption>");
        if (c.isEmpty()) {
            return b.append("<p class=\"empty\">no data</p></figure>").toString();
        }
        double[] xr = range(c, true);
        double[] yr = range(c, false);
        for (Chart.Band band : c.yBands()) {
            yr[1] = Math.max(yr[1], band.from() * 1.1); // keep the limit in view: headroom is part of the answer
        }
        AxisScale xs = AxisScale.of(c.x(), xr[0], xr[1], LEFT, WIDTH - RIGHT, false);
        AxisScale ys = AxisScale.of(c.y(), yr[0], yr[1], HEIGHT - BOTTOM, TOP, true);
        double plotW = WIDTH - RIGHT - LEFT;
        double plotH = HEIGHT - BOTTOM - TOP;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
            .append("\" role=\"img\" aria-label=\"").append(Html.esc(c.title())).append("\">");
        b.append("<rect class=\"plot\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
            .append((int) plotW).append("\" height=\"").append((int) plotH).append("\"/>");
        xBands(b, c, xs, ys, plotW, plotH);
        yBands(b, c, xs, ys, plotW, plotH);
        yGrid(b, c, xs, ys, plotW, plotH);
        xGrid(b, c, xs, ys, plotW, plotH);
        axisLabels(b, c, xs, ys, plotW, plotH);
        lines(b, c, xs, ys, plotW, plotH);
        markers(b, c, xs, ys, plotW, plotH);
        frame(b, c, xs, ys, plotW, plotH);
        return legend(b, c);
    }

    /** Bands across x (phases): shaded, labelled at the top. */
    private static void xBands(StringBuilder b, Chart c, AxisScale xs, AxisScale ys, double plotW, double plotH) {
        for (Chart.Band band : c.xBands()) {
            double x0 = clamp(xs.pixel(band.from()), LEFT, WIDTH - RIGHT);
            double x1 = clamp(xs.pixel(band.to()), LEFT, WIDTH - RIGHT);
            if (x1 > x0) {
                b.append("<rect class=\"band\" x=\"").append(f(x0)).append("\" y=\"").append(TOP).append("\" width=\"")
                    .append(f(x1 - x0)).append("\" height=\"").append((int) plotH).append("\" fill=\"")
                    .append(Html.esc(band.fill())).append("\"><title>").append(Html.esc(band.label()))
                    .append("</title></rect><text class=\"bandlabel\" x=\"").append(f(x0 + 4)).append("\" y=\"")
                    .append(TOP + 11).append("\">").append(Html.esc(band.label())).append("</text>");
            }
        }
    }

    /** Bands across y (limits): shaded above the limit, with its line and label. */
    private static void yBands(StringBuilder b, Chart c, AxisScale xs, AxisScale ys, double plotW, double plotH) {
        for (Chart.Band band : c.yBands()) {
            double y0 = clamp(ys.pixel(band.to()), TOP, HEIGHT - BOTTOM);
            double y1 = clamp(ys.pixel(band.from()), TOP, HEIGHT - BOTTOM);
            if (y1 > y0) {
                b.append("<rect class=\"band\" x=\"").append(LEFT).append("\" y=\"").append(f(y0)).append("\" width=\"")
                    .append((int) plotW).append("\" height=\"").append(f(y1 - y0)).append("\" fill=\"")
                    .append(Html.esc(band.fill())).append("\"/><line class=\"limit\" x1=\"").append(LEFT)
                    .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(f(y1)).append("\" y2=\"")
                    .append(f(y1)).append("\"/><text class=\"limitlabel\" text-anchor=\"end\" x=\"")
                    .append(WIDTH - RIGHT - 4).append("\" y=\"").append(f(y1 - 4)).append("\">")
                    .append(Html.esc(band.label())).append("</text>");
            }
        }
    }

    /** The y grid and its tick labels. */
    private static void yGrid(StringBuilder b, Chart c, AxisScale xs, AxisScale ys, double plotW, double plotH) {
        for (double t : ys.ticks()) {
            double y = ys.pixel(t);
            b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(f(y)).append("\" y2=\"").append(f(y)).append("\"/><text class=\"tick\" x=\"")
                .append(LEFT - 6).append("\" y=\"").append(f(y + 4)).append("\" text-anchor=\"end\">")
                .append(Html.esc(tick(c.y().format(), t))).append("</text>");
        }
    }

    /** The x grid and its tick labels. */
    private static void xGrid(StringBuilder b, Chart c, AxisScale xs, AxisScale ys, double plotW, double plotH) {
        for (double t : xTicks(c.x(), xs)) {
            double x = xs.pixel(t);
            // a label at the right edge would be cut: end it there instead of centring it
            String anchor = x > WIDTH - RIGHT - 20 ? "end" : "middle";
            b.append("<line class=\"xgrid\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"")
                .append(TOP).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/><text class=\"tick\" x=\"")
                .append(f(anchor.equals("end") ? x + 4 : x)).append("\" y=\"").append(HEIGHT - BOTTOM + 16).append("\" text-anchor=\"")
                .append(anchor).append("\">")
                .append(Html.esc(tick(c.x().format(), t))).append("</text>");
        }
    }

    /** The axes' names. */
    private static void axisLabels(StringBuilder b, Chart c, AxisScale xs, AxisScale ys, double plotW, double plotH) {
        b.append("<text class=\"axis\" x=\"").append(LEFT + (int) plotW / 2).append("\" y=\"").append(HEIGHT - 6)
            .append("\" text-anchor=\"middle\">").append(Html.esc(c.x().label())).append("</text>");
        b.append("<text class=\"axis\" transform=\"rotate(-90)\" x=\"").append(-(TOP + (int) plotH / 2))
            .append("\" y=\"14\" text-anchor=\"middle\">").append(Html.esc(c.y().label())).append("</text>");
    }

    /** The series, clipped to the plot. */
    private static void lines(StringBuilder b, Chart c, AxisScale xs, AxisScale ys, double plotW, double plotH) {
        // a nested svg clips the lines to the plot (plus the dots' radius) without ids that would have to be unique
        int pad = 4;
        String clip = (LEFT - pad) + " " + (TOP - pad) + " " + ((int) plotW + 2 * pad) + " " + ((int) plotH + 2 * pad);
        b.append("<svg class=\"series\" x=\"").append(LEFT - pad).append("\" y=\"").append(TOP - pad).append("\" width=\"")
            .append((int) plotW + 2 * pad).append("\" height=\"").append((int) plotH + 2 * pad).append("\" viewBox=\"").append(clip)
            .append("\" overflow=\"hidden\">");
        for (Chart.Series s : c.series()) {
            series(b, s, xs, ys, c.x().scale(), (int) plotW);
        }
        b.append("</svg>");
    }

    /** Vertical markers (events), labelled one under another. */
    private static void markers(StringBuilder b, Chart c, AxisScale xs, AxisScale ys, double plotW, double plotH) {
        for (int mi = 0; mi < c.markers().size(); mi++) {
            Chart.Marker m = c.markers().get(mi);
            double x = xs.pixel(m.x());
            b.append("<line class=\"marker\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"")
                .append(TOP).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"").append(Html.esc(m.color()))
                .append("\"/><text class=\"markerlabel\" x=\"").append(f(x + 4)).append("\" y=\"").append(TOP + 26 + 14 * mi)
                .append("\" fill=\"").append(Html.esc(m.color())).append("\">").append(Html.esc(m.label())).append("</text>");
        }
    }

    /** The plot's frame; closes the chart's svg. */
    private static void frame(StringBuilder b, Chart c, AxisScale xs, AxisScale ys, double plotW, double plotH) {
        b.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
            .append((int) plotW).append("\" height=\"").append((int) plotH).append("\"/></svg>");
    }

    /** The series' names and colours under the chart; closes the figure. */
    private static String legend(StringBuilder b, Chart c) {
        b.append("<div class=\"legend\">");
        for (Chart.Series s : c.series()) {
            b.append("<span><i style=\"border-color:").append(Html.esc(s.color())).append(s.dashed() ? ";border-top-style:dashed" : "")
                .append("\"></i>").append(Html.esc(s.name())).append("</span>");
        }
        return b.append("</div></figure>").toString();
    }

    private static void series(StringBuilder b, Chart.Series s, AxisScale xs, AxisScale ys, Chart.Scale xKind, int plotW) {
        double[][] pts = xKind == Chart.Scale.LINEAR ? Downsampler.thin(s.x(), s.y(), plotW / 2) : new double[][] {s.x(), s.y()};
        double[] x = pts[0];
        double[] y = pts[1];
        StringBuilder d = new StringBuilder(x.length * 12);
        boolean pen = false;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(ys.pixel(y[i])) || (xKind == Chart.Scale.PERCENTILE && x[i] > AxisScale.MAX_PERCENTILE)) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M');
            fAppend(d, xs.pixel(x[i]));
            d.append(',');
            fAppend(d, ys.pixel(y[i]));
            pen = true;
        }
        b.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(Html.esc(s.color()))
            .append("\" stroke-width=\"1.6\" stroke-linejoin=\"round\"").append(s.dashed() ? " stroke-dasharray=\"5 3\"" : "")
            .append("><title>").append(Html.esc(s.name())).append("</title></path>");
        if (s.dots()) {
            for (int i = 0; i < x.length; i++) {
                if (!Double.isNaN(ys.pixel(y[i]))) {
                    b.append("<circle r=\"").append(x.length > 40 ? "2.2" : "3.2").append("\" cx=\"").append(f(xs.pixel(x[i]))).append("\" cy=\"").append(f(ys.pixel(y[i])))
                        .append("\" fill=\"").append(Html.esc(s.color())).append("\"><title>").append(Html.esc(s.name()))
                        .append(": ").append(Html.esc(tick(Chart.Format.NUMBER, x[i]))).append(" → ")
                        .append(Html.esc(tick(Chart.Format.NUMBER, y[i]))).append("</title></circle>");
                }
            }
        }
    }

    private static double[] range(Chart c, boolean isX) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Chart.Series s : c.series()) {
            double[] v = isX ? s.x() : s.y();
            for (int i = 0; i < v.length; i++) {
                boolean drawn = !Double.isNaN(v[i]) && (isX || c.y().scale() != Chart.Scale.LOG || v[i] > 0);
                if (drawn && (isX || c.x().scale() != Chart.Scale.PERCENTILE || s.x()[i] <= AxisScale.MAX_PERCENTILE)) {
                    lo = Math.min(lo, v[i]);
                    hi = Math.max(hi, v[i]);
                }
            }
        }
        if (isX) {
            for (Chart.Marker m : c.markers()) {
                lo = Math.min(lo, m.x());
                hi = Math.max(hi, m.x());
            }
        }
        return new double[] {lo, hi};
    }

    /** Time axes get ticks on whole minutes/hours through the nice step; others use the scale's ticks. */
    private static java.util.List<Double> xTicks(Chart.Axis axis, AxisScale xs) {
        if (axis.format() != Chart.Format.CLOCK) {
            return xs.ticks();
        }
        double span = xs.max() - xs.min();
        double[] steps = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200};
        double step = steps[steps.length - 1];
        for (double s : steps) {
            if (span / s <= 8) {
                step = s;
                break;
            }
        }
        java.util.List<Double> t = new java.util.ArrayList<>();
        for (double v = Math.ceil(xs.min() / step) * step; v <= xs.max() + 1e-9; v += step) {
            t.add(v);
        }
        return t;
    }

    /** A tick label. */
    static String tick(Chart.Format format, double v) {
        switch (format) {
            case CLOCK:
                return Html.clock(Math.round(v * 1000));
            case PERCENT:
                return (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : stripZeros(v)) + "%";
            default:
                double a = Math.abs(v);
                if (a >= 1e6) {
                    return stripZeros(v / 1e6) + "M";
                }
                if (a >= 1e4) {
                    return stripZeros(v / 1e3) + "k";
                }
                return a >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : stripZeros(v);
        }
    }

    private static String stripZeros(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String f(double v) {
        StringBuilder b = new StringBuilder(8);
        fAppend(b, v);
        return b.toString();
    }

    /** Appends {@code v} with one decimal, without String.format (thousands of points per report). */
    private static void fAppend(StringBuilder b, double v) {
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            b.append('-');
            tenths = -tenths;
        }
        b.append(tenths / 10);
        long frac = tenths % 10;
        if (frac != 0) {
            b.append('.').append(frac);
        }
    }
}
