package io.rcbench.capacity.model;

import io.rcbench.run.CapacityResult;
import io.rcbench.run.ScalabilityModel;
import io.rcbench.run.ScalabilityModel.BandPoint;
import io.rcbench.run.ScalabilityModel.Estimate;
import io.rcbench.run.ScalabilityModel.Residual;
import io.rcbench.run.ScalabilityModel.Usl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Fits the Universal Scalability Law to a capacity curve (each step's active users against its completed actions/s)
 * and derives what it predicts, with bootstrap intervals, R², residuals and warnings. Every step counts, failed ones
 * included: past the ceiling is where the curve bends, and where sigma and kappa are read. Pure; deterministic for a
 * given bootstrap seed.
 */
public final class ScalabilityAnalysis {
    /** The default bootstrap: enough resamples for stable 95% bounds, a fixed seed so reruns agree. */
    public static final UslBootstrap DEFAULT_BOOTSTRAP = new UslBootstrap(400, 17);
    /** The fitted curve is drawn a quarter beyond the highest measured load, so the trend past it is visible. */
    static final double BAND_REACH = 1.25;
    static final int BAND_POINTS = 41;

    private ScalabilityAnalysis() {
    }

    /** What {@link ScalabilityModel#throughputOf()} says when the fit is over every action's completions. */
    public static final String ALL_ACTIONS = ScalabilityModel.ALL_ACTIONS;

    /**
     * The model of {@code result}'s steps, or empty when fewer than {@link UslFit#MIN_LOADS} distinct loads completed
     * any action (three parameters need three loads).
     *
     * @param metric the knee metric: its completions/s are fitted when three loads measured them (the action whose
     *               latency defines the knee and, on a real server, slows with the rest), else all actions'; its
     *               median latency at the lowest load is the service time
     */
    public static Optional<ScalabilityModel> of(CapacityResult result, String metric, UslBootstrap bootstrap) {
        String of = throughputOf(result, metric);
        List<LoadPoint> points = points(result, of);
        if (points.stream().mapToDouble(LoadPoint::users).distinct().count() < UslFit.MIN_LOADS) {
            return Optional.empty();
        }
        return Optional.of(of(points, serviceTimeMs(result, metric), bootstrap, of));
    }

    /**
     * Whether the measured curve bends: the per-user throughput at the highest load is under
     * {@link ModelWarnings#LINEAR_SHARE} of the lowest load's. Without it sigma and kappa are not identified; the
     * search then probes past the ceiling. False with no usable steps.
     */
    public static boolean bends(CapacityResult result, String metric) {
        List<LoadPoint> points = points(result, throughputOf(result, metric));
        return !points.isEmpty() && ModelWarnings.efficiency(points) < ModelWarnings.LINEAR_SHARE;
    }

    /**
     * The knee metric when at least {@link UslFit#MIN_LOADS} distinct loads completed it (a step that completed none,
     * e.g. one cut short, is then left out), else all actions.
     */
    private static String throughputOf(CapacityResult result, String metric) {
        long loads = result.steps().stream().filter(s -> s.completedPerSec().getOrDefault(metric, 0.0) > 0)
            .mapToInt(CapacityResult.Step::activeUsers).distinct().count();
        return loads >= UslFit.MIN_LOADS ? metric : ALL_ACTIONS;
    }

    private static List<LoadPoint> points(CapacityResult result, String of) {
        return result.steps().stream()
            .filter(s -> s.activeUsers() >= 1)
            .map(s -> new double[] {s.activeUsers(),
                ALL_ACTIONS.equals(of) ? s.throughputPerSec() : s.completedPerSec().getOrDefault(of, 0.0)})
            .filter(p -> p[1] > 0 && Double.isFinite(p[1]))
            .map(p -> new LoadPoint(p[0], p[1])).toList();
    }

    /** The model of all actions' {@code points}; {@code serviceTimeMs} may be {@code null}. */
    public static ScalabilityModel of(List<LoadPoint> points, Double serviceTimeMs, UslBootstrap bootstrap) {
        return of(points, serviceTimeMs, bootstrap, ALL_ACTIONS);
    }

    /** The model of {@code points}, the completions/s of {@code throughputOf}. */
    public static ScalabilityModel of(List<LoadPoint> points, Double serviceTimeMs, UslBootstrap bootstrap,
                                      String throughputOf) {
        Usl usl = UslFit.fit(points);
        List<Usl> refits = bootstrap.refits(points);
        Estimate peak = Intervals.of(usl.peakThroughput(), refits, Usl::peakThroughput);
        double r2 = rSquared(points, usl);
        Double concurrency = serviceTimeMs == null || peak.value() == null ? null : peak.value() * serviceTimeMs / 1000;
        List<Residual> residuals = points.stream().sorted(Comparator.comparingDouble(LoadPoint::users))
            .map(p -> new Residual((int) p.users(), p.throughputPerSec(), usl.throughputAt(p.users()))).toList();
        return new ScalabilityModel(throughputOf, usl, Intervals.of(usl.lambda(), refits, Usl::lambda),
            Intervals.of(usl.sigma(), refits, Usl::sigma), Intervals.of(usl.kappa(), refits, Usl::kappa), peak,
            Intervals.of(usl.peakLoad(), refits, Usl::peakLoad),
            Intervals.of(usl.saturationLoad(), refits, Usl::saturationLoad), serviceTimeMs, concurrency, r2,
            residuals, band(points, usl, refits), refits.size(), bootstrap.seed(),
            ModelWarnings.of(points, usl, r2, peak));
    }

    /** 1 - SSres / SStot over the measured throughput; 1 when every step measured the same throughput and fits it. */
    static double rSquared(List<LoadPoint> points, Usl usl) {
        double mean = points.stream().mapToDouble(LoadPoint::throughputPerSec).average().orElseThrow();
        double total = points.stream().mapToDouble(p -> Math.pow(p.throughputPerSec() - mean, 2)).sum();
        double residual = UslFit.sse(points, usl);
        return total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
    }

    private static List<BandPoint> band(List<LoadPoint> points, Usl usl, List<Usl> refits) {
        double to = BAND_REACH * points.stream().mapToDouble(LoadPoint::users).max().orElseThrow();
        List<BandPoint> out = new ArrayList<>(BAND_POINTS);
        for (int i = 0; i < BAND_POINTS; i++) {
            double n = 1 + (to - 1) * i / (BAND_POINTS - 1);
            Estimate e = Intervals.of(usl.throughputAt(n), refits, u -> u.throughputAt(n));
            double fitted = usl.throughputAt(n);
            out.add(new BandPoint(n, fitted, e.low() == null ? fitted : e.low(), e.high() == null ? fitted : e.high()));
        }
        return out;
    }

    /** Median latency of {@code metric} at the lowest load that measured it, in ms; {@code null} if none did. */
    static Double serviceTimeMs(CapacityResult result, String metric) {
        return result.steps().stream().filter(s -> s.actions().containsKey(metric))
            .min(Comparator.comparingInt(CapacityResult.Step::activeUsers))
            .map(s -> s.actions().get(metric).p50Ms()).orElse(null);
    }
}
