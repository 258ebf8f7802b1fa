package io.rcbench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads profiles from a folder ({@code profiles/}): reads the file, resolves {@code extends} (parents first,
 * cycles and unknown parents are errors), expands the mix level from {@code mixes.yaml} in the same folder,
 * applies command-line overrides ({@code hold.seconds=60}), and binds the result, reporting every error with
 * file, line, field and what was expected. Stateless apart from the folder; safe to share.
 */
public final class ProfileLoader {
    /** The file holding the mix levels, beside the profiles. */
    public static final String MIXES_FILE = "mixes.yaml";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Path dir;

    /** Profiles in {@code dir}; names given to {@link #load} resolve to {@code dir/<name>.yaml}. */
    public ProfileLoader(Path dir) {
        this.dir = dir;
    }

    /** A profile with the tree it was bound from, for {@code profiles show}. */
    public record Resolved(Profile profile, String annotatedYaml, boolean isAbstract) {
    }

    /** Loads and validates a runnable profile by name ({@code minimal-vps}) or path. */
    public Profile load(String nameOrPath) throws ProfileException {
        return load(nameOrPath, List.of());
    }

    /** As {@link #load(String)}, with overrides {@code path=value} applied after {@code extends}; validated alike. */
    public Profile load(String nameOrPath, List<String> overrides) throws ProfileException {
        Resolved r = resolve(nameOrPath, overrides);
        if (r.isAbstract()) {
            throw new ProfileException(new ProfileError(new Origin(file(nameOrPath).toString(), 0), "abstract",
                "this profile is abstract: it is extended by others, not run"));
        }
        return r.profile();
    }

    /** Resolves and validates a profile (abstract ones too: then only what is written is checked). */
    public Resolved resolve(String nameOrPath, List<String> overrides) throws ProfileException {
        Path file = file(nameOrPath);
        YamlNode.MapNode own = readMap(file, file.toString());
        boolean isAbstract = own.entries().get("abstract") instanceof YamlNode.Scalar s && Boolean.TRUE.equals(s.value());
        YamlNode.MapNode tree = withParents(file, own, new ArrayList<>());
        tree = normalizeMix(tree);
        for (String o : overrides) {
            tree = override(tree, o);
            tree = normalizeMix(tree);
        }
        tree = expandMix(file.getParent(), tree);
        Profile p = ProfileBinder.bind(nameOf(file), tree, isAbstract);
        return new Resolved(p, YamlRenderer.render(tree), isAbstract);
    }

    /** Every mix level in {@code mixes.yaml}, validated. */
    public Map<String, ActivityMix> mixes() throws ProfileException {
        return mixes(dir);
    }

    /** The profile files of the folder: every {@code *.yaml} but {@link #MIXES_FILE}, sorted. */
    public List<Path> profileFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                .filter(p -> !p.getFileName().toString().equals(MIXES_FILE))
                .sorted().toList();
        }
    }

    /** Validates one file (a profile, or a mixes file); returns its errors, empty when valid. */
    public List<ProfileError> validate(Path file) {
        try {
            if (file.getFileName().toString().equals(MIXES_FILE)) {
                mixes(file.getParent() == null ? Path.of(".") : file.getParent());
            } else {
                resolve(file.toString(), List.of());
            }
            return List.of();
        } catch (ProfileException e) {
            return e.errors();
        }
    }

    // --- resolution steps

    private Path file(String nameOrPath) {
        if (nameOrPath.contains("/") || nameOrPath.endsWith(".yaml") && Files.exists(Path.of(nameOrPath))) {
            return Path.of(nameOrPath);
        }
        if (nameOrPath.endsWith(".yaml")) {
            return dir.resolve(nameOrPath);
        }
        return dir.resolve(nameOrPath + ".yaml");
    }

    private static String nameOf(Path file) {
        String f = file.getFileName().toString();
        return f.endsWith(".yaml") ? f.substring(0, f.length() - 5) : f;
    }

    private static YamlNode.MapNode readMap(Path file, String display) throws ProfileException {
        if (!Files.isRegularFile(file)) {
            throw new ProfileException(new ProfileError(new Origin(display, 0), "", "no such profile file"));
        }
        YamlNode n = YamlReader.read(file, display);
        if (!(n instanceof YamlNode.MapNode m)) {
            throw new ProfileException(new ProfileError(new Origin(display, n == null ? 0 : n.origin().line()), "",
                "expected a mapping of profile fields, got " + (n == null ? "an empty file" : n.kind())));
        }
        if (!NAME.matcher(nameOf(file)).matches()) {
            throw new ProfileException(new ProfileError(new Origin(display, 0), "",
                "profile file names are lower-case letters, digits and '-' (e.g. minimal-vps.yaml)"));
        }
        return m;
    }

    /** Merges the parents' trees under {@code own}; {@code chain} holds the names seen, for cycle detection. */
    private YamlNode.MapNode withParents(Path file, YamlNode.MapNode own, List<String> chain) throws ProfileException {
        chain.add(nameOf(file));
        YamlNode ext = own.entries().get("extends");
        if (ext == null) {
            return own;
        }
        if (!(ext instanceof YamlNode.Scalar s) || !(s.value() instanceof String parent) || !NAME.matcher(parent).matches()) {
            throw new ProfileException(new ProfileError(ext.origin(), "extends", "expected the name of another profile, got "
                + ext.kind()));
        }
        if (chain.contains(parent)) {
            throw new ProfileException(new ProfileError(ext.origin(), "extends", "extends cycle: "
                + String.join(" -> ", chain) + " -> " + parent));
        }
        Path parentFile = (file.getParent() == null ? Path.of(".") : file.getParent()).resolve(parent + ".yaml");
        if (!Files.isRegularFile(parentFile)) {
            throw new ProfileException(new ProfileError(ext.origin(), "extends", "unknown profile '" + parent
                + "': no file " + parentFile));
        }
        YamlNode.MapNode parentTree = withParents(parentFile, readMap(parentFile, parentFile.toString()), chain);
        // what a profile is (abstract, its parent, its description) is not inherited
        parentTree = YamlTrees.without(parentTree, "abstract", "extends", "description");
        return (YamlNode.MapNode) YamlTrees.merge(parentTree, own);
    }

    /** {@code mix: moderate} is short for {@code mix: {level: moderate}}. */
    private static YamlNode.MapNode normalizeMix(YamlNode.MapNode tree) {
        YamlNode mix = tree.entries().get("mix");
        if (mix instanceof YamlNode.Scalar s && s.value() instanceof String) {
            return YamlTrees.with(tree, "mix", new YamlNode.MapNode(Map.of("level", s), s.origin()));
        }
        return tree;
    }

    private static YamlNode.MapNode override(YamlNode.MapNode tree, String assignment) throws ProfileException {
        Origin origin = new Origin("--set " + assignment, 0);
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ProfileException(new ProfileError(origin, "", "expected field=value, e.g. hold.seconds=60"));
        }
        String path = assignment.substring(0, eq).trim();
        if (path.equals("extends") || path.equals("abstract")) {
            throw new ProfileException(new ProfileError(origin, path, "cannot be overridden; name another profile instead"));
        }
        YamlNode value = YamlReader.readValue(assignment.substring(eq + 1), origin);
        return YamlTrees.set(tree, path, value);
    }

    /** Puts the level's rates from mixes.yaml under the profile's own mix fields; checks the documented level. */
    private YamlNode.MapNode expandMix(Path folder, YamlNode.MapNode tree) throws ProfileException {
        if (tree.entries().get("limits") instanceof YamlNode.MapNode limits
            && limits.entries().get("mix") instanceof YamlNode.Scalar s && s.value() instanceof String documented) {
            YamlNode.MapNode levels = readMixes(folder == null ? Path.of(".") : folder);
            if (!levels.entries().containsKey(documented)) {
                throw new ProfileException(new ProfileError(s.origin(), "limits.mix", "expected one of "
                    + String.join(", ", levels.entries().keySet()) + ", got " + s.kind()));
            }
        }
        YamlNode mix = tree.entries().get("mix");
        if (!(mix instanceof YamlNode.MapNode m)) {
            return tree; // absent or malformed: the binder reports it
        }
        YamlNode level = m.entries().get("level");
        if (level == null) {
            return tree;
        }
        YamlNode.MapNode levels = readMixes(folder == null ? Path.of(".") : folder);
        if (!(level instanceof YamlNode.Scalar s) || !(s.value() instanceof String name) || !levels.entries().containsKey(name)) {
            throw new ProfileException(new ProfileError(level.origin(), "mix.level", "expected one of "
                + String.join(", ", levels.entries().keySet()) + ", got " + level.kind()));
        }
        return YamlTrees.with(tree, "mix", YamlTrees.merge(levels.entries().get(name), m));
    }

    private static YamlNode.MapNode readMixes(Path folder) throws ProfileException {
        Path f = folder.resolve(MIXES_FILE);
        YamlNode n = YamlReader.read(f, f.toString());
        if (!(n instanceof YamlNode.MapNode m) || m.entries().isEmpty()) {
            throw new ProfileException(new ProfileError(new Origin(f.toString(), 0), "",
                "expected a mapping of mix levels (limited, moderate, heavy)"));
        }
        return m;
    }

    private static Map<String, ActivityMix> mixes(Path folder) throws ProfileException {
        YamlNode.MapNode levels = readMixes(folder);
        Map<String, ActivityMix> out = new LinkedHashMap<>();
        List<ProfileError> errors = new ArrayList<>();
        for (var e : levels.entries().entrySet()) {
            if (!(e.getValue() instanceof YamlNode.MapNode m)) {
                errors.add(new ProfileError(e.getValue().origin(), e.getKey(), "expected a mapping of rates, got "
                    + e.getValue().kind()));
                continue;
            }
            try {
                out.put(e.getKey(), ProfileBinder.bindMix(e.getKey(), m, e.getKey()));
            } catch (ProfileException pe) {
                errors.addAll(pe.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ProfileException(errors);
        }
        return out;
    }
}
