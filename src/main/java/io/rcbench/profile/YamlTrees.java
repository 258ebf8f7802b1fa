package io.rcbench.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merging and editing of {@link YamlNode} trees: how {@code extends}, mix levels and {@code --set} combine. */
final class YamlTrees {
    private YamlTrees() {
    }

    /**
     * {@code overlay} on top of {@code base}: mappings merge key by key, lists and scalars replace, and a null in
     * the overlay removes the inherited key. Each value keeps the origin of the file that wrote it.
     */
    static YamlNode merge(YamlNode base, YamlNode overlay) {
        if (!(base instanceof YamlNode.MapNode b) || !(overlay instanceof YamlNode.MapNode o)) {
            return overlay;
        }
        Map<String, YamlNode> out = new LinkedHashMap<>(b.entries());
        o.entries().forEach((k, v) -> {
            if (v instanceof YamlNode.Scalar s && s.value() == null) {
                out.remove(k);
            } else if (out.containsKey(k)) {
                out.put(k, merge(out.get(k), v));
            } else {
                out.put(k, v);
            }
        });
        return new YamlNode.MapNode(out, o.origin());
    }

    /** {@code map} without {@code keys}. */
    static YamlNode.MapNode without(YamlNode.MapNode map, String... keys) {
        Map<String, YamlNode> out = new LinkedHashMap<>(map.entries());
        for (String k : keys) {
            out.remove(k);
        }
        return new YamlNode.MapNode(out, map.origin());
    }

    /** {@code map} with {@code key} set to {@code value}. */
    static YamlNode.MapNode with(YamlNode.MapNode map, String key, YamlNode value) {
        Map<String, YamlNode> out = new LinkedHashMap<>(map.entries());
        out.put(key, value);
        return new YamlNode.MapNode(out, map.origin());
    }

    /**
     * Sets the value at a dotted path, creating mappings on the way. A key may itself contain dots
     * ({@code slo.latency.upload.image.p95Ms}): at each level the longest existing key wins. A null value
     * removes the key.
     */
    static YamlNode.MapNode set(YamlNode.MapNode root, String path, YamlNode value) throws ProfileException {
        List<String> parts = List.of(path.split("\\.", -1));
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw new ProfileException(new ProfileError(value.origin(), path, "expected a dotted field path like hold.seconds"));
        }
        return set(root, parts, path, value);
    }

    private static YamlNode.MapNode set(YamlNode.MapNode map, List<String> parts, String path, YamlNode value)
        throws ProfileException {
        int n = parts.size();
        for (int i = n; i >= 1; i--) {
            String key = String.join(".", parts.subList(0, i));
            if (map.entries().containsKey(key) || i == 1) {
                if (i == n) {
                    if (value instanceof YamlNode.Scalar s && s.value() == null) {
                        return without(map, key);
                    }
                    return with(map, key, value);
                }
                YamlNode child = map.entries().get(key);
                if (child == null) {
                    child = new YamlNode.MapNode(Map.of(), value.origin());
                } else if (!(child instanceof YamlNode.MapNode)) {
                    throw new ProfileException(new ProfileError(value.origin(), path, "cannot set a field inside '"
                        + key + "', which is " + child.kind() + " (" + child.origin() + ")"));
                }
                return with(map, key, set((YamlNode.MapNode) child, new ArrayList<>(parts.subList(i, n)), path, value));
            }
        }
        throw new AssertionError("unreachable");
    }
}
