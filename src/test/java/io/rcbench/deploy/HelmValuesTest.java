package io.rcbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.profile.Envelope;
import io.rcbench.profile.ProfileLoader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/helm/&lt;profile&gt;-values.yaml, for Rocket.Chat's official chart, runs microservices with one DDP streamer per
 * instance of the profile, and the replicas' resources (requests = limits) add up to the profile's cores and memory;
 * Prometheus scraping is on; the external database comes from a Secret, and no credential is written in the file.
 */
class HelmValuesTest {
    private static final Path HELM = Path.of("deploy", "helm").toAbsolutePath();

    private final ProfileLoader profiles = new ProfileLoader(Path.of("profiles"));

    @Test
    void valuesHoldTheirProfilesEnvelope() throws Exception {
        List<Path> files = valuesFiles();
        assertThat(files).extracting(f -> f.getFileName().toString())
            .contains("sizing-small-microservices-values.yaml", "sizing-large-microservices-values.yaml");
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString().replace("-values.yaml", "");
            problems.addAll(problems(name, YamlDocuments.parse(Files.readString(f)), profiles.load(name).envelope()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void catchesReplicasThatLeaveTheEnvelope() throws Exception {
        String text = Files.readString(HELM.resolve("sizing-small-microservices-values.yaml"))
            .replace("replicaCount: 8", "replicaCount: 9");
        assertThat(problems("sizing-small-microservices", YamlDocuments.parse(text),
            profiles.load("sizing-small-microservices").envelope())).containsExactly(
                "sizing-small-microservices: CPUs of all replicas 63, the profile's envelope says 60",
                "sizing-small-microservices: MiB of all replicas 34304, the profile's envelope says 32768");
    }

    @Test
    void catchesALicenceOrPasswordWrittenInTheFile() throws Exception {
        String text = Files.readString(HELM.resolve("sizing-large-microservices-values.yaml"))
            + "license: abc123\nsmtp: {password: hunter2}\n";
        assertThat(problems("sizing-large-microservices", YamlDocuments.parse(text),
            profiles.load("sizing-large-microservices").envelope())).containsExactly(
                "sizing-large-microservices: license holds a credential inline; pass it from a Secret or at install time",
                "sizing-large-microservices: smtp.password holds a credential inline; pass it from a Secret or at install time");
    }

    /** One component of the chart: how many replicas, and the resources of each. */
    private record Component(String name, int replicas, JsonNode resources) {
    }

    static List<String> problems(String name, JsonNode v, Envelope env) {
        List<String> problems = new ArrayList<>();
        JsonNode ms = v.path("microservices");
        if (!ms.path("enabled").asBoolean(false)) {
            problems.add(name + ": microservices.enabled must be true");
        }
        if (ms.path("ddpStreamer").path("replicas").asInt(-1) != env.instances()) {
            problems.add(name + ": ddp-streamer replicas " + ms.path("ddpStreamer").path("replicas").asInt(-1)
                + ", the profile's instances " + env.instances());
        }
        if (ms.path("streamHub").has("replicas")) {
            problems.add(name + ": stream-hub cannot be scaled; leave its replicas unset");
        }
        List<Component> components = List.of(
            new Component("rocketchat", v.path("replicaCount").asInt(1), v.path("resources")),
            new Component("ddp-streamer", ms.path("ddpStreamer").path("replicas").asInt(1), ms.path("ddpStreamer").path("resources")),
            new Component("account", ms.path("account").path("replicas").asInt(1), ms.path("account").path("resources")),
            new Component("authorization", ms.path("authorization").path("replicas").asInt(1), ms.path("authorization").path("resources")),
            new Component("presence", ms.path("presence").path("replicas").asInt(1), ms.path("presence").path("resources")),
            new Component("stream-hub", 1, ms.path("streamHub").path("resources")),
            new Component("nats", v.path("nats").path("cluster").path("replicas").asInt(1), v.path("nats").path("nats").path("resources")));
        BigDecimal cpus = BigDecimal.ZERO;
        BigDecimal mib = BigDecimal.ZERO;
        for (Component c : components) {
            JsonNode limits = c.resources().path("limits");
            if (limits.path("cpu").asText().isEmpty() || limits.path("memory").asText().isEmpty()
                || !limits.equals(c.resources().path("requests"))) {
                problems.add(name + "/" + c.name() + ": requests and limits (cpu, memory) must be set and equal, got " + c.resources());
                continue;
            }
            BigDecimal n = BigDecimal.valueOf(c.replicas());
            cpus = cpus.add(Quantities.cores(limits.path("cpu").asText()).multiply(n));
            mib = mib.add(Quantities.kubernetesMib(limits.path("memory").asText()).multiply(n));
        }
        if (cpus.compareTo(BigDecimal.valueOf(env.cores())) != 0) {
            problems.add(name + ": CPUs of all replicas " + cpus.stripTrailingZeros().toPlainString()
                + ", the profile's envelope says " + BigDecimal.valueOf(env.cores()).stripTrailingZeros().toPlainString());
        }
        if (mib.compareTo(BigDecimal.valueOf(env.memoryMb())) != 0) {
            problems.add(name + ": MiB of all replicas " + mib.stripTrailingZeros().toPlainString()
                + ", the profile's envelope says " + env.memoryMb());
        }
        if (!v.path("prometheusScraping").path("enabled").asBoolean(false)) {
            problems.add(name + ": prometheusScraping.enabled must be true");
        }
        if (env.database().placement() == Envelope.Database.Placement.EXTERNAL
            && (v.path("mongodb").path("enabled").asBoolean(true) || v.path("existingMongodbSecret").asText().isBlank())) {
            problems.add(name + ": the database is external: mongodb.enabled false and existingMongodbSecret set");
        }
        for (String path : inlineSecrets(v, "")) {
            problems.add(name + ": " + path + " holds a credential inline; pass it from a Secret or at install time");
        }
        return problems;
    }

    /** Paths of non-empty values under keys that hold credentials (passwords, licences, tokens, Mongo URLs). */
    private static List<String> inlineSecrets(JsonNode node, String at) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
            String key = e.getKey().toLowerCase(java.util.Locale.ROOT);
            boolean credentialKey = key.contains("password") || key.equals("license") || key.contains("token")
                || key.equals("externalmongodburl") || key.equals("externalmongodboplogurl");
            if (credentialKey && !e.getValue().isContainerNode() && !e.getValue().asText().isBlank()) {
                found.add(path);
            }
            found.addAll(inlineSecrets(e.getValue(), path));
        }
        return found;
    }

    private static List<Path> valuesFiles() throws Exception {
        try (Stream<Path> files = Files.list(HELM)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
        }
    }
}
