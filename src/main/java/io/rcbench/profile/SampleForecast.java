package io.rcbench.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many samples each latency metric should collect in a profile's hold window, from its population and mix
 * rates (Poisson means), and which SLO percentiles are unlikely to get the samples they need, so that a
 * profile whose verdict would be INCONCLUSIVE by construction is flagged before anyone runs it. A capacity
 * search can use it to lengthen the hold of small steps. Pure.
 */
public final class SampleForecast {
    /** One-sided 95% normal quantile: warn when the chance of too few samples is 5% or more. */
    private static final double Z95 = 1.645;

    private SampleForecast() {
    }

    /** Expected samples in the hold window by metric. */
    public static Map<String, Double> expected(Profile p) {
        ActivityMix m = p.mix();
        int active = p.population().activeUsers();
        double holdMin = p.phases().holdSeconds() / 60.0;
        double messages = active * m.messagesPerActiveUserPerMinute() * holdMin;
        double uploads = messages * m.uploads().share();
        double reconnects = p.population().connectedUsers() * m.reconnects().perConnectedUserPerHour() * holdMin / 60;
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("connect", reconnects);
        out.put("login", reconnects);
        out.put("subscribe", reconnects);
        out.put("sendMessage", messages - uploads);
        out.put("typing", messages * m.typing().share());
        out.put("loadHistory", active * m.history().roomOpensPerActiveUserPerMinute() * holdMin);
        out.put("read", active * (m.reads().perActiveUserPerMinute() + m.history().roomOpensPerActiveUserPerMinute()) * holdMin);
        out.put("delivery", messages * meanRecipients(m.rooms(), p.population().users()));
        for (ActivityMix.SizeClass c : m.uploads().sizes()) {
            out.put(c.metric(), uploads * c.share());
        }
        out.put("download", uploads * m.downloads().perUpload());
        out.put("webhook", m.webhooks().perMinute(active) * holdMin);
        out.put("botReply", m.bots().count() > 0 ? messages * m.bots().commandShare() : 0);
        out.putAll(m.actions().expectedSamples(active * holdMin));
        return out;
    }

    /** Members other than the sender a message reaches, averaged over room types and sizes. */
    static double meanRecipients(ActivityMix.Rooms r, int users) {
        return r.channels().messageShare() * (r.channels().meanMembers(users) - 1)
            + r.privateGroups().messageShare() * (r.privateGroups().meanMembers(users) - 1)
            + r.directMessages().messageShare() * 1;
    }

    /**
     * Required SLO percentiles with a 5% or greater chance of too few samples (Poisson count, normal
     * approximation: {@code expected - 1.645 sqrt(expected) < needed}).
     */
    public static List<String> warnings(Profile p) {
        Map<String, Double> expected = expected(p);
        List<String> out = new ArrayList<>();
        for (Slos.LatencySlo slo : p.slos().latency().values()) {
            if (!slo.required()) {
                continue;
            }
            double e = expected.getOrDefault(slo.metric(), 0.0);
            for (Slos.PercentileLimit l : slo.limits()) {
                long need = p.slos().minSamples(l.percentile());
                if (e - Z95 * Math.sqrt(e) < need) {
                    out.add(String.format(java.util.Locale.ROOT,
                        "%s %s: about %.0f samples expected in the %d s hold, %d needed: a 5%% or greater chance of"
                            + " an INCONCLUSIVE verdict; lengthen hold.seconds or raise the rate", slo.metric(), l.label(), e,
                        p.phases().holdSeconds(), need));
                }
            }
        }
        return out;
    }

    /**
     * The shortest hold, in seconds, after which every required SLO percentile has a 95% chance of enough samples
     * (a capacity search lengthens small steps to this); empty when a required metric has no rate at all.
     */
    public static java.util.OptionalLong holdSecondsNeeded(Profile p) {
        Map<String, Double> perHold = expected(p);
        long longest = 1;
        for (Slos.LatencySlo slo : p.slos().latency().values()) {
            if (!slo.required()) {
                continue;
            }
            double perSecond = perHold.getOrDefault(slo.metric(), 0.0) / p.phases().holdSeconds();
            for (Slos.PercentileLimit l : slo.limits()) {
                long need = p.slos().minSamples(l.percentile());
                if (perSecond <= 0) {
                    return java.util.OptionalLong.empty();
                }
                // smallest mean e with e - z sqrt(e) >= need: sqrt(e) = (z + sqrt(z^2 + 4 need)) / 2
                double root = (Z95 + Math.sqrt(Z95 * Z95 + 4 * need)) / 2;
                longest = Math.max(longest, (long) Math.ceil(root * root / perSecond));
            }
        }
        return java.util.OptionalLong.of(longest);
    }
}
