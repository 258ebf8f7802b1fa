package io.rcbench.capacity.model;

import io.rcbench.run.ScalabilityModel.Estimate;
import io.rcbench.run.ScalabilityModel.Usl;
import io.rcbench.run.ScalabilityModel.Warning;
import java.util.ArrayList;
import java.util.List;

/**
 * When not to trust a fitted model, as a pure function of the points and the fit. The rules, and why:
 * <ul>
 *   <li>{@value #KNEE_NOT_REACHED}: at the highest load each user still completes at least {@value #LINEAR_SHARE}
 *       of what a user did at the lowest load, so the curve never bent: sigma and kappa are guesses, and the peak
 *       lies beyond anything measured.</li>
 *   <li>{@value #POOR_FIT}: R² under {@value #MIN_R_SQUARED}: the law does not describe these steps (noise, a
 *       failing target, a throttled injector).</li>
 *   <li>{@value #FEW_LOADS}: fewer than {@value #ENOUGH_LOADS} distinct loads: three parameters on so few points
 *       leave the intervals resting on one or two steps.</li>
 *   <li>{@value #EXTRAPOLATED}: the predicted peak (or, without one, the saturation load) lies beyond the highest
 *       measured load.</li>
 *   <li>{@value #WIDE_INTERVAL}: the peak throughput's interval is unbounded or wider than its value.</li>
 * </ul>
 */
public final class ModelWarnings {
    public static final String KNEE_NOT_REACHED = "knee-not-reached";
    public static final String POOR_FIT = "poor-fit";
    public static final String FEW_LOADS = "few-loads";
    public static final String EXTRAPOLATED = "extrapolated";
    public static final String WIDE_INTERVAL = "wide-interval";
    static final double LINEAR_SHARE = 0.8;
    static final double MIN_R_SQUARED = 0.9;
    static final int ENOUGH_LOADS = 5;

    private ModelWarnings() {
    }

    static List<Warning> of(List<LoadPoint> points, Usl usl, double rSquared, Estimate peak) {
        List<Warning> out = new ArrayList<>();
        double lowest = points.stream().mapToDouble(LoadPoint::users).min().orElseThrow();
        double highest = points.stream().mapToDouble(LoadPoint::users).max().orElseThrow();
        double efficiency = efficiency(points);
        if (efficiency >= LINEAR_SHARE) {
            out.add(new Warning(KNEE_NOT_REACHED, String.format("the steps never reach past the knee: at %s users "
                + "each user still completes %.0f%% of what one did at %s users; the peak below is an extrapolation",
                users(highest), 100 * efficiency, users(lowest))));
        }
        if (rSquared < MIN_R_SQUARED) {
            out.add(new Warning(POOR_FIT, String.format("poor fit: the model explains %.0f%% of the variation in "
                + "throughput (R² %.2f < %.2f)", 100 * Math.max(0, rSquared), rSquared, MIN_R_SQUARED)));
        }
        long loads = points.stream().mapToDouble(LoadPoint::users).distinct().count();
        if (loads < ENOUGH_LOADS) {
            out.add(new Warning(FEW_LOADS, "only " + loads + " distinct loads measured: the intervals rest on one or "
                + "two steps each"));
        }
        double beyond = Double.isFinite(usl.peakLoad()) ? usl.peakLoad() : usl.saturationLoad();
        if (!Double.isFinite(beyond) || beyond > highest) {
            out.add(new Warning(EXTRAPOLATED, "the predicted " + (Double.isFinite(usl.peakLoad()) ? "peak" : "saturation")
                + " load (" + (Double.isFinite(beyond) ? users(beyond) : "unbounded") + ") lies beyond the highest "
                + "measured load (" + users(highest) + " users): an extrapolation"));
        }
        if (peak.value() == null || peak.low() == null || peak.high() == null
            || peak.high() - peak.low() > peak.value()) {
            out.add(new Warning(WIDE_INTERVAL, "the predicted peak throughput is uncertain: its 95% interval is "
                + (peak.low() == null || peak.high() == null ? "unbounded" : "wider than the value itself")));
        }
        return out;
    }

    /** Per-user throughput at the highest load over the (best) per-user throughput at the lowest. */
    static double efficiency(List<LoadPoint> points) {
        double highest = points.stream().mapToDouble(LoadPoint::users).max().orElseThrow();
        double perUserHigh = points.stream().filter(p -> p.users() == highest)
            .mapToDouble(p -> p.throughputPerSec() / p.users()).average().orElseThrow();
        return perUserHigh / UslFit.lambdaGuess(points);
    }

    private static String users(double n) {
        return String.format("%.0f", n);
    }
}
