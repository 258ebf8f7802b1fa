package io.rcbench.capacity.model;

import io.rcbench.run.ScalabilityModel.Estimate;
import io.rcbench.run.ScalabilityModel.Usl;
import io.rcbench.run.SizingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The sizing model over envelopes, in two dimensions: the measured ceiling against cores ({@link SizingAnalysis#fit})
 * and the target's peak resident memory against active users (a least-squares line). An envelope of {@code c} cores
 * and {@code m} MB is predicted to hold the lower of what {@code c} cores hold and the users at which the predicted
 * peak RSS reaches {@code m}; that lower bound is the binding dimension.
 *
 * <p>The point fit goes through the middle of each envelope's bracket. Intervals come from paired bootstrap refits: in each resample every envelope's ceiling is drawn uniformly
 * within its own search resolution, [ceiling, lowest failure above it) (a ceiling without a failure above it is
 * taken as measured), and, with more envelopes than the fit has parameters, the envelopes are resampled too; the
 * memory line is refitted to the levels resampled with replacement. Deterministic for a seed. Pure.
 */
final class EnvelopeFit {
    /** One envelope's measured ceiling: the true ceiling lies in [{@code users}, {@code failedAt}). */
    record Ceiling(double cores, int users, Integer failedAt) {
        /** The middle of the bracket, the expected true ceiling when it is equally likely anywhere in it. */
        double middle() {
            return bracketed() ? (users + failedAt) / 2.0 : users;
        }

        boolean bracketed() {
            return failedAt != null && failedAt > users;
        }
    }

    /** One level's observed peak resident memory. */
    record Rss(double users, double mb) {
    }

    /** Peak RSS = base + perUser x users. */
    record Line(double base, double perUser) {
        /** The users at which the line reaches {@code mb}: +infinity when it does not grow, 0 when base is over. */
        double usersAt(double mb) {
            return perUser <= 0 ? Double.POSITIVE_INFINITY : Math.max(0, (mb - base) / perUser);
        }

        double mbAt(double users) {
            return base + perUser * users;
        }
    }

    private final SizingAnalysis.Fit cores;
    private final Line memory;
    private final List<Usl> coreRefits;
    private final List<Line> memoryRefits;
    private final double coresLo;
    private final double coresHi;
    private final int usersLo;
    private final int usersHi;
    private final int levels;
    private final boolean envelopesResampled;
    private final int envelopes;

    private EnvelopeFit(SizingAnalysis.Fit cores, Line memory, List<Usl> coreRefits, List<Line> memoryRefits,
                        double coresLo, double coresHi, int usersLo, int usersHi, int levels,
                        boolean envelopesResampled, int envelopes) {
        this.cores = cores;
        this.memory = memory;
        this.coreRefits = coreRefits;
        this.memoryRefits = memoryRefits;
        this.coresLo = coresLo;
        this.coresHi = coresHi;
        this.usersLo = usersLo;
        this.usersHi = usersHi;
        this.levels = levels;
        this.envelopesResampled = envelopesResampled;
        this.envelopes = envelopes;
    }

    /** Fits both dimensions and draws {@code samples} paired refits (none when {@code samples} is 0). */
    static EnvelopeFit of(List<Ceiling> ceilings, List<Rss> rss, int samples, long seed) {
        SizingAnalysis.Fit cores = SizingAnalysis.fit(ceilings.stream().map(c -> new LoadPoint(c.cores(), c.middle()))
            .toList());
        Line memory = line(rss);
        SplittableRandom random = new SplittableRandom(seed);
        long distinctCores = ceilings.stream().mapToDouble(Ceiling::cores).distinct().count();
        // resampling envelopes needs more of them than the fit has parameters, or every resample is the fit itself
        boolean resampleEnvelopes = ceilings.size() > UslFit.MIN_LOADS && distinctCores >= UslFit.MIN_LOADS;
        List<Usl> coreRefits = new ArrayList<>();
        List<Line> memoryRefits = new ArrayList<>();
        for (int s = 0; s < samples && (cores != null || memory != null); s++) {
            if (cores != null) {
                List<Ceiling> drawn = resampleEnvelopes ? draw(ceilings, random) : ceilings;
                coreRefits.add(SizingAnalysis.fit(drawn.stream().map(c -> new LoadPoint(c.cores(), !c.bracketed()
                    ? c.users() : c.users() + random.nextDouble() * (c.failedAt() - c.users()))).toList()).usl());
            }
            if (memory != null) {
                Line refit = null;
                for (int attempt = 0; attempt < 20 && refit == null; attempt++) {
                    List<Rss> drawn = new ArrayList<>(rss.size());
                    for (int i = 0; i < rss.size(); i++) {
                        drawn.add(rss.get(random.nextInt(rss.size())));
                    }
                    refit = line(drawn);
                }
                memoryRefits.add(refit == null ? memory : refit);
            }
        }
        return new EnvelopeFit(cores, memory, coreRefits, memoryRefits,
            ceilings.stream().mapToDouble(Ceiling::cores).min().orElse(0),
            ceilings.stream().mapToDouble(Ceiling::cores).max().orElse(0),
            (int) rss.stream().mapToDouble(Rss::users).min().orElse(0),
            (int) rss.stream().mapToDouble(Rss::users).max().orElse(0), rss.size(), resampleEnvelopes, ceilings.size());
    }

    /** An envelope resample with at least as many distinct cores as the fit needs (a bounded number of redraws). */
    private static List<Ceiling> draw(List<Ceiling> ceilings, SplittableRandom random) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Ceiling> drawn = new ArrayList<>(ceilings.size());
            for (int i = 0; i < ceilings.size(); i++) {
                drawn.add(ceilings.get(random.nextInt(ceilings.size())));
            }
            if (drawn.stream().mapToDouble(Ceiling::cores).distinct().count() >= UslFit.MIN_LOADS) {
                return drawn;
            }
        }
        return ceilings;
    }

    /** Least squares through the points; {@code null} with fewer than two distinct loads. */
    static Line line(List<Rss> points) {
        if (points.stream().mapToDouble(Rss::users).distinct().count() < 2) {
            return null;
        }
        double mx = points.stream().mapToDouble(Rss::users).average().orElseThrow();
        double my = points.stream().mapToDouble(Rss::mb).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (Rss p : points) {
            sxy += (p.users() - mx) * (p.mb() - my);
            sxx += (p.users() - mx) * (p.users() - mx);
        }
        double slope = sxy / sxx;
        return new Line(my - slope * mx, slope);
    }

    SizingAnalysis.Fit cores() {
        return cores;
    }

    /** The memory line with its intervals, or {@code null} when memory was not observed at two loads. */
    SizingResult.MemoryModel memoryModel() {
        if (memory == null) {
            return null;
        }
        return new SizingResult.MemoryModel(estimate(memory.base(), i -> memoryRefits.get(i).base(), memoryRefits.size()),
            estimate(memory.perUser(), i -> memoryRefits.get(i).perUser(), memoryRefits.size()), usersLo, usersHi,
            levels);
    }

    int samples() {
        return Math.max(coreRefits.size(), memoryRefits.size());
    }

    /** The envelopes the cores fit rests on (those with a ceiling memory did not set). */
    int envelopes() {
        return envelopes;
    }

    boolean envelopesResampled() {
        return envelopesResampled;
    }

    double coresLo() {
        return coresLo;
    }

    double coresHi() {
        return coresHi;
    }

    /** The peak RSS predicted at {@code users}, with interval; {@code null} without a memory line. */
    Estimate memoryAt(double users) {
        return memory == null ? null : estimate(memory.mbAt(users), i -> memoryRefits.get(i).mbAt(users),
            memoryRefits.size());
    }

    /** What {@code cores} hold by the cores fit alone, with interval; {@code null} without a fit. */
    Estimate byCores(double cores) {
        return this.cores == null ? null : estimate(this.cores.usl().throughputAt(cores),
            i -> coreRefits.get(i).throughputAt(cores), coreRefits.size());
    }

    /**
     * What an envelope is predicted to hold; {@code null} without a cores fit.
     *
     * @param memoryMb {@code null}: memory bounds nothing (not given)
     * @param target   the documented count the margin is taken against, or {@code null}
     */
    SizingResult.Prediction predict(String label, double cores, Long memoryMb, Integer target) {
        if (this.cores == null) {
            return null;
        }
        boolean byMemory = memory != null && memoryMb != null;
        IntToDoubleFunction bound = i -> Math.min(coreRefits.get(i).throughputAt(cores),
            byMemory ? memoryRefits.get(i).usersAt(memoryMb) : Double.POSITIVE_INFINITY);
        double coreUsers = this.cores.usl().throughputAt(cores);
        double memUsers = byMemory ? memory.usersAt(memoryMb) : Double.POSITIVE_INFINITY;
        double users = Math.min(coreUsers, memUsers);
        String binding = memUsers < coreUsers ? "memory" : "cores";
        List<String> notes = new ArrayList<>();
        boolean extrapolated;
        if (binding.equals("cores")) {
            extrapolated = outside(cores, coresLo, coresHi);
            if (extrapolated) {
                notes.add("an extrapolation beyond the measured " + SizingAnalysis.measuredCores(coresLo, coresHi));
            }
        } else {
            extrapolated = outside(memUsers, usersLo, usersHi);
            if (extrapolated) {
                notes.add(String.format(Locale.ROOT, "an extrapolation of resident memory beyond the %d-%d active "
                    + "users it was observed at", usersLo, usersHi));
            }
        }
        if (memoryMb != null && memory == null) {
            notes.add("memory not observed: assumed not to bind");
        } else if (memoryMb == null) {
            notes.add("no memory given: cores only");
        }
        int n = coreRefits.size();
        Estimate margin = target == null ? null : estimate(100 * (users - target) / target,
            i -> 100 * (bound.applyAsDouble(i) - target) / target, n);
        return new SizingResult.Prediction(label, cores, memoryMb, estimate(users, bound, n), byCores(cores),
            byMemory ? estimate(memUsers, i -> memoryRefits.get(i).usersAt(memoryMb), n) : null, binding, margin,
            extrapolated, String.join("; ", notes));
    }

    private static Estimate estimate(double value, IntToDoubleFunction refit, int n) {
        return Intervals.of(value, IntStream.range(0, n).boxed().toList(), refit::applyAsDouble);
    }

    static boolean outside(double x, double lo, double hi) {
        return x < lo - 1e-9 || x > hi + 1e-9;
    }
}
