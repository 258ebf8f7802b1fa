package io.rcbench.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a rendered injector kustomization must hold for an N-shard run, as a list of problems (empty: fine).
 * Kept apart from the test so that a test can also show it catches a broken manifest.
 */
final class InjectorJobCheck {
    static final String INJECTORS = "rcbench-injectors";
    static final String MERGE = "rcbench-merge";
    static final String SECRET = "rcbench-credentials";
    /** Where the image keeps profiles/ (deploy/injector/Dockerfile), passed to {@code run --profiles}. */
    static final String PROFILES_IN_IMAGE = "/opt/rcbench/profiles";
    static final List<String> SECRET_ENV = List.of("RCBENCH_ADMIN_USER", "RCBENCH_ADMIN_PASSWORD", "RCBENCH_USER_PASSWORD");
    /** Names of variables that hold credentials: they may come from a Secret only. */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(PASSWORD|PASS|SECRET|TOKEN|USER|CREDENTIAL).*");

    private final List<JsonNode> docs;
    private final List<String> problems = new ArrayList<>();

    private InjectorJobCheck(List<JsonNode> docs) {
        this.docs = docs;
    }

    /** Problems of {@code docs} (the output of {@code kubectl kustomize}) for a run of {@code shards} injectors. */
    static List<String> problems(List<JsonNode> docs, int shards) {
        InjectorJobCheck c = new InjectorJobCheck(docs);
        c.check(shards);
        return c.problems;
    }

    private void check(int shards) {
        docs.stream().filter(d -> d.path("kind").asText().equals("Secret"))
            .forEach(d -> problems.add("a Secret is rendered (" + d.path("metadata").path("name").asText()
                + "): credentials must be created outside the manifests"));
        Optional<JsonNode> injectors = find("Job", INJECTORS);
        Optional<JsonNode> merge = find("Job", MERGE);
        Optional<JsonNode> pvc = find("PersistentVolumeClaim", "rcbench-results");
        Optional<JsonNode> config = docs.stream().filter(d -> d.path("kind").asText().equals("ConfigMap")
            && d.path("metadata").path("name").asText().startsWith("rcbench-run")).findFirst();
        if (injectors.isEmpty() || merge.isEmpty() || pvc.isEmpty() || config.isEmpty()) {
            problems.add("expected Jobs " + INJECTORS + " and " + MERGE + ", PVC rcbench-results and ConfigMap rcbench-run;"
                + " found " + injectors.isPresent() + ", " + merge.isPresent() + ", " + pvc.isPresent() + ", " + config.isPresent());
            return;
        }
        checkInjectors(injectors.get().path("spec"), shards, config.get());
        checkMerge(merge.get().path("spec"), injectors.get().path("spec"));
        if (!pvc.get().path("spec").path("accessModes").toString().contains("ReadWriteMany")) {
            problems.add("the results PVC must be ReadWriteMany (shards on many nodes write to it)");
        }
        for (JsonNode job : List.of(injectors.get(), merge.get())) {
            checkPod(job.path("metadata").path("name").asText(), job.path("spec").path("template").path("spec"),
                config.get().path("metadata").path("name").asText());
        }
    }

    private void checkInjectors(JsonNode spec, int shards, JsonNode config) {
        expect(spec.path("completionMode").asText(), "Indexed", "injector completionMode");
        expect(spec.path("completions").asInt(-1), shards, "injector completions");
        expect(spec.path("parallelism").asInt(-1), shards, "injector parallelism");
        expect(config.path("data").path("RCBENCH_SHARDS").asText(), String.valueOf(shards), "ConfigMap RCBENCH_SHARDS");
        if (spec.path("activeDeadlineSeconds").asLong(0) <= 0) {
            problems.add("the injector Job needs activeDeadlineSeconds: every run is bounded");
        }
        JsonNode args = container(spec).path("args");
        expect(argAfter(args, "run", -1), "run", "injector command (first arg)");
        expect(argAfter(args, "--profile", 1), "$(RCBENCH_PROFILE)", "--profile value");
        expect(argAfter(args, "--profiles", 1), PROFILES_IN_IMAGE, "--profiles value");
        if (config.path("data").path("RCBENCH_PROFILE").asText().isEmpty()) {
            problems.add("ConfigMap RCBENCH_PROFILE is not set");
        }
        expect(argAfter(args, "--shard", 1), "$(JOB_COMPLETION_INDEX)/$(RCBENCH_SHARDS)", "--shard value");
        expect(argAfter(args, "--start-at", 1), "$(RCBENCH_START_AT)", "--start-at value");
        expect(argAfter(args, "--target", 1), "$(RCBENCH_TARGET)", "--target value");
        if (!argAfter(args, "--reports", 1).startsWith("/results/")) {
            problems.add("--reports must write to the shared volume /results, got " + argAfter(args, "--reports", 1));
        }
        for (String name : SECRET_ENV) {
            JsonNode ref = envVar(container(spec), name).path("valueFrom").path("secretKeyRef");
            if (!ref.path("name").asText().equals(SECRET) || ref.path("key").asText().isEmpty()) {
                problems.add(name + " must come from Secret " + SECRET + ", got " + envVar(container(spec), name));
            }
        }
    }

    private void checkMerge(JsonNode spec, JsonNode injectorSpec) {
        if (!spec.path("suspend").asBoolean(false)) {
            problems.add("the merge Job must be created suspended (it runs once every shard has completed)");
        }
        JsonNode args = container(spec).path("args");
        expect(args.path(0).asText(), "merge", "merge command (first arg)");
        expect(args.path(1).asText(), argAfter(container(injectorSpec).path("args"), "--reports", 1),
            "merge input (the shards' --reports folder)");
        if (!argAfter(args, "--out", 1).startsWith("/results/")) {
            problems.add("merge --out must be on the shared volume /results");
        }
    }

    private void checkPod(String job, JsonNode pod, String configName) {
        if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
            problems.add(job + ": pods must run as non-root");
        }
        boolean mountsResults = false;
        for (JsonNode v : pod.path("volumes")) {
            mountsResults |= v.path("persistentVolumeClaim").path("claimName").asText().equals("rcbench-results");
        }
        if (!mountsResults) {
            problems.add(job + ": the results PVC is not among the volumes");
        }
        for (JsonNode c : pod.path("containers")) {
            String where = job + "/" + c.path("name").asText();
            for (String kind : List.of("requests", "limits")) {
                for (String res : List.of("cpu", "memory")) {
                    if (c.path("resources").path(kind).path(res).asText().isEmpty()) {
                        problems.add(where + ": resources." + kind + "." + res + " is not set");
                    }
                }
            }
            if (!c.path("envFrom").toString().contains(configName)) {
                problems.add(where + ": envFrom does not reference the run ConfigMap " + configName);
            }
            for (JsonNode e : c.path("env")) {
                if (e.has("value") && CREDENTIAL.matcher(e.path("name").asText()).matches()) {
                    problems.add(where + ": " + e.path("name").asText() + " is set inline; credentials come from a Secret");
                }
            }
            if (!c.path("volumeMounts").toString().contains("\"/results\"")) {
                problems.add(where + ": /results is not mounted");
            }
        }
    }

    private Optional<JsonNode> find(String kind, String name) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)
            && d.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    private static JsonNode container(JsonNode jobSpec) {
        return jobSpec.path("template").path("spec").path("containers").path(0);
    }

    private static JsonNode envVar(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The argument {@code offset} places after {@code flag} ({@code -1}: the first argument, if it is {@code flag}). */
    private static String argAfter(JsonNode args, String flag, int offset) {
        if (offset < 0) {
            return args.path(0).asText();
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).asText().equals(flag)) {
                return args.path(i + offset).asText();
            }
        }
        return "<missing " + flag + ">";
    }

    private void expect(Object actual, Object expected, String what) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
