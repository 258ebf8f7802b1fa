package io.rcbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One profile's verdict as the report shows it, read from {@code verdict.json} as {@code job.Evaluation} writes it:
 * {@code {"targetCheck": [...], "profiles": [{"profile", "status", "injectorBudget"?, "reasons": [...],
 * "slos": [{"name", "status", "unit", "samples", "text", "measured", "threshold", "marginPercent"}]}]}}, the SLO
 * status being {@code io.rcbench.verdict.SloResult.Outcome}'s name (a missed SLO's text becomes a reason). Unknown
 * fields are ignored; a verdict without a status reads as INCONCLUSIVE.
 */
public record VerdictView(String profile, String status, List<String> reasons, List<SloLine> slos,
                          HealthBudget injectorBudget) {
    /** One SLO: documented limit vs measured; values are shown as written (numbers get their unit). */
    public record SloLine(String name, String threshold, String measured, String margin, String status) {
    }

    /** Reads verdict files; accepts NaN and Infinity, which Jackson writes for doubles with no value. */
    public static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** The verdicts of {@code root} (a {@code verdict.json}), in file order; none for a missing file. */
    public static List<VerdictView> parse(JsonNode root) {
        List<VerdictView> out = new ArrayList<>();
        if (root != null) {
            root.path("profiles").forEach(v -> out.add(one(v)));
        }
        return out;
    }

    /** The envelope check's lines of {@code root} (a {@code verdict.json}): what was observed of the target. */
    public static List<String> targetCheck(JsonNode root) {
        List<String> out = new ArrayList<>();
        if (root != null) {
            root.path("targetCheck").forEach(l -> out.add(l.asText()));
        }
        return List.copyOf(out);
    }

    private static VerdictView one(JsonNode v) {
        String profile = firstNonNull(text(v, "profile"), "run");
        String status = text(v, "status");
        status = status == null ? "INCONCLUSIVE" : status.toUpperCase(Locale.ROOT);
        List<String> reasons = new ArrayList<>();
        v.path("reasons").forEach(r -> reasons.add(r.asText()));
        List<SloLine> slos = new ArrayList<>();
        v.path("slos").forEach(x -> {
            slos.add(slo(x));
            // a missed SLO's line is the reason for a FAIL
            if ("MISSED".equals(text(x, "status")) && text(x, "text") != null) {
                reasons.add(text(x, "text"));
            }
        });
        JsonNode b = v.path("injectorBudget");
        HealthBudget budget = b.path("maxCpuPercent").isNumber() && b.path("maxGcPauseMs").isNumber()
            && b.path("maxEventLoopLagMs").isNumber() ? new HealthBudget(b.get("maxCpuPercent").asDouble(),
            b.get("maxGcPauseMs").asLong(), b.get("maxEventLoopLagMs").asLong(), profile) : null;
        return new VerdictView(profile, status, List.copyOf(reasons), List.copyOf(slos), budget);
    }

    private static SloLine slo(JsonNode x) {
        String unit = firstNonNull(text(x, "unit"), "");
        // io.rcbench.verdict.SloResult.Outcome names, as job.Evaluation writes them
        String status = switch (firstNonNull(text(x, "status"), "")) {
            case "MET" -> "PASS";
            case "MISSED" -> "FAIL";
            case "TOO_FEW_SAMPLES" -> "FEW SAMPLES";
            case "NOT_JUDGED" -> "NOT JUDGED";
            default -> firstNonNull(text(x, "status"), "").toUpperCase(Locale.ROOT);
        };
        String measured = value(x, unit, "measured");
        if (x.path("samples").isNumber()) {
            measured = (measured.isEmpty() ? "–" : measured) + " (" + Html.count(x.get("samples").asLong()) + " samples)";
        }
        String margin = x.path("marginPercent").isNumber() && Double.isFinite(x.get("marginPercent").asDouble())
            ? String.format(Locale.ROOT, "%+.1f %%", x.get("marginPercent").asDouble()) : "";
        return new SloLine(firstNonNull(text(x, "name"), "slo"), value(x, unit, "threshold"), measured, margin, status);
    }

    /** A number with its unit ("–" when it has no value), text as written, or "" when absent. */
    private static String value(JsonNode x, String unit, String name) {
        JsonNode v = x.get(name);
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isNumber() && !Double.isFinite(v.asDouble())) {
            return "–";
        }
        if (v.isNumber()) {
            return Html.num(v.asDouble(), v.asDouble() == Math.rint(v.asDouble()) ? 0 : 2) + (unit.isEmpty() ? "" : " " + unit);
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static String text(JsonNode x, String name) {
        JsonNode v = x.get(name);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
