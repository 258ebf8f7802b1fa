package io.rcbench.capacity.model;

import io.rcbench.run.CapacityResult;
import io.rcbench.run.ScalabilityModel.Estimate;
import io.rcbench.run.ScalabilityModel.Usl;
import io.rcbench.run.SizingResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * From several capacity runs of one profile on different envelopes to a sizing answer: fits the measured ceiling
 * (active users) against the cores that did the work, as the Universal Scalability Law in cores (Gunther's use of
 * it for hardware scaling; lambda is then users per core), and the target's resident memory against active users
 * ({@link EnvelopeFit}); answers which envelope holds the profile's documented user count, with what margin,
 * measured first and predicted second, and what a given envelope holds, each with a 95% interval and the dimension
 * (cores or memory) that binds. A prediction outside the measured range is called an extrapolation every time it is
 * stated. Pure.
 */
public final class SizingAnalysis {
    /** The most cores a prediction searches for the smallest envelope that holds a count. */
    static final int MAX_CORES = 256;
    /**
     * Resident memory at or above this share of the envelope's at the ceiling (or the failure just above it): memory,
     * not cores, set that ceiling, and the run is kept out of the cores fit. A JVM or Node process cannot use all of
     * its memory for its working set; 90% leaves room for that without calling a comfortable run memory-bound.
     */
    public static final double MEMORY_BOUND_SHARE = 0.9;
    /** Bootstrap resamples behind the sizing intervals, and their seed: the same runs give the same intervals. */
    public static final int DEFAULT_SAMPLES = 400;
    static final long SEED = 17;

    private SizingAnalysis() {
    }

    /** One capacity run: its folder's name and its curve. */
    public record Run(String name, CapacityResult result) {
    }

    /** A documented sizing row: a profile's envelope and the active users the documentation says it holds. */
    public record Documented(String label, double cores, Long memoryMb, int activeUsers) {
        /** A row without a memory figure. */
        public Documented(String label, double cores, int activeUsers) {
            this(label, cores, null, activeUsers);
        }
    }

    /**
     * An envelope asked about: {@code sizing --envelope cores=2,memory=4g}.
     *
     * @param memoryMb {@code null} when not given: then memory bounds nothing in the answer
     */
    public record Query(String label, double cores, Long memoryMb) {
        private static final Pattern MEMORY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([gGmM]?)[bB]?");

        /**
         * Parses {@code cores=2,memory=4g} ({@code memory} in MB unless suffixed {@code g} or {@code m};
         * {@code memoryMb=} is accepted too). Cores are required.
         *
         * @throws IllegalArgumentException with the reason, for the user
         */
        public static Query parse(String spec) {
            Double cores = null;
            Long memory = null;
            for (String part : spec.split(",")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("expected cores=N[,memory=SIZE], got " + spec);
                }
                String value = kv[1].trim();
                switch (kv[0].trim()) {
                    case "cores" -> {
                        try {
                            cores = Double.parseDouble(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("cores: not a number: " + value);
                        }
                        if (!(cores > 0) || cores > MAX_CORES) {
                            throw new IllegalArgumentException("cores: expected 0 < cores <= " + MAX_CORES + ": " + value);
                        }
                    }
                    case "memory", "memoryMb" -> {
                        Matcher m = MEMORY.matcher(value);
                        if (!m.matches()) {
                            throw new IllegalArgumentException("memory: expected e.g. 4g, 512m or 4096 (MB): " + value);
                        }
                        double v = Double.parseDouble(m.group(1));
                        memory = Math.round(m.group(2).equalsIgnoreCase("g") ? v * 1024 : v);
                        if (memory < 1) {
                            throw new IllegalArgumentException("memory: must be at least 1 MB: " + value);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown envelope field " + kv[0].trim()
                        + " (expected cores, memory)");
                }
            }
            if (cores == null) {
                throw new IllegalArgumentException("cores=N is required, got " + spec);
            }
            return new Query(SizingAnalysis.label(cores, memory), cores, memory);
        }
    }

    /** The sizing of {@code runs} with the default bootstrap and no envelope asked about. */
    public static SizingResult of(List<Run> runs, List<Documented> documented) {
        return of(runs, documented, List.of(), DEFAULT_SAMPLES);
    }

    /**
     * The sizing of {@code runs} (at least one, all of one profile, each with an envelope).
     *
     * @param queries envelopes to predict for
     * @param samples bootstrap resamples (0: no intervals)
     * @throws IllegalArgumentException when the runs are of different profiles or lack an envelope
     */
    public static SizingResult of(List<Run> runs, List<Documented> documented, List<Query> queries, int samples) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("sizing needs at least one capacity run");
        }
        String profile = runs.get(0).result().profile();
        for (Run r : runs) {
            if (r.result().envelope() == null) {
                throw new IllegalArgumentException(r.name() + ": capacity.json has no envelope (written before rcbench "
                    + "recorded one); run the capacity search again");
            }
            if (!Objects.equals(profile, r.result().profile())) {
                throw new IllegalArgumentException("runs of different profiles (" + profile + ", "
                    + r.result().profile() + "): a ceiling depends on the mix and SLOs, so only one profile's runs "
                    + "can be compared");
            }
        }
        List<SizingResult.Measured> measured = runs.stream().map(r -> measured(r.name(), r.result()))
            .sorted(Comparator.comparingDouble((SizingResult.Measured m) -> m.envelope().effectiveCores())
                .thenComparingLong(m -> m.envelope().memoryMb())).toList();
        Integer target = runs.get(0).result().documentedActiveUsers();
        List<EnvelopeFit.Ceiling> ceilings = measured.stream()
            .filter(m -> m.ceilingUsers() != null && m.ceilingUsers() > 0 && !"memory".equals(m.binding()))
            .map(m -> new EnvelopeFit.Ceiling(Math.max(1, m.envelope().effectiveCores()), m.ceilingUsers(),
                m.lowestFailedUsers())).toList();
        List<EnvelopeFit.Rss> rss = new ArrayList<>();
        runs.forEach(r -> r.result().steps().stream().filter(s -> s.memory() != null && s.memory().highestMb() != null)
            .forEach(s -> rss.add(new EnvelopeFit.Rss(s.activeUsers(), s.memory().highestMb()))));
        EnvelopeFit fit = EnvelopeFit.of(ceilings, rss, samples, SEED);
        List<SizingResult.Row> table = table(measured, documented, fit, target);
        List<SizingResult.Prediction> asked = queries.stream()
            .map(q -> fit.predict(q.label(), q.cores(), q.memoryMb(), target)).filter(Objects::nonNull).toList();
        List<String> answers = new ArrayList<>(answers(measured, target, fit));
        asked.forEach(p -> answers.add(query(p, target)));
        return new SizingResult(profile, target, measured, fit.cores() == null ? null : fit.cores().usl(),
            fit.cores() == null ? null : fit.cores().form(), fit.memoryModel(), table, asked, band(fit, table),
            fit.samples(), answers);
    }

    /** The cores fit with its band from 1 core to the largest envelope in the table (at least 2), 41 points. */
    private static List<io.rcbench.run.ScalabilityModel.BandPoint> band(EnvelopeFit fit, List<SizingResult.Row> table) {
        if (fit.cores() == null) {
            return List.of();
        }
        double to = Math.max(2, table.stream().mapToDouble(SizingResult.Row::cores).max().orElse(2));
        List<io.rcbench.run.ScalabilityModel.BandPoint> out = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            double c = 1 + (to - 1) * i / 40;
            Estimate e = fit.byCores(c);
            // a USL in cores is finite everywhere; an unbounded side (never seen) is drawn at the fit
            out.add(new io.rcbench.run.ScalabilityModel.BandPoint(c, e.value(), e.low() == null ? e.value() : e.low(),
                e.high() == null ? e.value() : e.high()));
        }
        return out;
    }

    /** A run's ceiling, the failure above it, and how much of its memory the target used there. */
    static SizingResult.Measured measured(String name, CapacityResult r) {
        Integer ceiling = r.ceilingUsers();
        if (ceiling == null) {
            return new SizingResult.Measured(name, r.envelope(), null, r.kneeUsers(), null, null, null, null);
        }
        Integer failed = r.steps().stream().filter(s -> !s.pass() && s.activeUsers() > ceiling)
            .map(CapacityResult.Step::activeUsers).min(Integer::compare).orElse(null);
        Long peak = highest(r, ceiling);
        Long atFailure = failed == null ? null : highest(r, failed);
        Long worst = peak == null ? atFailure : atFailure == null ? peak : Long.valueOf(Math.max(peak, atFailure));
        Double share = worst == null || r.envelope().memoryMb() <= 0 ? null
            : worst / (double) r.envelope().memoryMb();
        return new SizingResult.Measured(name, r.envelope(), ceiling, r.kneeUsers(), failed, peak, share,
            share != null && share >= MEMORY_BOUND_SHARE ? "memory" : "cores");
    }

    private static Long highest(CapacityResult r, int users) {
        return r.steps().stream().filter(s -> s.activeUsers() == users && s.memory() != null
            && s.memory().highestMb() != null).map(s -> s.memory().highestMb()).max(Long::compare).orElse(null);
    }

    /** A fit of the ceiling against cores, and which form it took. */
    record Fit(Usl usl, String form) {
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
                                                EnvelopeFit fit, Integer target) {
        List<SizingResult.Row> rows = new ArrayList<>();
        // a measured row leaves the documented column empty: another profile's documented count on the same cores is
        // for another mix, and sits on its own row below
        for (SizingResult.Measured m : measured) {
            double cores = m.envelope().effectiveCores();
            String label = m.envelope().name() + (cores < m.envelope().cores()
                ? " (held to " + fmt(cores) + " on this machine)" : "");
            rows.add(new SizingResult.Row(label, cores, m.envelope().memoryMb(), null, m.ceilingUsers(),
                m.lowestFailedUsers(), fit.predict(label, cores, m.envelope().memoryMb(), target)));
        }
        for (Documented d : documented) {
            rows.add(new SizingResult.Row(d.label(), d.cores(), d.memoryMb(), d.activeUsers(), null, null,
                fit.predict(d.label(), d.cores(), d.memoryMb(), target)));
        }
        rows.sort(Comparator.comparingDouble(SizingResult.Row::cores));
        return rows;
    }

    private static List<String> answers(List<SizingResult.Measured> measured, Integer target, EnvelopeFit fit) {
        List<String> out = new ArrayList<>();
        Fit cores = fit.cores();
        if (target == null) {
            out.add("The profile documents no active-user count, so there is nothing to size for.");
        } else {
            measured.stream().filter(m -> m.ceilingUsers() != null && m.ceilingUsers() >= target).findFirst()
                .ifPresentOrElse(m -> out.add(String.format(Locale.ROOT,
                    "Measured: %s holds the documented %d active users with a %.0f%% margin (ceiling %d).",
                    m.envelope().name(), target, 100.0 * (m.ceilingUsers() - target) / target, m.ceilingUsers())),
                    () -> out.add("Measured: no envelope tried holds the documented " + target + " active users."));
            if (cores != null) {
                out.addAll(predictedFor(target, fit));
            }
        }
        String memory = memory(measured, target, fit);
        if (memory != null) {
            out.add(memory);
        }
        if (cores != null) {
            out.add(switch (cores.form()) {
                case "linear" -> "One envelope measured: the prediction assumes ceilings grow in proportion to cores "
                    + "(no contention), which real servers do not; measure a second envelope.";
                case "amdahl" -> "Two envelopes measured: sigma is solved exactly from them and kappa assumed 0.";
                default -> fit.envelopes() == UslFit.MIN_LOADS ? "Three envelopes, three parameters: the fit passes "
                    + "through every point." : "Fitted by least squares to " + fit.envelopes() + " envelopes.";
            });
            out.add(intervals(measured, fit));
        }
        return out;
    }

    /** The smallest core count predicted to hold {@code target}, with interval, margin and the memory it needs. */
    private static List<String> predictedFor(int target, EnvelopeFit fit) {
        List<String> out = new ArrayList<>();
        int cores = 0;
        int safe = 0;
        for (int c = 1; c <= MAX_CORES && safe == 0; c++) {
            Estimate e = fit.byCores(c);
            if (cores == 0 && e.value() != null && e.value() >= target) {
                cores = c;
            }
            if (e.low() != null && e.low() >= target) {
                safe = c;
            }
        }
        if (cores == 0) {
            Usl u = fit.cores().usl();
            out.add(String.format(Locale.ROOT, "Predicted: no envelope up to %d cores holds %d active users: "
                + "the fit peaks at %.0f users%s.", MAX_CORES, target, Math.min(u.peakThroughput(),
                u.throughputAt(MAX_CORES)), extrapolation(MAX_CORES, fit)));
            return out;
        }
        SizingResult.Prediction p = fit.predict(cores + " cores", cores, null, target);
        out.add(String.format(Locale.ROOT, "Predicted: %d %s hold %d active users (%s predicted, a %s margin)%s.",
            cores, cores == 1 ? "core" : "cores", target, users(p.users()), percent(p.marginPercent()),
            extrapolation(cores, fit)));
        if (safe != cores && fit.samples() > 0) {
            out.add(safe == 0 ? String.format(Locale.ROOT, "The interval's low end stays under %d at every core count "
                + "up to %d: the fit cannot promise it with 95%% confidence.", target, MAX_CORES) : String.format(Locale.ROOT, "At the low end of the interval, %d "
                + "active users need %d cores%s.", target, safe, extrapolation(safe, fit)));
        }
        Estimate needs = fit.memoryAt(target);
        if (needs != null) {
            out.add(String.format(Locale.ROOT, "Memory for %d active users: the target's peak resident memory is "
                + "predicted at %s MB; an envelope with less memory than that is bound by memory, not cores.", target,
                users(needs)));
        }
        return out;
    }

    /** Memory: the line, and whether it set any measured ceiling, with the figures. */
    private static String memory(List<SizingResult.Measured> measured, Integer target, EnvelopeFit fit) {
        List<SizingResult.Measured> observed = measured.stream().filter(m -> m.memoryShare() != null).toList();
        if (observed.isEmpty()) {
            return measured.stream().anyMatch(m -> m.ceilingUsers() != null) ? "Memory: not observed by these runs "
                + "(capacity runs before rcbench recorded it, or a real target without a Prometheus endpoint): the "
                + "predictions assume memory does not bind." : null;
        }
        StringBuilder b = new StringBuilder("Memory: ");
        SizingResult.MemoryModel m = fit.memoryModel();
        if (m != null) {
            b.append(String.format(Locale.ROOT, "peak resident memory grows %s MB per active user from %s MB (%d "
                + "levels, %d-%d users). ", num(m.mbPerUser(), 2), users(m.baseMb()), m.levels(), m.fromUsers(),
                m.toUsers()));
        }
        List<SizingResult.Measured> bound = observed.stream().filter(x -> "memory".equals(x.binding())).toList();
        if (bound.isEmpty()) {
            double lo = observed.stream().mapToDouble(SizingResult.Measured::memoryShare).min().orElse(0);
            double hi = observed.stream().mapToDouble(SizingResult.Measured::memoryShare).max().orElse(0);
            String used = Math.round(100 * lo) == Math.round(100 * hi) ? String.format(Locale.ROOT, "%.0f%%", 100 * hi)
                : String.format(Locale.ROOT, "%.0f-%.0f%%", 100 * lo, 100 * hi);
            b.append("At the measured ceilings (and the failures above them) it used ").append(used).append(" of the "
                + "envelope's memory: memory was not the binding limit in the measured range; cores were.");
        } else {
            bound.forEach(x -> b.append(String.format(Locale.ROOT, "%s: resident memory reached %.0f%% of its %d MB "
                + "at its ceiling of %d: memory, not cores, set it (kept out of the cores fit). ", x.envelope().name(),
                100 * x.memoryShare(), x.envelope().memoryMb(), x.ceilingUsers())));
        }
        return b.toString().trim();
    }

    private static String intervals(List<SizingResult.Measured> measured, EnvelopeFit fit) {
        if (fit.samples() == 0) {
            return "No intervals were computed.";
        }
        long exact = measured.stream().filter(m -> m.ceilingUsers() != null && m.lowestFailedUsers() == null).count();
        return String.format(Locale.ROOT, "Intervals are 95%% over %d resamples: each envelope's ceiling drawn within "
            + "its own search resolution [ceiling, lowest failure above it)%s%s%s.", fit.samples(),
            fit.envelopesResampled() ? ", the envelopes themselves resampled" : " (too few envelopes to resample "
                + "them: the interval does not include the model's own error)",
            fit.memoryModel() != null ? ", the memory line refitted to resampled levels" : "",
            exact == 0 ? "" : "; " + exact + " ceiling" + (exact == 1 ? " had" : "s had") + " no failure above it "
                + "and count" + (exact == 1 ? "s" : "") + " as exact (the true ceiling may be higher)");
    }

    /** The answer to {@code --envelope}. */
    private static String query(SizingResult.Prediction p, Integer target) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Envelope %s: predicted to hold %s active "
            + "users, bound by %s", p.label(), users(p.users()), p.binding()));
        b.append(String.format(Locale.ROOT, " (its cores hold %s", users(p.byCores())));
        if (p.byMemory() != null) {
            b.append(String.format(Locale.ROOT, ", its memory %s", users(p.byMemory())));
        }
        b.append(')');
        if (target != null && p.marginPercent() != null) {
            b.append(String.format(Locale.ROOT, "; a %s margin against the documented %d", percent(p.marginPercent()),
                target));
        }
        if (!p.note().isEmpty()) {
            b.append("; ").append(p.note());
        }
        return b.append('.').toString();
    }

    /** {@code 71 [65, 78]}: an estimate in whole users (or MB), unbounded sides said so. */
    static String users(Estimate e) {
        return num(e, 0);
    }

    private static String num(Estimate e, int decimals) {
        String f = "%." + decimals + "f";
        String v = e.value() == null ? "unbounded" : String.format(Locale.ROOT, f, e.value());
        if (e.low() == null && e.high() == null) {
            return v;
        }
        return v + " [" + (e.low() == null ? "unbounded" : String.format(Locale.ROOT, f, e.low())) + ", "
            + (e.high() == null ? "unbounded" : String.format(Locale.ROOT, f, e.high())) + "]";
    }

    private static String percent(Estimate e) {
        String v = String.format(Locale.ROOT, "%.0f%%", e.value() == null ? Double.NaN : e.value());
        if (e.low() == null || e.high() == null) {
            return v;
        }
        return v + String.format(Locale.ROOT, " [%.0f%%, %.0f%%]", e.low(), e.high());
    }

    private static String extrapolation(double cores, EnvelopeFit fit) {
        return EnvelopeFit.outside(cores, fit.coresLo(), fit.coresHi()) ? ": an extrapolation beyond the measured "
            + measuredCores(fit.coresLo(), fit.coresHi()) : "";
    }

    /** {@code 1-8 cores}, or {@code 1 core} when one core count was measured. */
    static String measuredCores(double lo, double hi) {
        return lo == hi ? label(lo, null) : fmt(lo) + "-" + fmt(hi) + " cores";
    }

    /** {@code 2 cores, 4096 MB}, or {@code 2 cores} without memory. */
    static String label(double cores, Long memoryMb) {
        return fmt(cores) + (cores == 1 ? " core" : " cores") + (memoryMb == null ? "" : ", " + memoryMb + " MB");
    }

    static String fmt(double cores) {
        return cores == Math.rint(cores) ? String.valueOf((long) cores) : String.valueOf(cores);
    }
}
