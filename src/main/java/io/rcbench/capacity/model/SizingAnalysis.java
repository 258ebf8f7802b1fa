package io.rcbench.capacity.model;

import io.rcbench.run.CapacityResult;
import io.rcbench.run.ScalabilityModel.Usl;
import io.rcbench.run.SizingResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * From several capacity runs of one profile on different envelopes to a sizing answer: fits the measured ceiling
 * (active users) against the cores that did the work, as the Universal Scalability Law in cores (Gunther's use of
 * it for hardware scaling; lambda is then users per core), and answers which envelope holds the profile's
 * documented user count, with what margin, measured first and predicted second. A prediction outside the measured
 * cores is called an extrapolation every time it is stated. Pure.
 */
public final class SizingAnalysis {
    /** The most cores a prediction searches for the smallest envelope that holds a count. */
    static final int MAX_CORES = 256;

    private SizingAnalysis() {
    }

    /** One capacity run: its folder's name and its curve. */
    public record Run(String name, CapacityResult result) {
    }

    /** A documented sizing row: a profile's envelope and the active users the documentation says it holds. */
    public record Documented(String label, double cores, int activeUsers) {
    }

    /**
     * The sizing of {@code runs} (at least one, all of one profile, each with an envelope).
     *
     * @throws IllegalArgumentException when the runs are of different profiles or lack an envelope
     */
    public static SizingResult of(List<Run> runs, List<Documented> documented) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("sizing needs at least one capacity run");
        }
        String profile = runs.get(0).result().profile();
        for (Run r : runs) {
            if (r.result().envelope() == null) {
                throw new IllegalArgumentException(r.name() + ": capacity.json has no envelope (written before rcbench "
                    + "recorded one); run the capacity search again");
            }
            if (!java.util.Objects.equals(profile, r.result().profile())) {
                throw new IllegalArgumentException("runs of different profiles (" + profile + ", "
                    + r.result().profile() + "): a ceiling depends on the mix and SLOs, so only one profile's runs "
                    + "can be compared");
            }
        }
        List<SizingResult.Measured> measured = runs.stream()
            .map(r -> new SizingResult.Measured(r.name(), r.result().envelope(), r.result().ceilingUsers(),
                r.result().kneeUsers()))
            .sorted(Comparator.comparingDouble(m -> m.envelope().effectiveCores())).toList();
        Integer target = runs.get(0).result().documentedActiveUsers();
        List<LoadPoint> points = measured.stream().filter(m -> m.ceilingUsers() != null && m.ceilingUsers() > 0)
            .map(m -> new LoadPoint(Math.max(1, m.envelope().effectiveCores()), m.ceilingUsers())).toList();
        Fit fit = fit(points);
        double lo = points.stream().mapToDouble(LoadPoint::users).min().orElse(0);
        double hi = points.stream().mapToDouble(LoadPoint::users).max().orElse(0);
        List<SizingResult.Row> table = table(measured, documented, fit, lo, hi);
        return new SizingResult(profile, target, measured, fit == null ? null : fit.usl(),
            fit == null ? null : fit.form(), table, answers(measured, target, fit, lo, hi));
    }

    private record Fit(Usl usl, String form) {
    }

    /** USL with 3+ distinct core counts, Amdahl through 2, proportional through 1; null with none. */
    static Fit fit(List<LoadPoint> points) {
        TreeMap<Double, Double> byCores = new TreeMap<>();
        points.forEach(p -> byCores.merge(p.users(), p.throughputPerSec(), Math::max));
        if (byCores.isEmpty()) {
            return null;
        }
        if (byCores.size() >= UslFit.MIN_LOADS) {
            return new Fit(UslFit.fit(points), "usl");
        }
        double p1 = byCores.firstKey();
        double c1 = byCores.firstEntry().getValue();
        if (byCores.size() == 1) {
            return new Fit(new Usl(c1 / p1, 0, 0), "linear");
        }
        double p2 = byCores.lastKey();
        double c2 = byCores.lastEntry().getValue();
        double r = c2 * p1 / (c1 * p2);
        double denominator = r * (p2 - 1) - (p1 - 1);
        double sigma = denominator == 0 ? 0 : Math.min(1, Math.max(0, (1 - r) / denominator));
        return new Fit(new Usl(c1 * (1 + sigma * (p1 - 1)) / p1, sigma, 0), "amdahl");
    }

    private static List<SizingResult.Row> table(List<SizingResult.Measured> measured, List<Documented> documented,
                                                Fit fit, double lo, double hi) {
        List<SizingResult.Row> rows = new ArrayList<>();
        // a measured row leaves the documented column empty: another profile's documented count on the same cores is
        // for another mix, and sits on its own row below
        for (SizingResult.Measured m : measured) {
            double cores = m.envelope().effectiveCores();
            rows.add(new SizingResult.Row(m.envelope().name() + (cores < m.envelope().cores()
                ? " (held to " + fmt(cores) + " on this machine)" : ""), cores, null, m.ceilingUsers(),
                fit == null ? null : fit.usl().throughputAt(cores), fit != null && outside(cores, lo, hi)));
        }
        for (Documented d : documented) {
            rows.add(new SizingResult.Row(d.label(), d.cores(), d.activeUsers(), null,
                fit == null ? null : fit.usl().throughputAt(d.cores()), fit != null && outside(d.cores(), lo, hi)));
        }
        rows.sort(Comparator.comparingDouble(SizingResult.Row::cores));
        return rows;
    }

    private static List<String> answers(List<SizingResult.Measured> measured, Integer target, Fit fit, double lo,
                                        double hi) {
        List<String> out = new ArrayList<>();
        if (target == null) {
            out.add("The profile documents no active-user count, so there is nothing to size for.");
        } else {
            measured.stream().filter(m -> m.ceilingUsers() != null && m.ceilingUsers() >= target).findFirst()
                .ifPresentOrElse(m -> out.add(String.format(Locale.ROOT,
                    "Measured: %s holds the documented %d active users with a %.0f%% margin (ceiling %d).",
                    m.envelope().name(), target, 100.0 * (m.ceilingUsers() - target) / target, m.ceilingUsers())),
                    () -> out.add("Measured: no envelope tried holds the documented " + target + " active users."));
            if (fit != null) {
                int cores = 0;
                for (int c = 1; c <= MAX_CORES; c++) {
                    if (fit.usl().throughputAt(c) >= target) {
                        cores = c;
                        break;
                    }
                }
                if (cores == 0) {
                    out.add(String.format(Locale.ROOT, "Predicted: no envelope up to %d cores holds %d active users: "
                        + "the fit peaks at %.0f users%s.", MAX_CORES, target, Math.min(fit.usl().peakThroughput(),
                        fit.usl().throughputAt(MAX_CORES)), extrapolation(MAX_CORES, lo, hi)));
                } else {
                    double predicted = fit.usl().throughputAt(cores);
                    out.add(String.format(Locale.ROOT, "Predicted: %d %s hold %d active users (%.0f predicted, a %.0f%%"
                        + " margin)%s.", cores, cores == 1 ? "core" : "cores", target, predicted,
                        100 * (predicted - target) / target, extrapolation(cores, lo, hi)));
                }
            }
        }
        if (fit != null) {
            out.add(switch (fit.form()) {
                case "linear" -> "One envelope measured: the prediction assumes ceilings grow in proportion to cores "
                    + "(no contention), which real servers do not; measure a second envelope.";
                case "amdahl" -> "Two envelopes measured: sigma is solved exactly from them and kappa assumed 0; no "
                    + "interval can be given.";
                default -> measured.size() == UslFit.MIN_LOADS ? "Three envelopes, three parameters: the fit passes "
                    + "through every point; no interval can be given." : "Fitted by least squares to "
                    + measured.size() + " envelopes.";
            });
        }
        return out;
    }

    private static boolean outside(double cores, double lo, double hi) {
        return cores < lo - 1e-9 || cores > hi + 1e-9;
    }

    private static String extrapolation(double cores, double lo, double hi) {
        return outside(cores, lo, hi) ? ": an extrapolation beyond the measured " + fmt(lo) + "-" + fmt(hi) + " cores"
            : "";
    }

    private static String fmt(double cores) {
        return cores == Math.rint(cores) ? String.valueOf((long) cores) : String.valueOf(cores);
    }
}
