package io.rcbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.profile.Envelope;
import io.rcbench.profile.ProfileLoader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every deploy/compose/&lt;profile&gt; target passes {@code docker-compose config} (offline, no daemon) and holds its
 * profile's envelope: the app and (local) database services' CPU and memory limits add up to the profile's cores
 * and memory, the Rocket.Chat instances number the profile's instances, MongoDB is a replica set initialised before
 * Rocket.Chat starts, Prometheus scrapes Rocket.Chat's exporter and the rcbench injectors, and Grafana shows the
 * rcbench dashboard.
 */
class ComposeTargetsTest {
    private static final Path COMPOSE = Path.of("deploy", "compose").toAbsolutePath();
    private static final Path HELM = Path.of("deploy", "helm").toAbsolutePath();
    /** The profiles whose claims come from the documents (profiles/README.md); each needs a target to test it on. */
    private static final List<String> DOCUMENTED = List.of("minimal-vps", "recommended-vps", "raspberry-pi", "bare-metal",
        "sizing-vps", "sizing-small-ha", "sizing-small-microservices", "sizing-large-microservices", "scaled-threshold");
    /** What a user sets for an external database; the files refuse to start without it. */
    private static final Map<String, String> EXTERNAL_DB = Map.of(
        "MONGO_URL", "mongodb://db.test:27017/rocketchat?replicaSet=rs0",
        "MONGO_OPLOG_URL", "mongodb://db.test:27017/local?replicaSet=rs0",
        "MONGODB_ADVERTISED_HOST", "db.test");

    private final ProfileLoader profiles = new ProfileLoader(Path.of("profiles"));

    @Test
    void everyDocumentedProfileHasATargetDeployment() {
        for (String p : DOCUMENTED) {
            assertThat(Files.isRegularFile(COMPOSE.resolve(p).resolve("docker-compose.yml"))
                || Files.isRegularFile(HELM.resolve(p + "-values.yaml")))
                .as("deploy/compose/%s/docker-compose.yml or deploy/helm/%s-values.yaml", p, p).isTrue();
        }
    }

    @Test
    void everyComposeTargetHoldsItsProfilesEnvelope() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Path> targets = targets();
        assertThat(targets).hasSizeGreaterThanOrEqualTo(7);
        Map<Path, JsonNode> rendered = configAll(targets);
        for (Path dir : targets) {
            String name = dir.getFileName().toString();
            Envelope env = profiles.load(name).envelope();
            JsonNode services = rendered.get(dir.resolve("docker-compose.yml")).path("services");
            boolean local = env.database().placement() == Envelope.Database.Placement.LOCAL;
            Totals app = Totals.of(services, "app", problems, name);
            Totals db = Totals.of(services, "database", problems, name);
            expectEqual(problems, name + ": CPUs of app" + (local ? " + database" : ""), local ? app.cpus.add(db.cpus) : app.cpus,
                BigDecimal.valueOf(env.cores()));
            expectEqual(problems, name + ": MiB of app" + (local ? " + database" : ""), local ? app.mib.add(db.mib) : app.mib,
                BigDecimal.valueOf(env.memoryMb()));
            if (local != db.count > 0) {
                problems.add(name + ": database placement " + env.database().placement() + " but " + db.count
                    + " database services in docker-compose.yml");
            }
            checkRocketChat(services, env, local, problems, name);
            checkMongo(services, problems, name);
            if (services.properties().stream().noneMatch(e -> role(e.getValue()).equals("observer")
                && e.getValue().path("image").asText().contains("prometheus"))) {
                problems.add(name + ": no Prometheus service (role observer)");
            }
            JsonNode grafana = services.path("grafana");
            if (!role(grafana).equals("observer") || !grafana.path("volumes").toString().contains("rcbench-dashboard.json")
                || !grafana.path("volumes").toString().contains("/etc/grafana/provisioning")) {
                problems.add(name + ": no Grafana (role observer) with the rcbench dashboard provisioned");
            }
            checkExternalDatabase(dir, rendered.get(dir.resolve("database.yml")), env, problems, name);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void prometheusScrapesEveryInstanceByTheAliasTheyShare() throws Exception {
        JsonNode conf = YamlDocuments.parse(Files.readString(COMPOSE.resolve("base").resolve("prometheus.yml")));
        JsonNode rc = null;
        for (JsonNode job : conf.path("scrape_configs")) {
            if (job.path("job_name").asText().equals("rocketchat")) {
                rc = job.path("dns_sd_configs").path(0);
            }
        }
        assertThat(rc).as("scrape job rocketchat with dns_sd_configs").isNotNull();
        assertThat(rc.path("names").toString()).isEqualTo("[\"rocketchat\"]");
        assertThat(rc.path("port").asInt()).isEqualTo(9458);
        JsonNode injectors = null;
        for (JsonNode job : conf.path("scrape_configs")) {
            if (job.path("job_name").asText().equals("rcbench-injector")) {
                injectors = job.path("file_sd_configs").path(0).path("files");
            }
        }
        assertThat(injectors).as("scrape job rcbench-injector with file_sd_configs").isNotNull();
        assertThat(injectors.toString()).isEqualTo("[\"/etc/prometheus/injectors.yml\"]");
        assertThat(YamlDocuments.parse(Files.readString(COMPOSE.resolve("base").resolve("injectors.yml")))
            .path(0).path("targets").toString()).contains(":9464");
        // A lone instance is the service `rocketchat`; several share the network alias `rocketchat`.
        JsonNode ha = config(COMPOSE.resolve("sizing-small-ha"), "docker-compose.yml").path("services");
        for (String instance : List.of("rocketchat-1", "rocketchat-2")) {
            assertThat(ha.path(instance).path("networks").path("default").path("aliases").toString())
                .as(instance).contains("\"rocketchat\"");
        }
    }

    @Test
    void anExternalDatabaseTargetRefusesToStartWithoutMongoUrl() throws Exception {
        ExternalTool.Result r = ExternalTool.DOCKER_COMPOSE.run(COMPOSE.resolve("raspberry-pi"),
            Map.of("MONGO_URL", "", "MONGO_OPLOG_URL", ""), "-f", "docker-compose.yml", "config");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("set MONGO_URL to the external replica set");
    }

    private void checkRocketChat(JsonNode services, Envelope env, boolean local, List<String> problems, String name) {
        int instances = 0;
        for (var e : services.properties()) {
            JsonNode s = e.getValue();
            if (!s.path("image").asText().contains("rocket.chat")) {
                continue;
            }
            instances++;
            if (!e.getKey().equals("rocketchat")
                && !s.path("networks").path("default").path("aliases").toString().contains("\"rocketchat\"")) {
                problems.add(name + "/" + e.getKey() + ": Prometheus finds instances by the name rocketchat: add it as an alias");
            }
            JsonNode vars = s.path("environment");
            if (!vars.path("OVERWRITE_SETTING_Prometheus_Enabled").asText().equals("true")
                || !vars.path("OVERWRITE_SETTING_Prometheus_Port").asText().equals("9458")) {
                problems.add(name + "/" + e.getKey() + ": Prometheus exporter not enabled on port 9458");
            }
            if (!vars.path("MONGO_URL").asText().contains("replicaSet=rs0")
                || !vars.path("MONGO_OPLOG_URL").asText().contains("/local?replicaSet=rs0")) {
                problems.add(name + "/" + e.getKey() + ": MONGO_URL / MONGO_OPLOG_URL do not name replica set rs0");
            }
            if (local && !s.path("depends_on").path("mongodb-init").path("condition").asText()
                .equals("service_completed_successfully")) {
                problems.add(name + "/" + e.getKey() + ": does not wait for the replica set (mongodb-init)");
            }
        }
        if (instances != env.instances()) {
            problems.add(name + ": " + instances + " Rocket.Chat instances, the profile says " + env.instances());
        }
    }

    private static void checkMongo(JsonNode services, List<String> problems, String name) {
        JsonNode mongod = services.path("mongodb");
        if (mongod.isMissingNode()) {
            return;
        }
        String cmd = mongod.path("command").toString();
        if (!cmd.contains("\"--replSet\",\"rs0\"") || !cmd.contains("--wiredTigerCacheSizeGB")) {
            problems.add(name + ": mongod must run as replica set rs0 with a cache sized to its limit, got " + cmd);
        }
        if (!services.path("mongodb-init").path("command").toString().contains("rs.initiate")) {
            problems.add(name + ": no mongodb-init service initiating the replica set");
        }
    }

    private void checkExternalDatabase(Path dir, JsonNode database, Envelope env, List<String> problems, String name) {
        boolean sized = env.database().memoryMb().isPresent();
        if ((database != null) != sized) {
            problems.add(name + ": database.yml " + (sized ? "missing for the profile's sized external database"
                : "present but the profile gives the database no size"));
        }
        if (!sized || database == null) {
            return;
        }
        JsonNode services = database.path("services");
        Totals db = Totals.of(services, "database", problems, name + "/database.yml");
        expectEqual(problems, name + "/database.yml: database MiB", db.mib, BigDecimal.valueOf(env.database().memoryMb().getAsLong()));
        env.database().cores().ifPresent(c ->
            expectEqual(problems, name + "/database.yml: database CPUs", db.cpus, BigDecimal.valueOf(c)));
        checkMongo(services, problems, name + "/database.yml");
    }

    /** CPU and memory limits summed over the services of one role; a service of that role without limits is a problem. */
    private record Totals(int count, BigDecimal cpus, BigDecimal mib) {
        static Totals of(JsonNode services, String role, List<String> problems, String where) {
            int n = 0;
            BigDecimal cpus = BigDecimal.ZERO;
            BigDecimal mib = BigDecimal.ZERO;
            for (var e : services.properties()) {
                JsonNode s = e.getValue();
                if (!role(s).equals(role)) {
                    continue;
                }
                n++;
                if (!s.has("cpus") || !s.has("mem_limit")) {
                    problems.add(where + "/" + e.getKey() + ": cpus and mem_limit must both be set");
                    continue;
                }
                if (!s.path("memswap_limit").asText().equals(s.path("mem_limit").asText())) {
                    problems.add(where + "/" + e.getKey() + ": memswap_limit must equal mem_limit (no swap beyond the envelope)");
                }
                cpus = cpus.add(new BigDecimal(s.path("cpus").asText()));
                mib = mib.add(Quantities.composeMib(s.path("mem_limit").asText()));
            }
            return new Totals(n, cpus, mib);
        }
    }

    private static String role(JsonNode service) {
        return service.path("labels").path("io.rcbench.role").asText();
    }

    private static void expectEqual(List<String> problems, String what, BigDecimal actual, BigDecimal expected) {
        if (actual.compareTo(expected) != 0) {
            problems.add(what + ": " + actual.stripTrailingZeros().toPlainString() + ", the profile's envelope says "
                + expected.stripTrailingZeros().toPlainString());
        }
    }

    private static List<Path> targets() throws Exception {
        try (Stream<Path> dirs = Files.list(COMPOSE)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("docker-compose.yml"))).sorted().toList();
        }
    }

    /** {@code docker-compose config} of every docker-compose.yml and database.yml, run side by side (each takes ~1 s). */
    private static Map<Path, JsonNode> configAll(List<Path> dirs) throws Exception {
        Map<Path, CompletableFuture<JsonNode>> pending = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Path dir : dirs) {
                for (String file : List.of("docker-compose.yml", "database.yml")) {
                    if (Files.exists(dir.resolve(file))) {
                        pending.put(dir.resolve(file), CompletableFuture.supplyAsync(() -> {
                            try {
                                return config(dir, file);
                            } catch (Exception e) {
                                throw new CompletionException(e);
                            }
                        }, pool));
                    }
                }
            }
            Map<Path, JsonNode> done = new HashMap<>();
            for (var e : pending.entrySet()) {
                done.put(e.getKey(), e.getValue().join());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode config(Path dir, String file) throws Exception {
        return YamlDocuments.parse(ExternalTool.DOCKER_COMPOSE.run(dir, EXTERNAL_DB, "-f", file, "config")
            .stdoutOrFail("docker-compose -f " + dir.getFileName() + "/" + file + " config"));
    }
}
