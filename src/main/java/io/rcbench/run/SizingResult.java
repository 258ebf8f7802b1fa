package io.rcbench.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.rcbench.run.ScalabilityModel.Estimate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code sizing.json}: several capacity runs of one profile on different envelopes, how the measured ceiling grows
 * with cores and what memory it needs, and the sizing answer with its intervals. Written by {@code rcbench sizing}
 * (or {@code capacity --envelopes}); read by the sizing page, which is rebuilt from this file alone.
 *
 * @param profile               the profile whose mix and SLOs every run used
 * @param documentedActiveUsers the profile's documented concurrently active users, or {@code null}
 * @param measured              one row per capacity run, by cores
 * @param fit                   the ceiling against cores, as a USL in cores (lambda in users per core), or {@code null}
 *                              when no run found a ceiling that memory did not set
 * @param fitForm               how {@code fit} was obtained: {@code usl} (3+ core counts, least squares),
 *                              {@code amdahl} (2, kappa fixed at 0, exact), {@code linear} (1, sigma and kappa
 *                              assumed 0)
 * @param memory                the target's peak resident memory against active users, or {@code null} when the runs
 *                              did not observe enough of it
 * @param table                 the documented sizing table (every profile with documented figures) beside the
 *                              measured and predicted ceilings
 * @param queries               the envelopes asked about ({@code sizing --envelope}), with what they are predicted to
 *                              hold
 * @param band                  the cores fit from 1 core to the largest envelope in the table, with its pointwise
 *                              95% band ({@code users} is cores, the throughputs are active users), for drawing
 * @param bootstrapSamples      resamples behind every interval (0: no interval)
 * @param answers               the sizing answer in sentences, extrapolations said so
 */
public record SizingResult(String profile, Integer documentedActiveUsers, List<Measured> measured,
                           ScalabilityModel.Usl fit, String fitForm, MemoryModel memory, List<Row> table,
                           List<Prediction> queries, List<ScalabilityModel.BandPoint> band, int bootstrapSamples,
                           List<String> answers) {
    public static final String FILE = "sizing.json";

    public SizingResult {
        measured = List.copyOf(measured);
        table = List.copyOf(table);
        queries = queries == null ? List.of() : List.copyOf(queries);
        band = band == null ? List.of() : List.copyOf(band);
        answers = List.copyOf(answers);
    }

    /**
     * One capacity run.
     *
     * @param run               the run folder's name
     * @param envelope          what it ran on
     * @param ceilingUsers      the measured ceiling, or {@code null} when even the lowest level failed
     * @param kneeUsers         the measured knee, or {@code null}
     * @param lowestFailedUsers the lowest level above the ceiling that did not hold: the true ceiling lies in
     *                          [ceiling, this); {@code null} when none failed above it (the ceiling is a lower bound)
     * @param peakResidentMb    the target's peak resident memory at the ceiling level, or {@code null} if not observed
     * @param memoryShare       the highest resident memory at the ceiling or the failure above it, as a share of
     *                          the envelope's memory; {@code null} if not observed
     * @param binding           what set the ceiling as far as measured: {@code memory} when resident memory reached
     *                          {@code MEMORY_BOUND_SHARE} of the envelope's, else {@code cores}; {@code null} without
     *                          a ceiling
     */
    public record Measured(String run, CapacityResult.Envelope envelope, Integer ceilingUsers, Integer kneeUsers,
                           Integer lowestFailedUsers, Long peakResidentMb, Double memoryShare, String binding) {
        /** The run without memory observations or a failure above its ceiling. */
        public Measured(String run, CapacityResult.Envelope envelope, Integer ceilingUsers, Integer kneeUsers) {
            this(run, envelope, ceilingUsers, kneeUsers, null, null, null, ceilingUsers == null ? null : "cores");
        }
    }

    /**
     * Resident memory against active users over every level of every run: peak RSS = base + perUser x users, least
     * squares, with bootstrap intervals.
     *
     * @param baseMb     the fitted RSS at no users
     * @param mbPerUser  the fitted RSS per active user
     * @param fromUsers  the fewest active users whose memory was observed
     * @param toUsers    the most
     * @param levels     levels with an observation
     */
    public record MemoryModel(Estimate baseMb, Estimate mbPerUser, int fromUsers, int toUsers, int levels) {
    }

    /**
     * What an envelope is predicted to hold.
     *
     * @param label          the envelope as asked or documented
     * @param cores          its cores
     * @param memoryMb       its memory, or {@code null} when not given (memory then bounds nothing)
     * @param users          the active users predicted to be held: the lower of the two bounds below, with the 95%
     *                       interval of that lower value over the resamples
     * @param byCores        what its cores hold by the cores fit
     * @param byMemory       the users at which the predicted peak RSS reaches its memory, or {@code null} when memory
     *                       was not fitted or not given
     * @param binding        {@code cores} or {@code memory}: the lower bound
     * @param marginPercent  the predicted users against the profile's documented count, in percent, with interval;
     *                       {@code null} without a documented count
     * @param extrapolated   the binding bound lies outside what was measured (cores outside the measured cores, or
     *                       users outside the levels whose memory was observed)
     * @param note           what was extrapolated or assumed, in words; empty when nothing
     */
    public record Prediction(String label, double cores, Long memoryMb, Estimate users, Estimate byCores,
                             Estimate byMemory, String binding, Estimate marginPercent, boolean extrapolated,
                             String note) {
    }

    /**
     * One row of the sizing table.
     *
     * @param label                 the envelope or documented profile
     * @param cores                 its cores
     * @param memoryMb              its memory in MB, or {@code null}
     * @param documentedActiveUsers what the documentation says it holds, or {@code null}
     * @param measuredCeilingUsers  what a capacity run measured on it, or {@code null}
     * @param lowestFailedUsers     the lowest failure above the measured ceiling, or {@code null}
     * @param predicted             what the fit predicts for it (with this profile's mix), or {@code null}
     */
    public record Row(String label, double cores, Long memoryMb, Integer documentedActiveUsers,
                      Integer measuredCeilingUsers, Integer lowestFailedUsers, Prediction predicted) {
        /** The predicted users, or {@code null}. */
        @JsonIgnore
        public Double predictedCeilingUsers() {
            return predicted == null ? null : predicted.users().value();
        }

        /** The prediction lies outside the measured range. */
        @JsonIgnore
        public boolean extrapolated() {
            return predicted != null && predicted.extrapolated();
        }
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
