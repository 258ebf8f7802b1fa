package io.rcbench.verdict;

import io.rcbench.profile.Envelope;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares what is known of the target with the profile's envelope, before a run, so the verdict can be read
 * with it ("PASS, but the target had 4 cores, not 1"). Pure.
 */
public final class TargetCheck {
    private TargetCheck() {
    }

    /** One comparison. */
    public record Finding(String what, String profile, String target, Match match) {
        public String line() {
            return switch (match) {
                case MATCH -> what + ": " + target + " (profile " + profile + ")";
                case MISMATCH -> what + ": target " + target + ", profile " + profile + " - MISMATCH";
                case INFO -> what + ": " + target;
                case NOT_CHECKED -> what + ": not observable on this target (profile " + profile + ")";
            };
        }
    }

    /** How a fact compares. */
    public enum Match { MATCH, MISMATCH, INFO, NOT_CHECKED }

    public static List<Finding> check(Envelope e, ObservedTarget t) {
        List<Finding> out = new ArrayList<>();
        out.add(new Finding("target", "", t.source() + t.product().map(p -> ", " + p).orElse("")
            + t.version().map(v -> " " + v).orElse(""), Match.INFO));
        String cores = Format.sig(e.cores());
        out.add(t.cores().isPresent()
            ? compare("cores", cores, Format.sig(t.cores().getAsDouble()), Math.abs(t.cores().getAsDouble() - e.wholeCores()) < 1e-9)
            : new Finding("cores", cores, "", Match.NOT_CHECKED));
        String mem = e.memoryMb() + " MB";
        if (t.memoryMb().isPresent()) {
            out.add(compare("memory limit", mem, t.memoryMb().getAsLong() + " MB", t.memoryMb().getAsLong() <= e.memoryMb()));
        } else {
            out.add(new Finding("memory limit", mem, "", Match.NOT_CHECKED));
        }
        t.residentMemoryMb().ifPresent(rss -> out.add(compare("resident memory", "<= " + mem, rss + " MB",
            rss <= e.memoryMb())));
        String inst = Integer.toString(e.instances());
        out.add(t.instances().isPresent()
            ? compare("instances", inst, Integer.toString(t.instances().getAsInt()), t.instances().getAsInt() == e.instances())
            : new Finding("instances", inst, "", Match.NOT_CHECKED));
        out.add(new Finding("clock", Format.sig(e.clockGhz()) + " GHz", "", Match.NOT_CHECKED));
        out.add(new Finding("disk", e.disk().sizeGb() + " GB " + e.disk().kind().name().toLowerCase(java.util.Locale.ROOT),
            "", Match.NOT_CHECKED));
        return out;
    }

    private static Finding compare(String what, String profile, String target, boolean ok) {
        return new Finding(what, profile, target, ok ? Match.MATCH : Match.MISMATCH);
    }
}
