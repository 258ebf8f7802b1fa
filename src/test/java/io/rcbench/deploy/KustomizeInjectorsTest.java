package io.rcbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/k8s/injectors renders offline ({@code kubectl kustomize}) into an Indexed Job of N injector shards, a
 * suspended merge Job and a shared results volume, with credentials from a Secret only; launch.sh renders a run.
 */
class KustomizeInjectorsTest {
    private static final Path INJECTORS = Path.of("deploy", "k8s", "injectors").toAbsolutePath();
    private static final Pattern SHARDS_DIR = Pattern.compile("shards-(\\d+)");

    @TempDir Path tmp;

    @Test
    void everyOverlayRendersAnIndexedJobOfItsShardCount() throws Exception {
        Map<Integer, Path> overlays = overlays();
        assertThat(overlays.keySet()).as("overlays under %s", INJECTORS.resolve("overlays")).contains(4, 16);
        for (Map.Entry<Integer, Path> o : overlays.entrySet()) {
            assertThat(InjectorJobCheck.problems(render(o.getValue()), o.getKey())).as("overlay %s", o.getValue()).isEmpty();
        }
        assertThat(InjectorJobCheck.problems(render(INJECTORS.resolve("base")), 1)).as("base").isEmpty();
    }

    @Test
    void everyShardServesItsLiveMetricsToPrometheus() throws Exception {
        for (Path dir : List.of(INJECTORS.resolve("base"), INJECTORS.resolve("overlays").resolve("shards-4"))) {
            JsonNode job = render(dir).stream().filter(d -> d.path("kind").asText().equals("Job")
                && d.path("metadata").path("name").asText().equals("rcbench-injectors")).findFirst().orElseThrow();
            JsonNode pod = job.path("spec").path("template");
            assertThat(pod.path("metadata").path("annotations").path("prometheus.io/scrape").asText()).isEqualTo("true");
            assertThat(pod.path("metadata").path("annotations").path("prometheus.io/port").asText()).isEqualTo("9464");
            JsonNode container = pod.path("spec").path("containers").path(0);
            assertThat(container.path("ports").toString()).contains("\"containerPort\":9464", "\"name\":\"metrics\"");
            Map<String, String> env = new java.util.HashMap<>();
            container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
            assertThat(env).containsEntry("RCBENCH_METRICS_PORT", "9464").containsEntry("RCBENCH_METRICS_HOST", "0.0.0.0");
        }
    }

    @Test
    void catchesAShardCountTheJobAndTheConfigMapDisagreeOn() throws Exception {
        Path overlay = overlay(String.join("\n",
            "configMapGenerator:",
            "  - name: rcbench-run",
            "    behavior: merge",
            "    literals: [RCBENCH_SHARDS=3]",
            "patchesStrategicMerge: [patch.yaml]"), String.join("\n",
            "apiVersion: batch/v1",
            "kind: Job",
            "metadata: {name: rcbench-injectors}",
            "spec: {completions: 4, parallelism: 4}"));
        assertThat(InjectorJobCheck.problems(render(overlay), 4))
            .containsExactly("ConfigMap RCBENCH_SHARDS: expected 4, got 3");
    }

    @Test
    void catchesACredentialSetInline() throws Exception {
        Path overlay = overlay("patchesStrategicMerge: [patch.yaml]", String.join("\n",
            "apiVersion: batch/v1",
            "kind: Job",
            "metadata: {name: rcbench-injectors}",
            "spec:",
            "  template:",
            "    spec:",
            "      containers:",
            "        - name: injector",
            "          env:",
            "            - {name: RCBENCH_ADMIN_PASSWORD, value: hunter2}"));
        assertThat(InjectorJobCheck.problems(render(overlay), 1))
            .anyMatch(p -> p.contains("RCBENCH_ADMIN_PASSWORD is set inline"));
    }

    @Test
    void launchRendersTheTargetTheRunNameAndOneStartTimeForAllShards() throws Exception {
        long before = System.currentTimeMillis();
        String out = ExternalTool.BASH.run(INJECTORS, Map.of(), "launch.sh", "--render", "overlays/shards-4",
            "minimal-vps", "https://chat.test.example", "r-42", "90").stdoutOrFail("launch.sh --render");
        long after = System.currentTimeMillis();
        List<JsonNode> docs = YamlDocuments.parseAll(out);
        assertThat(InjectorJobCheck.problems(docs, 4)).isEmpty();
        JsonNode data = docs.stream().filter(d -> d.path("kind").asText().equals("ConfigMap")).findFirst().orElseThrow()
            .path("data");
        assertThat(data.path("RCBENCH_PROFILE").asText()).isEqualTo("minimal-vps");
        assertThat(data.path("RCBENCH_TARGET").asText()).isEqualTo("https://chat.test.example");
        assertThat(data.path("RCBENCH_RUN").asText()).isEqualTo("r-42");
        // whole seconds from `date +%s`, plus the 90 s lead
        assertThat(Long.parseLong(data.path("RCBENCH_START_AT").asText()))
            .isBetween(before / 1000 * 1000 + 90_000, after + 90_000);
    }

    @Test
    void launchRefusesATargetThatIsNotAnHttpUrl() throws Exception {
        ExternalTool.Result r = ExternalTool.BASH.run(INJECTORS, Map.of(), "launch.sh", "--render", "overlays/shards-4",
            "minimal-vps", "chat.test.example", "r-1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("target must be an http(s) URL, got: chat.test.example");
    }

    @Test
    void launchRefusesAProfileTheRepositoryDoesNotHave() throws Exception {
        ExternalTool.Result r = ExternalTool.BASH.run(INJECTORS, Map.of(), "launch.sh", "--render", "overlays/shards-4",
            "no-such-profile", "https://chat.test.example", "r-1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("no profile no-such-profile in ").contains("/profiles");
    }

    private static Map<Integer, Path> overlays() throws Exception {
        Map<Integer, Path> found = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(INJECTORS.resolve("overlays"))) {
            for (Path d : dirs.toList()) {
                Matcher m = SHARDS_DIR.matcher(d.getFileName().toString());
                assertThat(m.matches()).as("overlay %s must be named shards-<N>", d).isTrue();
                found.put(Integer.parseInt(m.group(1)), d);
            }
        }
        return found;
    }

    /** A throw-away overlay on the base: its kustomization (after the base reference) and one patch file. */
    private Path overlay(String kustomization, String patch) throws Exception {
        String base = tmp.relativize(INJECTORS.resolve("base")).toString();
        Files.writeString(tmp.resolve("kustomization.yaml"), "bases: [" + base + "]\n" + kustomization + "\n");
        Files.writeString(tmp.resolve("patch.yaml"), patch + "\n");
        return tmp;
    }

    private static List<JsonNode> render(Path dir) throws Exception {
        return YamlDocuments.parseAll(ExternalTool.KUBECTL.run(dir, Map.of(), "kustomize", ".")
            .stdoutOrFail("kubectl kustomize " + dir));
    }
}
