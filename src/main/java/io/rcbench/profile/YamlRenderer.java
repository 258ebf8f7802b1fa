package io.rcbench.profile;

import java.util.Map;
import java.util.regex.Pattern;

/** Writes a resolved tree back as YAML, each value followed by a comment saying which file and line set it. */
final class YamlRenderer {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private YamlRenderer() {
    }

    static String render(YamlNode.MapNode root) {
        StringBuilder out = new StringBuilder();
        entries(root.entries(), 0, out);
        return out.toString();
    }

    private static void entries(Map<String, YamlNode> entries, int indent, StringBuilder out) {
        entries.forEach((k, v) -> {
            out.append("  ".repeat(indent)).append(key(k)).append(':');
            value(v, indent, out);
        });
    }

    private static void value(YamlNode v, int indent, StringBuilder out) {
        if (v instanceof YamlNode.MapNode m) {
            out.append(m.entries().isEmpty() ? " {}\n" : "\n");
            entries(m.entries(), indent + 1, out);
        } else if (v instanceof YamlNode.ListNode l) {
            out.append(l.items().isEmpty() ? " []\n" : "\n");
            for (YamlNode item : l.items()) {
                out.append("  ".repeat(indent + 1)).append('-');
                if (item instanceof YamlNode.MapNode m && !m.entries().isEmpty()) {
                    out.append('\n');
                    entries(m.entries(), indent + 2, out);
                } else {
                    value(item, indent + 1, out);
                }
            }
        } else {
            out.append(' ').append(scalar(((YamlNode.Scalar) v).value())).append("  # ").append(v.origin()).append('\n');
        }
    }

    private static String key(String k) {
        return PLAIN_KEY.matcher(k).matches() ? k : quote(k);
    }

    private static String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        return v instanceof String s ? quote(s) : v.toString();
    }

    /** A double-quoted YAML string (JSON escaping is valid YAML). */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
