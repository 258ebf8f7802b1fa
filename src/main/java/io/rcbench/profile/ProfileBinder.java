package io.rcbench.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds a resolved profile tree (parents merged, mix level expanded, overrides applied) to a {@link Profile},
 * collecting every error with its origin. Knows the file format; the records know the ranges.
 */
final class ProfileBinder {
    private static final Map<String, Double> PERCENTILE_KEYS = new LinkedHashMap<>();

    static {
        PERCENTILE_KEYS.put("p50Ms", 50.0);
        PERCENTILE_KEYS.put("p90Ms", 90.0);
        PERCENTILE_KEYS.put("p95Ms", 95.0);
        PERCENTILE_KEYS.put("p99Ms", 99.0);
        PERCENTILE_KEYS.put("p999Ms", 99.9);
    }

    private final Fields.Errors errors;

    private ProfileBinder(boolean partial) {
        this.errors = new Fields.Errors(partial);
    }

    /**
     * Binds {@code root}. For an abstract profile only what is written is checked and null is returned; otherwise
     * returns the profile or throws with every error found.
     */
    static Profile bind(String name, YamlNode.MapNode root, boolean isAbstract) throws ProfileException {
        ProfileBinder b = new ProfileBinder(isAbstract);
        Profile p = b.profile(name, new Fields(root, "", b.errors, null));
        if (!b.errors.list.isEmpty()) {
            throw new ProfileException(b.errors.list);
        }
        return isAbstract ? null : p;
    }

    /** Binds one mix level from mixes.yaml (or a profile's resolved {@code mix}). */
    static ActivityMix bindMix(String level, YamlNode.MapNode node, String path) throws ProfileException {
        ProfileBinder b = new ProfileBinder(false);
        ActivityMix m = b.mix(level, new Fields(node, path, b.errors, null), false);
        if (!b.errors.list.isEmpty()) {
            throw new ProfileException(b.errors.list);
        }
        return m;
    }

    private Profile profile(String name, Fields f) {
        f.bool("abstract", false);
        Optional<String> parent = f.optText("extends");
        String description = f.text("description");
        Optional<Limits> limits = f.optMap("limits").map(this::limits);
        Envelope envelope = envelope(f.map("envelope"));
        Population population = population(f.map("population"));
        ActivityMix mix = f.has("mix") ? mix(null, f.map("mix"), true) : missingSection(f, "mix");
        Slos slos = slos(f.map("slo"));
        InjectorBudget injector = injector(f.map("injector"));
        Fields ramp = f.map("ramp");
        double logins = ramp.number("loginsPerSecond");
        ramp.build(() -> Boolean.TRUE);
        Fields warmup = f.map("warmup");
        int warmupSeconds = warmup.integer("seconds");
        warmup.build(() -> Boolean.TRUE);
        Fields hold = f.map("hold");
        int holdSeconds = hold.integer("seconds");
        hold.build(() -> Boolean.TRUE);
        Map<String, String> assumptions = assumptions(f);
        if (slos != null && mix != null) {
            checkMetrics(f, slos, mix);
        }
        Phases phases = f.build(() -> new Phases(logins, warmupSeconds, holdSeconds));
        if (phases == null) {
            return null;
        }
        return new Profile(name, description, parent, limits, envelope, population, mix, slos, injector, phases,
            assumptions);
    }

    private ActivityMix missingSection(Fields f, String key) {
        f.map(key);
        return null;
    }

    private Limits limits(Fields f) {
        int users = f.integer("users");
        int usersFrom = f.optInt("usersFrom").orElse(0);
        var active = f.optInt("activeUsers");
        var instances = f.optInt("instances");
        Optional<String> mix = f.optText("mix");
        List<SourceLine> sources = new ArrayList<>();
        for (Fields s : f.maps("sources")) {
            String file = s.text("file");
            String quote = s.text("quote");
            SourceLine line = s.build(() -> new SourceLine(file, quote));
            if (line != null) {
                sources.add(line);
            }
        }
        return f.build(() -> new Limits(usersFrom, users, active, instances, mix, sources));
    }

    private Envelope envelope(Fields f) {
        double cores = f.number("cores");
        double clock = f.number("clockGhz");
        int memory = f.integer("memoryMb");
        int instances = f.optInt("instances").orElse(1);
        Fields d = f.map("disk");
        int size = d.integer("sizeGb");
        Envelope.Disk.Kind kind = d.enumValue("kind", Envelope.Disk.Kind.class, null);
        Envelope.Disk disk = d.build(() -> new Envelope.Disk(size, kind));
        Fields db = f.map("database");
        var placement = db.enumValue("placement", Envelope.Database.Placement.class, null);
        var dbMemory = db.optInt("memoryMb");
        OptionalDouble dbCores = db.optNumber("cores");
        var database = db.build(() -> new Envelope.Database(placement,
            dbMemory.isPresent() ? java.util.OptionalLong.of(dbMemory.getAsInt()) : java.util.OptionalLong.empty(), dbCores));
        return f.build(() -> new Envelope(cores, clock, memory, disk, instances, database));
    }

    private Population population(Fields f) {
        int users = f.integer("users");
        int active = f.integer("activeUsers");
        int idle = f.integer("idleConnectedUsers");
        return f.build(() -> new Population(users, active, idle));
    }

    /** {@code level} null: read from the mapping (a profile's resolved mix). */
    private ActivityMix mix(String level, Fields f, boolean levelField) {
        String lvl = levelField ? f.text("level") : level;
        double messages = f.number("messagesPerActiveUserPerMinute");
        Fields r = f.map("rooms");
        Fields per = r.map("roomsPerUser");
        int ch = per.integer("channels");
        int gr = per.integer("privateGroups");
        int dm = per.integer("directMessages");
        var perUser = per.build(() -> new ActivityMix.RoomsPerUser(ch, gr, dm));
        var channels = roomClass(r.map("channels"));
        var groups = roomClass(r.map("privateGroups"));
        Fields dmf = r.map("directMessages");
        double dmShare = dmf.number("messageShare");
        var dms = dmf.build(() -> new ActivityMix.RoomClass(dmShare, List.of(new ActivityMix.RoomSize(2, 1.0))));
        var rooms = r.build(() -> new ActivityMix.Rooms(perUser, channels, groups, dms));
        Fields t = f.map("typing");
        double tShare = t.number("share");
        double tSeconds = t.number("seconds");
        var typing = t.build(() -> new ActivityMix.Typing(tShare, tSeconds));
        Fields h = f.map("history");
        double opens = h.number("roomOpensPerActiveUserPerMinute");
        int page = h.integer("pageSize");
        var history = h.build(() -> new ActivityMix.History(opens, page));
        Fields rd = f.map("reads");
        double reads = rd.number("perActiveUserPerMinute");
        var readsRec = rd.build(() -> new ActivityMix.Reads(reads));
        Fields u = f.map("uploads");
        double uShare = u.number("share");
        List<ActivityMix.SizeClass> classes = new ArrayList<>();
        for (Fields s : u.maps("sizes")) {
            String name = s.text("sizeClass");
            int min = s.integer("minKb");
            int max = s.integer("maxKb");
            double share = s.number("share");
            var c = s.build(() -> new ActivityMix.SizeClass(name, min, max, share));
            if (c != null) {
                classes.add(c);
            }
        }
        var uploads = u.build(() -> new ActivityMix.Uploads(uShare, classes));
        Fields dl = f.map("downloads");
        double perUpload = dl.number("perUpload");
        var downloads = dl.build(() -> new ActivityMix.Downloads(perUpload));
        Fields w = f.map("webhooks");
        double ci = w.number("ciPerMinutePer100ActiveUsers");
        double alerts = w.number("alertsPerMinutePer100ActiveUsers");
        var webhooks = w.build(() -> new ActivityMix.Webhooks(ci, alerts));
        Fields b = f.map("bots");
        int count = b.integer("count");
        double cmd = b.number("commandShare");
        int delay = b.integer("replyDelayMs");
        var bots = b.build(() -> new ActivityMix.Bots(count, cmd, delay));
        Fields rc = f.map("reconnects");
        double perHour = rc.number("perConnectedUserPerHour");
        var reconnects = rc.build(() -> new ActivityMix.Reconnects(perHour));
        ActivityMix.Clients clients = f.optMap("clients").map(cf -> {
            double mobile = cf.number("mobileShare");
            return cf.build(() -> new ActivityMix.Clients(mobile));
        }).orElse(ActivityMix.Clients.WEB_ONLY);
        var actions = ActionMixBinder.bind(f);
        return f.build(() -> new ActivityMix(lvl, messages, rooms, typing, history, readsRec, uploads, downloads,
            webhooks, bots, reconnects, clients, actions));
    }

    private ActivityMix.RoomClass roomClass(Fields f) {
        double share = f.number("messageShare");
        List<ActivityMix.RoomSize> sizes = new ArrayList<>();
        for (Fields s : f.maps("sizes")) {
            int members = s.integer("members");
            double sh = s.number("share");
            var size = s.build(() -> new ActivityMix.RoomSize(members, sh));
            if (size != null) {
                sizes.add(size);
            }
        }
        return f.build(() -> new ActivityMix.RoomClass(share, sizes));
    }

    private Slos slos(Fields f) {
        Fields lat = f.map("latency");
        Map<String, Slos.LatencySlo> latency = new LinkedHashMap<>();
        lat.entries().forEach((metric, node) -> {
            if (!(node instanceof YamlNode.MapNode m)) {
                lat.wrong(metric, node, "a mapping of percentile limits (p95Ms: 500)");
                return;
            }
            Fields s = new Fields(m, lat.field(metric), errors, lat);
            List<Slos.PercentileLimit> limits = new ArrayList<>();
            PERCENTILE_KEYS.forEach((key, pct) -> s.optInt(key).ifPresent(ms ->
                limits.add(limitOrReport(s, key, pct, ms))));
            boolean required = s.bool("required", true);
            var slo = s.build(() -> new Slos.LatencySlo(metric, limits, required));
            if (slo != null) {
                latency.put(metric, slo);
            }
        });
        lat.build(() -> Boolean.TRUE);
        double errorsPct = f.number("maxErrorPercent");
        int lost = f.integer("maxLostDeliveries");
        int tail = f.integer("minTailSamples");
        return f.build(() -> new Slos(latency, errorsPct, lost, tail));
    }

    private static Slos.PercentileLimit limitOrReport(Fields s, String key, double pct, int ms) {
        try {
            return new Slos.PercentileLimit(pct, Duration.ofMillis(ms));
        } catch (FieldException e) {
            // the LatencySlo build below is skipped because an error was recorded
            s.wrong(key, new YamlNode.Scalar((long) ms, s.locateOrigin(key)), "a threshold > 0 ms");
            return new Slos.PercentileLimit(pct, Duration.ofMillis(1));
        }
    }

    private InjectorBudget injector(Fields f) {
        double cpu = f.number("maxCpuPercent");
        int gc = f.integer("maxGcPauseMs");
        int lag = f.integer("maxEventLoopLagMs");
        return f.build(() -> new InjectorBudget(cpu, gc, lag));
    }

    private Map<String, String> assumptions(Fields root) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!root.has("assumptions")) {
            return out;
        }
        Fields a = root.map("assumptions");
        a.entries().forEach((key, node) -> {
            if (node instanceof YamlNode.Scalar s && s.value() instanceof String t && !t.isBlank()) {
                out.put(key, t);
            } else {
                a.wrong(key, node, "text saying what is assumed and why");
            }
        });
        a.build(() -> Boolean.TRUE);
        return out;
    }

    /** SLOs may name only metrics a run records, and only upload classes the mix has. */
    private void checkMetrics(Fields root, Slos slos, ActivityMix mix) {
        Set<String> known = new TreeSet<>(MetricNames.FIXED);
        mix.uploads().sizes().forEach(c -> known.add(c.metric()));
        for (String metric : slos.latency().keySet()) {
            if (!known.contains(metric)) {
                errors.add(originOf(root, metric), "slo.latency." + metric, "unknown metric; expected one of "
                    + String.join(", ", known)
                    + (metric.endsWith(MetricNames.RAW_SUFFIX) ? " (SLOs judge corrected latency, never .raw)" : ""));
            }
        }
    }

    private static Origin originOf(Fields root, String metric) {
        return root.locateOrigin("slo.latency." + metric);
    }
}
