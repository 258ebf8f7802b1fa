package io.rcbench.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A cursor over one YAML mapping while binding it to a record: typed reads that report "expected X, got Y" at
 * the value's line, "missing" at the mapping's line, unknown keys on {@link #build}, and range errors thrown
 * by the record's constructor at the offending field. Errors accumulate so one pass reports them all.
 * Single-threaded.
 */
final class Fields {
    /** Shared by all cursors of one binding. */
    static final class Errors {
        final List<ProfileError> list = new ArrayList<>();
        /** Abstract profiles: missing fields are fine, only what is written is checked. */
        final boolean partial;

        Errors(boolean partial) {
            this.partial = partial;
        }

        void add(Origin origin, String field, String message) {
            list.add(new ProfileError(origin, field, message));
        }
    }

    private final YamlNode.MapNode map;
    private final String path;
    private final Errors errors;
    private final Fields parent;
    private final Set<String> asked = new LinkedHashSet<>();
    private final int errorsAtStart;
    private boolean incomplete;
    /** Stands in for a value of the wrong type: already reported, so its missing fields are not. */
    private boolean quiet;

    Fields(YamlNode.MapNode map, String path, Errors errors, Fields parent) {
        this.map = map;
        this.path = path;
        this.errors = errors;
        this.parent = parent;
        this.errorsAtStart = errors.list.size();
        this.quiet = parent != null && parent.quiet;
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Origin origin() {
        return map.origin();
    }

    boolean has(String key) {
        asked.add(key);
        return map.entries().containsKey(key);
    }

    private YamlNode node(String key) {
        asked.add(key);
        return map.entries().get(key);
    }

    private void incomplete() {
        for (Fields f = this; f != null; f = f.parent) {
            f.incomplete = true;
        }
    }

    private void missing(String key, String expected) {
        incomplete();
        if (!errors.partial && !quiet) {
            errors.add(map.origin(), field(key), "missing; expected " + expected);
        }
    }

    void wrong(String key, YamlNode n, String expected) {
        incomplete();
        errors.add(n.origin(), field(key), "expected " + expected + ", got " + n.kind());
    }

    // --- scalars: opt* return empty when absent; the required forms report "missing" and return a placeholder

    OptionalInt optInt(String key) {
        YamlNode n = node(key);
        if (n == null) {
            return OptionalInt.empty();
        }
        if (n instanceof YamlNode.Scalar s && s.value() instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return OptionalInt.of(l.intValue());
        }
        wrong(key, n, "an integer");
        return OptionalInt.empty();
    }

    int integer(String key) {
        if (!has(key)) {
            missing(key, "an integer");
            return 0;
        }
        return optInt(key).orElse(0);
    }

    OptionalDouble optNumber(String key) {
        YamlNode n = node(key);
        if (n == null) {
            return OptionalDouble.empty();
        }
        if (n instanceof YamlNode.Scalar s && s.value() instanceof Number num) {
            return OptionalDouble.of(num.doubleValue());
        }
        wrong(key, n, "a number");
        return OptionalDouble.empty();
    }

    double number(String key) {
        if (!has(key)) {
            missing(key, "a number");
            return 0;
        }
        return optNumber(key).orElse(0);
    }

    Optional<String> optText(String key) {
        YamlNode n = node(key);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof YamlNode.Scalar s && s.value() instanceof String t) {
            return Optional.of(t);
        }
        wrong(key, n, "text");
        return Optional.empty();
    }

    String text(String key) {
        if (!has(key)) {
            missing(key, "text");
            return "";
        }
        return optText(key).orElse("");
    }

    boolean bool(String key, boolean dflt) {
        YamlNode n = node(key);
        if (n == null) {
            return dflt;
        }
        if (n instanceof YamlNode.Scalar s && s.value() instanceof Boolean b) {
            return b;
        }
        wrong(key, n, "true or false");
        return dflt;
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type, E dflt) {
        YamlNode n = node(key);
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        if (n == null) {
            if (dflt == null) {
                missing(key, "one of " + String.join(", ", names));
            }
            return dflt;
        }
        if (n instanceof YamlNode.Scalar s && s.value() instanceof String t && names.contains(t.toLowerCase(Locale.ROOT))) {
            return Enum.valueOf(type, t.toUpperCase(Locale.ROOT));
        }
        wrong(key, n, "one of " + String.join(", ", names));
        return dflt != null ? dflt : type.getEnumConstants()[0];
    }

    // --- structure

    Fields map(String key) {
        YamlNode n = node(key);
        if (n == null) {
            missing(key, "a mapping");
            return new Fields(new YamlNode.MapNode(Map.of(), map.origin()), field(key), errors, this);
        }
        return asMap(key, n, field(key));
    }

    Optional<Fields> optMap(String key) {
        return has(key) ? Optional.of(map(key)) : Optional.empty();
    }

    private Fields asMap(String key, YamlNode n, String childPath) {
        if (n instanceof YamlNode.MapNode m) {
            return new Fields(m, childPath, errors, this);
        }
        wrong(key, n, "a mapping");
        Fields standIn = new Fields(new YamlNode.MapNode(Map.of(), n.origin()), childPath, errors, this);
        standIn.quiet = true;
        return standIn;
    }

    /** A list of mappings; a missing list is reported and read as empty. */
    List<Fields> maps(String key) {
        YamlNode n = node(key);
        if (n == null) {
            missing(key, "a list");
            return List.of();
        }
        if (!(n instanceof YamlNode.ListNode l)) {
            wrong(key, n, "a list");
            return List.of();
        }
        List<Fields> out = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
            out.add(asMap(key, l.items().get(i), field(key) + "[" + i + "]"));
        }
        return out;
    }

    /** All entries of a mapping whose keys are data (metric names, assumption paths), in file order. */
    Map<String, YamlNode> entries() {
        asked.addAll(map.entries().keySet());
        return new LinkedHashMap<>(map.entries());
    }

    /** Reports keys never asked for; unknown keys are errors. */
    void finish() {
        map.entries().forEach((k, v) -> {
            if (!asked.contains(k)) {
                incomplete();
                errors.add(v.origin(), field(k), "unknown field; expected one of " + String.join(", ", asked));
            }
        });
    }

    /**
     * Finishes the mapping and calls the record's constructor, unless something in this mapping was already
     * wrong or missing; a {@link FieldException} is reported at the field it names. Returns null when nothing
     * could be built.
     */
    <T> T build(Supplier<T> constructor) {
        finish();
        if (incomplete || errors.list.size() > errorsAtStart) {
            incomplete();
            return null;
        }
        try {
            return constructor.get();
        } catch (FieldException e) {
            incomplete();
            errors.add(locateOrigin(e.field()), field(e.field()), e.reason());
            return null;
        }
    }

    /** The origin of a dotted field below this mapping, or the mapping's own when it is not written. */
    Origin locateOrigin(String dotted) {
        YamlNode at = map;
        String rest = dotted;
        while (!rest.isEmpty() && at instanceof YamlNode.MapNode m) {
            String hit = null;
            for (String k : m.entries().keySet()) {
                if ((rest.equals(k) || rest.startsWith(k + ".")) && (hit == null || k.length() > hit.length())) {
                    hit = k;
                }
            }
            if (hit == null) {
                break;
            }
            at = m.entries().get(hit);
            rest = rest.length() == hit.length() ? "" : rest.substring(hit.length() + 1);
        }
        return at.origin();
    }
}
