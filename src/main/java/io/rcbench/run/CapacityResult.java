package io.rcbench.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code capacity.json}: the curve a capacity search measured, one {@link Step} per concurrency level, with the
 * knee (where latency starts to climb faster than load) and the ceiling (the highest level that still passed its
 * SLOs). Written by the capacity search into the run folder; read by the report.
 *
 * @param profile      the profile whose SLOs judged each step, or {@code null}
 * @param steps        levels in the order they were run (the report sorts them by users)
 * @param slos         the latency limits the steps were judged by, drawn as the SLO band
 * @param kneeUsers    active users at the knee, or {@code null} when none was found
 * @param ceilingUsers the highest active users that passed, or {@code null} when no step passed
 * @param documentedActiveUsers the profile's documented concurrently active users, or {@code null}
 * @param envelope     the hardware envelope the profile describes (what the embedded workspace was held to, or
 *                     what the real target was declared to be), or {@code null}
 * @param model        the scalability model fitted to the steps, or {@code null} when it could not be fitted
 */
public record CapacityResult(String profile, List<Step> steps, List<Slo> slos, Integer kneeUsers,
                             Integer ceilingUsers, Integer documentedActiveUsers, Envelope envelope,
                             ScalabilityModel model) {
    public static final String FILE = "capacity.json";

    public CapacityResult {
        steps = steps == null ? List.of() : List.copyOf(steps);
        slos = slos == null ? List.of() : List.copyOf(slos);
    }

    /** A curve without documented figures, envelope or model (tests, older folders). */
    public CapacityResult(String profile, List<Step> steps, List<Slo> slos, Integer kneeUsers, Integer ceilingUsers) {
        this(profile, steps, slos, kneeUsers, ceilingUsers, null, null, null);
    }

    /** This result with {@code model} attached. */
    public CapacityResult withModel(ScalabilityModel model) {
        return new CapacityResult(profile, steps, slos, kneeUsers, ceilingUsers, documentedActiveUsers, envelope, model);
    }

    /** This result with {@code envelope} in place of its own. */
    public CapacityResult withEnvelope(Envelope envelope) {
        return new CapacityResult(profile, steps, slos, kneeUsers, ceilingUsers, documentedActiveUsers, envelope, model);
    }

    /**
     * The envelope a search ran against, as the sizing page compares them.
     *
     * @param name        a label such as {@code 2 cores, 512 MB}
     * @param cores       CPU cores the profile declared
     * @param memoryMb    memory in MB
     * @param heldToCores the cores the embedded workspace was actually pinned to (fewer than {@code cores} when the
     *                    machine has fewer), or {@code null} on a real target
     */
    public record Envelope(String name, double cores, long memoryMb, Integer heldToCores) {
        /** The cores that did the work: {@code heldToCores} when known, else the declared {@code cores}. */
        public double effectiveCores() {
            return heldToCores == null ? cores : Math.min(cores, heldToCores);
        }
    }

    /**
     * One level of the search, measured over its hold window.
     *
     * @param activeUsers    users acting at this level
     * @param actions        per action name: corrected latency percentiles
     * @param delivery       cross-user delivery latency, or {@code null}
     * @param throughputPerSec completed actions per second
     * @param errors         failed actions
     * @param pass           whether every SLO held at this level
     * @param completedPerSec per action name: completed actions per second (empty in folders written before it)
     * @param probe          a level run past the ceiling only to measure throughput for the model; it does not
     *                       move the ceiling
     * @param memory         the target's resident memory as observed at the end of this level, or {@code null}
     *                       when it was not observed (older folders, a real target without a Prometheus endpoint)
     */
    public record Step(int activeUsers, Map<String, Latency> actions, Latency delivery, double throughputPerSec,
                       long errors, boolean pass, Map<String, Double> completedPerSec, boolean probe, Memory memory) {
        public Step {
            actions = actions == null ? Map.of() : Map.copyOf(actions);
            completedPerSec = completedPerSec == null ? Map.of() : Map.copyOf(completedPerSec);
        }

        /** A step without memory observations. */
        public Step(int activeUsers, Map<String, Latency> actions, Latency delivery, double throughputPerSec,
                    long errors, boolean pass, Map<String, Double> completedPerSec, boolean probe) {
            this(activeUsers, actions, delivery, throughputPerSec, errors, pass, completedPerSec, probe, null);
        }

        /** A search step without per-action throughput. */
        public Step(int activeUsers, Map<String, Latency> actions, Latency delivery, double throughputPerSec,
                    long errors, boolean pass) {
            this(activeUsers, actions, delivery, throughputPerSec, errors, pass, Map.of(), false);
        }
    }

    /**
     * The target's resident memory (RSS) at one level, in MB; either may be {@code null} when not observed.
     *
     * @param residentMb     resident memory when the level ended (the steady figure: after the hold)
     * @param peakResidentMb the highest resident memory over the level ({@code VmHWM} of the embedded workspace,
     *                       a fresh process per level)
     */
    public record Memory(Long residentMb, Long peakResidentMb) {
        /** The peak when known, else the steady figure, else {@code null}: what a memory limit is measured against. */
        @JsonIgnore
        public Long highestMb() {
            return peakResidentMb != null ? peakResidentMb : residentMb;
        }
    }

    /** Latency percentiles in milliseconds; {@code p50Ms} may be {@code null} for delivery. */
    public record Latency(Double p50Ms, double p95Ms, double p99Ms) {
        /** The value at {@code percentile} 50, 95 or 99, or {@code null}. */
        @JsonIgnore
        public Double at(int percentile) {
            return switch (percentile) {
                case 50 -> p50Ms;
                case 95 -> p95Ms;
                case 99 -> p99Ms;
                default -> null;
            };
        }
    }

    /** A limit: {@code metric} (an action or {@code delivery}) at {@code percentile} (50, 95, 99) under {@code maxMs}. */
    public record Slo(String metric, int percentile, double maxMs) {
    }

    /** Reads {@code capacity.json} from a run folder, or empty when the run was not a capacity run. */
    public static Optional<CapacityResult> read(Path runDir) throws IOException {
        Path f = runDir.resolve(FILE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunFolder.json().readValue(f.toFile(), CapacityResult.class));
        } catch (IOException e) {
            throw new IOException(f + ": not a capacity result: " + e.getMessage(), e);
        }
    }

    public void write(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        RunFolder.json().writeValue(runDir.resolve(FILE).toFile(), this);
    }
}
