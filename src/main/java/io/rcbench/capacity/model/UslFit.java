package io.rcbench.capacity.model;

import io.rcbench.run.ScalabilityModel.Usl;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits the Universal Scalability Law to load points by nonlinear least squares on throughput (commons-math3's
 * Levenberg-Marquardt), with lambda > 0, sigma in [0, 1] and kappa >= 0 held by clamping each trial point.
 * Least squares on a rational function can stop in a poor local minimum, so it starts from Gunther's
 * linearisation (lambda from the lowest load, then sigma and kappa by linear regression of lambda N / X - 1 on
 * N - 1 and N (N - 1)) and from a few fixed shapes, and keeps the best. Stateless; thread-safe.
 */
public final class UslFit {
    /** Fewest distinct loads three parameters can be fitted to. */
    public static final int MIN_LOADS = 3;
    private static final int MAX_ITERATIONS = 2_000;

    private UslFit() {
    }

    /** The best fit to {@code points} (at least {@link #MIN_LOADS} distinct loads). */
    public static Usl fit(List<LoadPoint> points) {
        if (points.stream().mapToDouble(LoadPoint::users).distinct().count() < MIN_LOADS) {
            throw new IllegalArgumentException("the USL needs at least " + MIN_LOADS + " distinct loads");
        }
        double lambda = lambdaGuess(points);
        List<Usl> starts = new ArrayList<>();
        starts.add(linearised(points, lambda));
        for (double sigma : new double[] {0.01, 0.2, 0.8}) {
            for (double kappaShare : new double[] {0, 0.1}) {
                double maxUsers = points.stream().mapToDouble(LoadPoint::users).max().orElseThrow();
                starts.add(new Usl(lambda, sigma, kappaShare / (maxUsers * maxUsers)));
            }
        }
        Usl best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (Usl start : starts) {
            Usl u = fit(points, start);
            double sse = sse(points, u);
            if (sse < bestSse) {
                best = u;
                bestSse = sse;
            }
        }
        return best;
    }

    /** One Levenberg-Marquardt descent from {@code start}; returns {@code start} itself if it does not converge. */
    public static Usl fit(List<LoadPoint> points, Usl start) {
        double[] n = points.stream().mapToDouble(LoadPoint::users).toArray();
        double[] x = points.stream().mapToDouble(LoadPoint::throughputPerSec).toArray();
        MultivariateJacobianFunction model = p -> {
            double l = p.getEntry(0);
            double s = p.getEntry(1);
            double k = p.getEntry(2);
            RealVector value = new ArrayRealVector(n.length);
            double[][] jacobian = new double[n.length][3];
            for (int i = 0; i < n.length; i++) {
                double d = 1 + s * (n[i] - 1) + k * n[i] * (n[i] - 1);
                value.setEntry(i, l * n[i] / d);
                jacobian[i][0] = n[i] / d;
                jacobian[i][1] = -l * n[i] * (n[i] - 1) / (d * d);
                jacobian[i][2] = -l * n[i] * n[i] * (n[i] - 1) / (d * d);
            }
            return new Pair<>(value, new Array2DRowRealMatrix(jacobian, false));
        };
        try {
            LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .start(new double[] {start.lambda(), start.sigma(), start.kappa()})
                .model(model).target(x).parameterValidator(UslFit::clamp)
                .maxEvaluations(MAX_ITERATIONS).maxIterations(MAX_ITERATIONS).build());
            RealVector p = clamp(o.getPoint());
            return new Usl(p.getEntry(0), p.getEntry(1), p.getEntry(2));
        } catch (RuntimeException e) {
            // too many iterations or a singular step: the caller compares residuals, so the start stands in
            return start;
        }
    }

    /** Sum of squared throughput residuals. */
    static double sse(List<LoadPoint> points, Usl u) {
        double sse = 0;
        for (LoadPoint p : points) {
            double r = p.throughputPerSec() - u.throughputAt(p.users());
            sse += r * r;
        }
        return sse;
    }

    private static RealVector clamp(RealVector p) {
        double l = p.getEntry(0);
        double s = p.getEntry(1);
        double k = p.getEntry(2);
        return new ArrayRealVector(new double[] {
            Double.isFinite(l) && l > 1e-12 ? l : 1e-12,
            Double.isFinite(s) ? Math.min(1, Math.max(0, s)) : 0,
            Double.isFinite(k) && k > 0 ? Math.min(k, 1e6) : 0}, false);
    }

    /** Throughput per user at the lowest load: the best model-free guess of lambda. */
    static double lambdaGuess(List<LoadPoint> points) {
        double lowest = points.stream().mapToDouble(LoadPoint::users).min().orElseThrow();
        return points.stream().filter(p -> p.users() == lowest)
            .mapToDouble(p -> p.throughputPerSec() / p.users()).max().orElseThrow();
    }

    /** Gunther's linearisation: lambda N / X - 1 = sigma (N - 1) + kappa N (N - 1), least squares, no intercept. */
    private static Usl linearised(List<LoadPoint> points, double lambda) {
        double saa = 0;
        double sab = 0;
        double sbb = 0;
        double say = 0;
        double sby = 0;
        for (LoadPoint p : points) {
            double a = p.users() - 1;
            double b = p.users() * (p.users() - 1);
            double y = lambda * p.users() / p.throughputPerSec() - 1;
            saa += a * a;
            sab += a * b;
            sbb += b * b;
            say += a * y;
            sby += b * y;
        }
        double det = saa * sbb - sab * sab;
        double sigma = det == 0 ? 0 : (say * sbb - sby * sab) / det;
        double kappa = det == 0 ? 0 : (sby * saa - say * sab) / det;
        if (kappa < 0) {
            // refit sigma alone: a negative kappa only means the points show no retrograde region
            kappa = 0;
            sigma = saa == 0 ? 0 : say / saa;
        }
        return new Usl(lambda, Math.min(1, Math.max(0, sigma)), Math.max(0, kappa));
    }
}
