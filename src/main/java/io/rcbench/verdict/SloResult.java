package io.rcbench.verdict;

/**
 * One SLO checked against a measurement.
 *
 * @param name          what was checked: {@code sendMessage p99}, {@code errors}, {@code lost deliveries}
 * @param outcome       met, missed, or why it was not judged
 * @param measured      the measured value in {@code unit} (NaN when there was nothing to measure)
 * @param threshold     the limit in {@code unit}
 * @param unit          {@code ms}, {@code %} or {@code count}
 * @param marginPercent how far the measured value lies above (+) or below (-) the threshold, percent of the
 *                      threshold; NaN when the threshold is 0 or nothing was measured
 * @param samples       samples behind the value
 * @param text          the line shown to users: {@code sendMessage p99 1.42 s > 1 s by 42% (1,234 samples)}
 */
public record SloResult(String name, Outcome outcome, double measured, double threshold, String unit,
                        double marginPercent, long samples, String text) {
    /** How an SLO came out. */
    public enum Outcome {
        MET,
        MISSED,
        /** Required, with too few samples behind the value: the verdict cannot be PASS. */
        TOO_FEW_SAMPLES,
        /** Not required and too few samples: reported, not judged. */
        NOT_JUDGED
    }
}
