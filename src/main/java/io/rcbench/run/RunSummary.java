package io.rcbench.run;

import java.util.Map;

/**
 * {@code summary.json}: what a run was and what it counted. Latency distributions are not here but in the interval
 * log; times are epoch milliseconds or milliseconds since {@link #startEpochMs()} as named.
 *
 * @param runId        folder name, e.g. {@code 20261201-061500-minimal-vps}
 * @param rcbench      rcbench version that wrote the run
 * @param profile      profile name, or {@code null} for an ad-hoc run
 * @param target       what was measured
 * @param phases       ramp and hold windows; verdicts use the hold window only
 * @param actions      per action name ({@code sendMessage}, {@code login}...): attempted, ok, failed, late, missed
 * @param errors       failures by reason ({@code timeout}, {@code rate-limited}, {@code disconnected},
 *                     {@code server-error}, {@code protocol-error}), over the whole run
 * @param deliveries   cross-user message deliveries expected, received and lost (never arrived)
 * @param injector     the injector's own health: a saturated injector makes a verdict INCONCLUSIVE
 * @param shards       number of injector shards merged into this run (1 for a single injector)
 * @param interrupted  true when the run was stopped early (Ctrl-C, sustained breach): figures cover what ran
 * @param gatlingReport path of Gatling's own report relative to the run folder, or {@code null}
 * @param client       failures inside the injector's client, whole run; null in folders written before it existed
 * @param targetSettings settings the run changed on the target ({@code --relax-rate-limits}) and whether they were
 *                      put back, or {@code null} when nothing was changed
 * @param holdDeliveries deliveries of the messages sent in the hold window (what the verdict judges), or
 *                      {@code null} in folders written before it was kept (the whole run's then stand in)
 */
public record RunSummary(String runId, String rcbench, String profile, long startEpochMs, long endEpochMs,
                         TargetInfo target, Phases phases, Map<String, ActionCounts> actions, Map<String, Long> errors,
                         Deliveries deliveries, InjectorSummary injector, int shards, boolean interrupted,
                         String gatlingReport, ClientFailures client, ChangedSettings targetSettings,
                         Deliveries holdDeliveries) {

    /** A summary without client failure counts that changed no setting on its target (tools and tests). */
    public RunSummary(String runId, String rcbench, String profile, long startEpochMs, long endEpochMs,
                      TargetInfo target, Phases phases, Map<String, ActionCounts> actions, Map<String, Long> errors,
                      Deliveries deliveries, InjectorSummary injector, int shards, boolean interrupted,
                      String gatlingReport) {
        this(runId, rcbench, profile, startEpochMs, endEpochMs, target, phases, actions, errors, deliveries, injector,
            shards, interrupted, gatlingReport, null, null, null);
    }

    /** This summary pointing at Gatling's report elsewhere (a run folder copied from another). */
    public RunSummary withGatlingReport(String path) {
        return new RunSummary(runId, rcbench, profile, startEpochMs, endEpochMs, target, phases, actions, errors,
            deliveries, injector, shards, interrupted, path, client, targetSettings, holdDeliveries);
    }

    /** This summary as one of {@code n} shards of a run. */
    public RunSummary withShards(int n) {
        return new RunSummary(runId, rcbench, profile, startEpochMs, endEpochMs, target, phases, actions, errors,
            deliveries, injector, n, interrupted, gatlingReport, client, targetSettings, holdDeliveries);
    }

    /**
     * What went wrong inside the injector's client over the whole run, beside the actions' own failures: listener
     * exceptions, frames it could not decode, DDP {@code error} frames, method calls that timed out (each also fails
     * its action when it belongs to one), and message receipts that matched no send of this injector. The first three
     * are also in {@link #errors()} by reason and count against the error SLO.
     */
    public record ClientFailures(long listenerErrors, long malformedFrames, long protocolErrors, long callTimeouts,
                                 long unmatchedDeliveries) {
        public static final ClientFailures NONE = new ClientFailures(0, 0, 0, 0, 0);
        /** The name of {@link #unmatchedDeliveries()} in {@link #nonZero()}. */
        public static final String UNMATCHED = "receipts matching no send";

        public ClientFailures plus(ClientFailures o) {
            return o == null ? this : new ClientFailures(listenerErrors + o.listenerErrors,
                malformedFrames + o.malformedFrames, protocolErrors + o.protocolErrors, callTimeouts + o.callTimeouts,
                unmatchedDeliveries + o.unmatchedDeliveries);
        }

        /** The non-zero counts by their names in files and reports, in a fixed order. */
        public Map<String, Long> nonZero() {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            put(out, "listener exceptions", listenerErrors);
            put(out, "malformed frames", malformedFrames);
            put(out, "DDP error frames", protocolErrors);
            put(out, "call timeouts", callTimeouts);
            put(out, UNMATCHED, unmatchedDeliveries);
            return out;
        }

        private static void put(Map<String, Long> m, String k, long v) {
            if (v != 0) {
                m.put(k, v);
            }
        }
    }

    /**
     * Settings switched on the target for the run: each with its value before and during the run (JSON text), and
     * whether all were put back at the end; {@code restoreFailures} names those that were not, and why.
     */
    public record ChangedSettings(java.util.List<Setting> changed, boolean restored,
                                  java.util.List<String> restoreFailures) {
        /** One setting. */
        public record Setting(String id, String before, String during) {
        }
    }

    /** The measured target. {@code url} never carries credentials. */
    public record TargetInfo(String kind, String product, String version, String url, Integer cores, Integer memoryMb,
                             Integer instances) {
    }

    /** The deliveries the verdict judges: those of the hold window, or the whole run's in older folders. */
    public Deliveries judgedDeliveries() {
        return holdDeliveries != null ? holdDeliveries : deliveries;
    }

    /**
     * Phase boundaries in ms since the run's start; the hold window is [holdStartMs, holdEndMs), whole sampler
     * intervals ({@link HoldWindow}).
     */
    public record Phases(long rampStartMs, long holdStartMs, long holdEndMs, int activeUsers, int connectedUsers,
                         int totalUsers) {
    }

    /** Counts for one action: late = started after its intended time by more than the lateness budget. */
    public record ActionCounts(long attempted, long ok, long failed, long late, long missed) {
        public ActionCounts plus(ActionCounts o) {
            return new ActionCounts(attempted + o.attempted, ok + o.ok, failed + o.failed, late + o.late,
                missed + o.missed);
        }
    }

    public record Deliveries(long expected, long received, long lost) {
        public Deliveries plus(Deliveries o) {
            return new Deliveries(expected + o.expected, received + o.received, lost + o.lost);
        }
    }

    /**
     * Injector health over the run: CPU in percent of all cores, GC pauses and event-loop lag in ms; and this
     * injector's clock against the target's ({@code clockOffsetMs} = target minus injector, from the message
     * timestamps of its sends, best of the run, ± {@code clockUncertaintyMs}), null when not measured. Sharded
     * injectors start at a common wall-clock time, so their offsets bound how well their timelines line up.
     */
    public record InjectorSummary(double cpuMaxPercent, double cpuMeanPercent, long gcMaxPauseMs, long gcTotalPauseMs,
                                  long loopLagMaxMs, int cores, long heapMaxMb, Double clockOffsetMs,
                                  Double clockUncertaintyMs) {
        public InjectorSummary(double cpuMaxPercent, double cpuMeanPercent, long gcMaxPauseMs, long gcTotalPauseMs,
                               long loopLagMaxMs, int cores, long heapMaxMb) {
            this(cpuMaxPercent, cpuMeanPercent, gcMaxPauseMs, gcTotalPauseMs, loopLagMaxMs, cores, heapMaxMb, null, null);
        }
    }
}
