package io.rcbench.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers where it was written, so errors found after merging parents and
 * overrides still point at the right file and line. Immutable.
 */
sealed interface YamlNode {
    Origin origin();

    /** What the value is, for "expected X, got Y" messages. */
    String kind();

    /** A mapping; keys keep file order. */
    record MapNode(Map<String, YamlNode> entries, Origin origin) implements YamlNode {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record ListNode(List<YamlNode> items, Origin origin) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar: {@link String}, {@link Long}, {@link Double}, {@link Boolean}, or null for YAML null. */
    record Scalar(Object value, Origin origin) implements YamlNode {
        @Override
        public String kind() {
            if (value == null) {
                return "null";
            }
            if (value instanceof String s) {
                return "text '" + s + "'";
            }
            return (value instanceof Boolean ? "boolean " : "number ") + value;
        }
    }
}
