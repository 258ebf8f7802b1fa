package io.rcbench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code sizing.json}: several capacity runs of one profile on different envelopes, how the measured ceiling grows
 * with cores, and the sizing answer. Written by {@code rcbench sizing} (or {@code capacity --envelopes}); read by the
 * sizing page, which is rebuilt from this file alone.
 *
 * @param profile               the profile whose mix and SLOs every run used
 * @param documentedActiveUsers the profile's documented concurrently active users, or {@code null}
 * @param measured              one row per capacity run, by cores
 * @param fit                   the ceiling against cores, as a USL in cores (lambda in users per core), or {@code null}
 *                              when no run found a ceiling
 * @param fitForm               how {@code fit} was obtained: {@code usl} (3+ core counts, least squares),
 *                              {@code amdahl} (2, kappa fixed at 0, exact), {@code linear} (1, sigma and kappa
 *                              assumed 0)
 * @param table                 the documented sizing table (every profile with documented figures) beside the
 *                              measured and predicted ceilings
 * @param answers               the sizing answer in sentences, extrapolations said so
 */
public record SizingResult(String profile, Integer documentedActiveUsers, List<Measured> measured,
                           ScalabilityModel.Usl fit, String fitForm, List<Row> table, List<String> answers) {
    public static final String FILE = "sizing.json";

    public SizingResult {
        measured = List.copyOf(measured);
        table = List.copyOf(table);
        answers = List.copyOf(answers);
    }

    /**
     * One capacity run.
     *
     * @param run          the run folder's name
     * @param envelope     what it ran on
     * @param ceilingUsers the measured ceiling, or {@code null} when even the lowest level failed
     * @param kneeUsers    the measured knee, or {@code null}
     */
    public record Measured(String run, CapacityResult.Envelope envelope, Integer ceilingUsers, Integer kneeUsers) {
    }

    /**
     * One row of the sizing table.
     *
     * @param label                 the envelope or documented profile
     * @param cores                 its cores
     * @param documentedActiveUsers what the documentation says it holds, or {@code null}
     * @param measuredCeilingUsers  what a capacity run measured on it, or {@code null}
     * @param predictedCeilingUsers what the fit predicts for it (with this profile's mix), or {@code null}
     * @param extrapolated          the prediction lies outside the measured cores
     */
    public record Row(String label, double cores, Integer documentedActiveUsers, Integer measuredCeilingUsers,
                      Double predictedCeilingUsers, boolean extrapolated) {
    }

    public static SizingResult read(Path dir) throws IOException {
        try {
            return RunFolder.json().readValue(dir.resolve(FILE).toFile(), SizingResult.class);
        } catch (IOException e) {
            throw new IOException(dir.resolve(FILE) + ": not a sizing result: " + e.getMessage(), e);
        }
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        RunFolder.json().writeValue(dir.resolve(FILE).toFile(), this);
    }
}
