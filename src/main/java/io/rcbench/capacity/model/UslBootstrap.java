package io.rcbench.capacity.model;

import io.rcbench.run.ScalabilityModel.Usl;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Case-resampling bootstrap over the measured steps: draws as many steps as were measured, with replacement, and
 * refits; the spread of the refits is the uncertainty of the fit. A resample with fewer than
 * {@link UslFit#MIN_LOADS} distinct loads cannot be fitted and is drawn again (a bounded number of times). Few or
 * noisy steps give refits that disagree, hence wide intervals: that width is the honest answer. Deterministic for a
 * given seed; not thread-safe (one per analysis).
 *
 * @param samples resamples to draw, > 0
 * @param seed    the random seed
 */
public record UslBootstrap(int samples, long seed) {
    private static final int REDRAWS = 20;

    public UslBootstrap {
        if (samples < 1) {
            throw new IllegalArgumentException("bootstrap samples must be > 0: " + samples);
        }
    }

    /** The refits, one per usable resample (fewer than {@code samples} when some could not be drawn). */
    public List<Usl> refits(List<LoadPoint> points) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Usl> out = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            for (int attempt = 0; attempt < REDRAWS; attempt++) {
                List<LoadPoint> drawn = new ArrayList<>(points.size());
                for (int i = 0; i < points.size(); i++) {
                    drawn.add(points.get(random.nextInt(points.size())));
                }
                if (drawn.stream().mapToDouble(LoadPoint::users).distinct().count() >= UslFit.MIN_LOADS) {
                    out.add(UslFit.fit(drawn));
                    break;
                }
            }
        }
        return out;
    }
}
