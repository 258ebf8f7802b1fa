package io.rcbench.verdict;

import io.rcbench.profile.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares what was observed of the target with the profile's envelope, so the verdict says what was really
 * tested. A target with less than the envelope ({@link Match#SMALLER}: fewer CPUs than the profile's cores, a smaller
 * heap) or more ({@link Match#LARGER}: more CPUs, more memory used than the envelope has) was not held to it: a run
 * on other hardware than the claim says nothing about the claim, and {@link #inconclusiveReasons} makes the verdict
 * INCONCLUSIVE, unless the user allowed a smaller envelope explicitly. The injector running on the target's CPUs is
 * said ({@link Match#SHARED}) but does not by itself change the verdict. Pure.
 */
public final class TargetCheck {
    /** A heap the JVM reports at least this share of the envelope's memory is the envelope's (survivor spaces). */
    static final double HEAP_TOLERANCE = 0.9;

    private TargetCheck() {
    }

    /** One comparison. */
    public record Finding(String what, String profile, String target, Match match) {
        public String line() {
            return switch (match) {
                case MATCH -> what + ": " + target + " (profile " + profile + ")";
                case SMALLER -> what + ": target " + target + ", profile " + profile
                    + " - SMALLER than the profile's envelope";
                case LARGER -> what + ": target " + target + ", profile " + profile
                    + " - LARGER than the profile's envelope";
                case SHARED -> what + ": " + target + " - SHARED";
                case INFO -> what + ": " + target + (profile.isEmpty() ? "" : " (profile " + profile + ")");
                case NOT_CHECKED -> what + ": not observable on this target (profile " + profile + ")";
            };
        }

        /** True when this fact shows the target was not held to the envelope. */
        public boolean envelopeNotHeld() {
            return match == Match.SMALLER || match == Match.LARGER;
        }
    }

    /** How a fact compares. */
    public enum Match { MATCH, SMALLER, LARGER, SHARED, INFO, NOT_CHECKED }

    public static List<Finding> check(Envelope e, ObservedTarget t) {
        List<Finding> out = new ArrayList<>();
        out.add(new Finding("target", "", t.source() + t.product().map(p -> ", " + p).orElse("")
            + t.version().map(v -> " " + v).orElse(""), Match.INFO));
        String cores = Format.sig(e.cores());
        if (t.cores().isPresent()) {
            double c = t.cores().getAsDouble();
            String seen = Format.sig(c) + t.cpuList().map(l -> " (CPUs " + l + ")").orElse("");
            out.add(new Finding("cores", cores, seen, order(c, e.wholeCores())));
        } else {
            out.add(new Finding("cores", cores, "", Match.NOT_CHECKED));
        }
        t.cpuSharing().ifPresent(s -> out.add(s.shared()
            ? new Finding("CPU sharing", "", "the injector runs on CPUs " + s.injectorCpus() + ", too: the machine has"
                + " too few CPUs to pin them apart, the target's figures include the injector's work", Match.SHARED)
            : new Finding("CPU sharing", "", "none: the injector runs on CPUs " + s.injectorCpus(), Match.INFO)));
        String mem = e.memoryMb() + " MB";
        if (t.memoryMb().isPresent()) {
            long m = t.memoryMb().getAsLong();
            Match match = m > e.memoryMb() ? Match.LARGER : m < HEAP_TOLERANCE * e.memoryMb() ? Match.SMALLER : Match.MATCH;
            out.add(new Finding("memory limit", mem, m + " MB", match));
        } else {
            out.add(new Finding("memory limit", mem, "", Match.NOT_CHECKED));
        }
        t.residentMemoryMb().ifPresent(rss -> out.add(new Finding("resident memory", "<= " + mem, rss + " MB",
            rss <= e.memoryMb() ? Match.MATCH : Match.LARGER)));
        t.peakResidentMemoryMb().ifPresent(rss -> out.add(new Finding("peak resident memory", "<= " + mem, rss + " MB",
            rss <= e.memoryMb() ? Match.MATCH : Match.LARGER)));
        String inst = Integer.toString(e.instances());
        out.add(t.instances().isPresent()
            ? new Finding("instances", inst, Integer.toString(t.instances().getAsInt()),
                order(t.instances().getAsInt(), e.instances()))
            : new Finding("instances", inst, "", Match.NOT_CHECKED));
        out.add(new Finding("clock", Format.sig(e.clockGhz()) + " GHz", "", Match.NOT_CHECKED));
        String disk = e.disk().sizeGb() + " GB " + e.disk().kind().name().toLowerCase(Locale.ROOT);
        out.add(t.disk().isPresent()
            ? new Finding("disk", disk + ", not enforced", t.disk().get(), Match.INFO)
            : new Finding("disk", disk, "", Match.NOT_CHECKED));
        return out;
    }

    /**
     * Why the verdict cannot be trusted for the profile's envelope: one reason per finding that shows the target
     * was not held to it. {@code allowSmaller} (the user asked for it) accepts a smaller target, never a larger one.
     */
    public static List<String> inconclusiveReasons(List<Finding> findings, boolean allowSmaller) {
        return findings.stream().filter(Finding::envelopeNotHeld)
            .filter(f -> !(allowSmaller && f.match() == Match.SMALLER))
            .map(f -> "the target was not held to the profile's envelope: " + f.line()
                + (f.match() == Match.SMALLER ? " (this machine cannot give it; --allow-smaller-envelope judges anyway)"
                    : ""))
            .toList();
    }

    private static Match order(double observed, double profile) {
        return Math.abs(observed - profile) < 1e-9 ? Match.MATCH : observed < profile ? Match.SMALLER : Match.LARGER;
    }
}
