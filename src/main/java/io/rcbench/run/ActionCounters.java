package io.rcbench.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-action counts (attempted, ok, failed, late, missed) and failures by reason, cumulative; cheap to update from
 * any thread. {@link #takeInterval()} gives the completions and errors since its previous call (one sampler).
 */
public final class ActionCounters {
    private static final int ATTEMPTED = 0, OK = 1, FAILED = 2, LATE = 3, MISSED = 4;
    private final Map<String, LongAdder[]> actions = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, Long> lastCompleted = new ConcurrentHashMap<>();
    private final Map<String, Long> lastErrors = new ConcurrentHashMap<>();

    private LongAdder[] of(String action) {
        return actions.computeIfAbsent(action, k -> {
            LongAdder[] a = new LongAdder[5];
            for (int i = 0; i < a.length; i++) {
                a[i] = new LongAdder();
            }
            return a;
        });
    }

    /** An action started; {@code late} when it started after its intended time by more than the budget. */
    public void started(String action, boolean late) {
        LongAdder[] a = of(action);
        a[ATTEMPTED].increment();
        if (late) {
            a[LATE].increment();
        }
    }

    public void succeeded(String action) {
        of(action)[OK].increment();
    }

    public void failed(String action, ErrorReason reason) {
        of(action)[FAILED].increment();
        errors.computeIfAbsent(reason.key(), k -> new LongAdder()).increment();
    }

    /** Arrivals that were scheduled but never started (the run ended or the user was stopped first). */
    public void missed(String action, long n) {
        if (n > 0) {
            of(action)[MISSED].add(n);
        }
    }

    /** A failure outside any action (a malformed frame, a disconnect while idle). */
    public void error(ErrorReason reason) {
        error(reason, 1);
    }

    /** {@code n} failures outside any action. */
    public void error(ErrorReason reason, long n) {
        if (n > 0) {
            errors.computeIfAbsent(reason.key(), k -> new LongAdder()).add(n);
        }
    }

    public Map<String, RunSummary.ActionCounts> totals() {
        Map<String, RunSummary.ActionCounts> out = new TreeMap<>();
        actions.forEach((k, a) -> out.put(k, new RunSummary.ActionCounts(a[ATTEMPTED].sum(), a[OK].sum(),
            a[FAILED].sum(), a[LATE].sum(), a[MISSED].sum())));
        return out;
    }

    public Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Completed actions (ok + failed) per action and errors per reason since the previous call. */
    public synchronized Interval takeInterval() {
        Map<String, Long> done = new TreeMap<>();
        actions.forEach((k, a) -> {
            long now = a[OK].sum() + a[FAILED].sum();
            long d = now - lastCompleted.getOrDefault(k, 0L);
            lastCompleted.put(k, now);
            if (d > 0) {
                done.put(k, d);
            }
        });
        Map<String, Long> errs = new TreeMap<>();
        errors.forEach((k, v) -> {
            long now = v.sum();
            long d = now - lastErrors.getOrDefault(k, 0L);
            lastErrors.put(k, now);
            if (d > 0) {
                errs.put(k, d);
            }
        });
        return new Interval(done, errs);
    }

    /** What happened in one sampling interval. */
    public record Interval(Map<String, Long> completed, Map<String, Long> errors) {
    }
}
