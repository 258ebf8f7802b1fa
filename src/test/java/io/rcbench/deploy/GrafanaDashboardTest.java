package io.rcbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rcbench.ddp.Json;
import io.rcbench.live.LiveExporter;
import io.rcbench.run.ErrorReason;
import io.rcbench.run.HealthProbe;
import io.rcbench.run.RunMetrics;
import io.rcbench.workspace.DdpTestClient;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedPlan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/grafana/rcbench-dashboard.json asks only for what exists: every metric its panels' PromQL names is exported
 * by a live injector ({@link LiveExporter} fed by a run's recorders) or a live workspace (its /metrics after a login
 * and a message), both scraped over HTTP here; and every query is valid PromQL ({@code promtool check rules}).
 */
class GrafanaDashboardTest {
    private static final Path DASHBOARD = Path.of("deploy", "grafana", "rcbench-dashboard.json");
    private static final Pattern NAME_REGEX = Pattern.compile("__name__\\s*=~\\s*\"([^\"]*)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
        "ignoring", "group_left", "group_right");
    private static final ExternalTool PROMTOOL = new ExternalTool("promtool",
        "apt-get install prometheus (promtool comes with it); .ci/install-test-tools installs it when missing");

    @TempDir
    Path dir;

    @Test
    void everyPanelQueriesMetricsTheInjectorOrTheWorkspaceExports() throws Exception {
        Set<String> exported = new TreeSet<>();
        exported.addAll(names(injectorScrape()));
        exported.addAll(names(workspaceScrape()));

        Map<String, String> queries = queries();
        assertThat(queries).hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        queries.forEach((where, expr) -> {
            Names n = namesIn(expr);
            if (n.plain().isEmpty() && n.patterns().isEmpty()) {
                problems.add(where + ": names no metric: " + expr);
            }
            for (String name : n.plain()) {
                used.add(name);
                if (!exported.contains(name)) {
                    problems.add(where + ": " + name + " is exported by neither the injector nor the workspace");
                }
            }
            for (String regex : n.patterns()) {
                Pattern p = Pattern.compile(regex);
                List<String> matching = exported.stream().filter(e -> p.matcher(e).matches()).toList();
                used.addAll(matching);
                if (matching.isEmpty()) {
                    problems.add(where + ": no exported metric matches __name__=~\"" + regex + "\"");
                }
            }
        });
        assertThat(problems).isEmpty();
        assertThat(used).as("injector and target side by side")
            .anyMatch(n -> n.startsWith("rcbench_")).anyMatch(n -> n.startsWith("rocketchat_"));
    }

    @Test
    void everyPanelQueryIsValidPromQL() throws Exception {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int i = 0;
        for (String expr : queries().values()) {
            // Grafana fills $__rate_interval in before Prometheus sees the query
            String q = expr.replace("$__rate_interval", "1m");
            rules.append("      - record: dashboard:query:").append(i++).append("\n        expr: ")
                .append(new ObjectMapper().writeValueAsString(q)).append('\n');
        }
        Files.writeString(dir.resolve("rules.yml"), rules);
        ExternalTool.Result r = PROMTOOL.run(dir, Map.of(), "check", "rules", "rules.yml");
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).contains("SUCCESS: " + i + " rules found");
    }

    /** The metric names in a PromQL expression, and the {@code __name__=~} patterns. */
    record Names(Set<String> plain, Set<String> patterns) {
    }

    static Names namesIn(String expr) {
        Set<String> patterns = new TreeSet<>();
        Matcher m = NAME_REGEX.matcher(expr);
        while (m.find()) {
            patterns.add(m.group(1));
        }
        String e = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"") // strings: label values, regexes
            .replaceAll("\\{[^}]*\\}", " ")                              // label matchers
            .replaceAll("\\[[^\\]]*\\]", " ")                            // ranges
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " "); // label lists
        Set<String> plain = new TreeSet<>();
        Matcher id = IDENTIFIER.matcher(e);
        while (id.find()) {
            String rest = e.substring(id.end()).stripLeading();
            boolean function = rest.startsWith("(");
            boolean inNumber = id.start() > 0 && (Character.isDigit(e.charAt(id.start() - 1)) || e.charAt(id.start() - 1) == '.');
            if (!function && !inNumber && !KEYWORDS.contains(id.group())) {
                plain.add(id.group());
            }
        }
        return new Names(plain, patterns);
    }

    @Test
    void namesAreFoundInTheShapesTheDashboardUses() {
        assertThat(namesIn("histogram_quantile(0.95, sum by (le, action) (rate(rcbench_latency_seconds_bucket"
            + "{timing=\"corrected\"}[$__rate_interval])))").plain()).containsExactly("rcbench_latency_seconds_bucket");
        assertThat(namesIn("sum by (instance) (rate(process_cpu_seconds_total[1m])) * on (instance) group by "
            + "(instance) (rcbench_run_phase)").plain()).containsExactly("process_cpu_seconds_total", "rcbench_run_phase");
        assertThat(namesIn("max by (phase) (rcbench_run_phase) == 1").plain()).containsExactly("rcbench_run_phase");
        assertThat(namesIn("sum(rate({__name__=~\"rocketchat_message_sent(_total)?\"}[1m]))").patterns())
            .containsExactly("rocketchat_message_sent(_total)?");
    }

    /** Panel title and target ref → expression, for every query of every panel (rows included). */
    private static Map<String, String> queries() throws Exception {
        JsonNode dash = new ObjectMapper().readTree(DASHBOARD.toFile());
        Map<String, String> out = new LinkedHashMap<>();
        List<JsonNode> panels = new ArrayList<>();
        dash.path("panels").forEach(p -> {
            panels.add(p);
            p.path("panels").forEach(panels::add);
        });
        for (JsonNode p : panels) {
            for (JsonNode t : p.path("targets")) {
                out.put(p.path("title").asText() + " " + t.path("refId").asText(), t.path("expr").asText());
            }
        }
        return out;
    }

    /** The names of the samples of a Prometheus text exposition. */
    private static Set<String> names(String exposition) {
        Set<String> out = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.split("[{ ]", 2)[0]);
            }
        }
        return out;
    }

    /** A live injector exporter, fed as a run feeds it: actions, an error, a delivery, a health sample. */
    private static String injectorScrape() throws Exception {
        try (LiveExporter live = LiveExporter.start("127.0.0.1", 0, "ci-smoke", "0/1")) {
            RunMetrics m = new RunMetrics(Duration.ofMillis(100), Duration.ofSeconds(5));
            m.started("sendMessage", 0, 0);
            m.succeeded("sendMessage", 0, 0, 30_000_000);
            m.failed("sendMessage", ErrorReason.TIMEOUT);
            m.activeUsers().incrementAndGet();
            m.deliveries().listen("r", "u1");
            m.deliveries().sent("m", "r", "u0", 0);
            m.deliveries().received("m", "u1", 5_000_000, micros -> m.record("delivery", micros));
            live.health(() -> new HealthProbe.Sample(40, 5, 5, 1)).take();
            return scrape(live.port());
        }
    }

    /**
     * A live workspace with Rocket.Chat's default rate limits after a login, a message and calls past the limit of
     * one method (10 per connection per minute): its Rocket.Chat-named series have values.
     */
    private String workspaceScrape() throws Exception {
        try (Workspace ws = Workspace.start(TestWorkspaces.config(dir.resolve("ws")))) {
            String rid = ws.seeder().seed(new SeedPlan(2, 1, 2, "c", 0, 0, "pw", 4)).roomIds().get(0);
            try (DdpTestClient c = DdpTestClient.login(ws, "user.0", "pw")) {
                c.call("sendMessage", Json.object().put("rid", rid).put("msg", "dashboard"));
                for (int i = 0; i < 12; i++) {
                    c.call("rooms/get");
                }
                return scrape(ws.metricsPort());
            }
        }
    }

    private static String scrape(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
