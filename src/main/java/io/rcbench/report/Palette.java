package io.rcbench.report;

import java.util.List;
import java.util.Map;

/**
 * Colours that stay with a name across every chart of a report: the known actions get fixed colours, other
 * names (error reasons, server series) a stable pick by hash. Stateless.
 */
public final class Palette {
    private static final List<String> COLOURS = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#ad494a", "#6b6ecf",
        "#8c6d31", "#e7ba52", "#5254a3");
    /** Every action rcbench records, each with its own colour (no two alike among these). */
    private static final Map<String, String> KNOWN = Map.ofEntries(Map.entry("connect", "#2ca02c"),
        Map.entry("login", "#ff7f0e"), Map.entry("subscribe", "#9467bd"), Map.entry("subscribeRoom", "#756bb1"),
        Map.entry("rooms", "#8c6d31"), Map.entry("resume", "#e377c2"), Map.entry("sendMessage", "#1f77b4"),
        Map.entry("typing", "#17becf"), Map.entry("activity", "#6b6ecf"), Map.entry("loadHistory", "#8c564b"),
        Map.entry("read", "#7f7f7f"), Map.entry("upload.small", "#bcbd22"), Map.entry("upload.medium", "#637939"),
        Map.entry("upload.large", "#393b79"), Map.entry("upload.xlarge", "#7b4173"), Map.entry("upload.document", "#e6550d"),
        Map.entry("upload.image", "#31a354"), Map.entry("download", "#843c39"), Map.entry("webhook", "#636363"),
        Map.entry("botReply", "#d6616b"), Map.entry("botAnswer", "#ce6dbd"), Map.entry("close", "#a55194"),
        Map.entry("delivery", "#d62728"));

    private Palette() {
    }

    /** The colour of {@code name}; a {@code .raw} twin shares its action's colour. */
    public static String of(String name) {
        String base = name.endsWith(".raw") ? name.substring(0, name.length() - 4) : name;
        String known = KNOWN.get(base);
        if (known != null) {
            return known;
        }
        return COLOURS.get(Math.floorMod(base.hashCode(), COLOURS.size()));
    }

    /** The {@code i}-th colour of the palette, for series without a meaningful name. */
    public static String nth(int i) {
        return COLOURS.get(Math.floorMod(i, COLOURS.size()));
    }
}
