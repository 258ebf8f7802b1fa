package io.rcbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One profile's verdict as the report shows it, read leniently from {@code verdict.json}: the file may hold one
 * verdict, a list, or {@code {"profiles": [...] | {name: verdict}}}; each verdict has a {@code status}
 * (PASS / FAIL / INCONCLUSIVE), {@code reasons} or {@code inconclusiveReasons} (strings or objects with a
 * message) and per-SLO lines ({@code slos}, {@code checks} or {@code results}) with measured, threshold and
 * margin, or {@code io.rcbench.verdict.SloResult}'s fields (outcome, unit, marginPercent, samples, text; a missed
 * SLO's text becomes a reason), and the {@code injectorBudget} the verdict used, when written. Unknown fields are
 * ignored; a verdict without a status reads as INCONCLUSIVE.
 */
public record VerdictView(String profile, String status, List<String> reasons, List<SloLine> slos,
                          HealthBudget injectorBudget) {
    /** A verdict without the injector budget it used (older files, other writers). */
    public VerdictView(String profile, String status, List<String> reasons, List<SloLine> slos) {
        this(profile, status, reasons, slos, null);
    }

    /** One SLO: documented limit vs measured; values are shown as written (numbers get their unit). */
    public record SloLine(String name, String threshold, String measured, String margin, String status) {
    }

    /** Reads verdict files; accepts NaN and Infinity, which Jackson writes for doubles with no value. */
    public static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    public static List<VerdictView> parse(JsonNode root) {
        List<VerdictView> out = new ArrayList<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return out;
        }
        JsonNode list = root.has("profiles") ? root.get("profiles") : root.has("verdicts") ? root.get("verdicts") : root;
        if (list.isArray()) {
            list.forEach(v -> out.add(one(null, v)));
        } else if (list.isObject() && !list.has("status")) {
            for (Map.Entry<String, JsonNode> e : list.properties()) {
                if (e.getValue().isObject()) {
                    out.add(one(e.getKey(), e.getValue()));
                }
            }
        } else if (list.isObject()) {
            out.add(one(null, list));
        }
        return out;
    }

    private static VerdictView one(String key, JsonNode v) {
        String profile = text(v, "profile", "name", "profileName");
        if (profile == null) {
            profile = key != null ? key : "run";
        }
        String status = text(v, "status", "verdict", "result");
        status = status == null ? "INCONCLUSIVE" : status.toUpperCase(Locale.ROOT);
        List<String> reasons = new ArrayList<>();
        for (String field : new String[] {"reasons", "inconclusiveReasons"}) {
            JsonNode r = v.path(field);
            if (r.isArray()) {
                r.forEach(x -> reasons.add(x.isTextual() ? x.asText() : firstNonNull(text(x, "message", "reason", "text"), x.toString())));
            } else if (r.isTextual()) {
                reasons.add(r.asText());
            }
        }
        List<SloLine> slos = new ArrayList<>();
        for (String field : new String[] {"slos", "checks", "results"}) {
            JsonNode s = v.path(field);
            if (s.isArray()) {
                s.forEach(x -> {
                    slos.add(slo(null, x));
                    // io.rcbench.verdict's SloResult: a missed SLO's line is the reason for a FAIL
                    if (("MISSED".equals(text(x, "outcome")) || "MISSED".equals(text(x, "status"))) && text(x, "text") != null) {
                        reasons.add(text(x, "text"));
                    }
                });
            } else if (s.isObject()) {
                s.properties().forEach(e -> slos.add(slo(e.getKey(), e.getValue())));
            }
        }
        JsonNode b = v.path("injectorBudget");
        HealthBudget budget = b.path("maxCpuPercent").isNumber() && b.path("maxGcPauseMs").isNumber()
            && b.path("maxEventLoopLagMs").isNumber() ? new HealthBudget(b.get("maxCpuPercent").asDouble(),
            b.get("maxGcPauseMs").asLong(), b.get("maxEventLoopLagMs").asLong(), profile) : null;
        return new VerdictView(profile, status, List.copyOf(reasons), List.copyOf(slos), budget);
    }

    private static SloLine slo(String key, JsonNode x) {
        String name = text(x, "name", "slo", "id", "description");
        if (name == null) {
            String metric = text(x, "metric", "action");
            String pct = text(x, "percentile", "stat");
            name = metric == null ? (key == null ? "slo" : key) : metric + (pct == null ? "" : " " + (pct.startsWith("p") ? pct : "p" + pct));
        }
        String unit = firstNonNull(text(x, "unit"), "");
        String status = text(x, "status", "outcome");
        if (status == null && x.has("pass")) {
            status = x.get("pass").asBoolean() ? "PASS" : "FAIL";
        }
        if (status != null) {
            // io.rcbench.verdict.SloResult.Outcome names, as job.Evaluation writes them
            status = switch (status) {
                case "MET" -> "PASS";
                case "MISSED" -> "FAIL";
                case "TOO_FEW_SAMPLES" -> "FEW SAMPLES";
                case "NOT_JUDGED" -> "NOT JUDGED";
                default -> status;
            };
        }
        String measured = value(x, unit, "measured", "measuredMs", "value", "actual");
        if (x.path("samples").isNumber()) {
            measured = (measured.isEmpty() ? "–" : measured) + " (" + Html.count(x.get("samples").asLong()) + " samples)";
        }
        String margin = value(x, unit, "margin", "marginMs", "headroom");
        if (margin.isEmpty() && x.path("marginPercent").isNumber() && Double.isFinite(x.get("marginPercent").asDouble())) {
            margin = String.format(Locale.ROOT, "%+.1f %%", x.get("marginPercent").asDouble());
        }
        return new SloLine(name, value(x, unit, "threshold", "limit", "thresholdMs", "max", "maxMs"), measured, margin,
            status == null ? "" : status.toUpperCase(Locale.ROOT));
    }

    private static String value(JsonNode x, String unit, String... names) {
        for (String n : names) {
            JsonNode v = x.get(n);
            if (v != null && !v.isNull()) {
                String u = unit.isEmpty() && n.endsWith("Ms") ? "ms" : unit;
                if (v.isNumber() && !Double.isFinite(v.asDouble())) {
                    return "–";
                }
                if (v.isNumber()) {
                    return Html.num(v.asDouble(), v.asDouble() == Math.rint(v.asDouble()) ? 0 : 2) + (u.isEmpty() ? "" : " " + u);
                }
                return v.isTextual() ? v.asText() : v.toString();
            }
        }
        return "";
    }

    private static String text(JsonNode x, String... names) {
        for (String n : names) {
            JsonNode v = x.get(n);
            if (v != null && v.isValueNode() && !v.isNull()) {
                return v.asText();
            }
        }
        return null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
