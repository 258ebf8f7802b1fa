package io.rcbench.report;

import java.util.List;

/**
 * Colours that stay with a name across every chart of a report: the known actions get fixed colours, other
 * names (error reasons, server series) a stable pick by hash. Stateless.
 */
public final class Palette {
    private static final List<String> COLOURS = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#ad494a", "#6b6ecf",
        "#8c6d31", "#e7ba52", "#5254a3");
    private static final List<String> KNOWN = List.of("sendMessage", "login", "connect", "subscribe", "typing",
        "loadHistory", "joinRoom", "read", "upload.small", "download", "webhook", "botReply", "delivery",
        "upload.medium", "upload.large", "upload", "upload.xlarge");

    private Palette() {
    }

    /** The colour of {@code name}; a {@code .raw} twin shares its action's colour. */
    public static String of(String name) {
        String base = name.endsWith(".raw") ? name.substring(0, name.length() - 4) : name;
        int known = KNOWN.indexOf(base);
        if (known >= 0) {
            return COLOURS.get(known % COLOURS.size());
        }
        return COLOURS.get(Math.floorMod(base.hashCode(), COLOURS.size()));
    }

    /** The {@code i}-th colour of the palette, for series without a meaningful name. */
    public static String nth(int i) {
        return COLOURS.get(Math.floorMod(i, COLOURS.size()));
    }
}
