package io.rcbench.live;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus} package, installed by {@code .ci/install-test-tools}) on a
 * loopback port, scraping the given targets every second into a temporary store; queried through its HTTP API.
 * A missing binary fails the test with what to install (the installer runs before the tests).
 */
final class PrometheusServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts Prometheus scraping {@code targets} (host:port) every second; waits up to 60 s until it is ready. */
    static PrometheusServer start(Path dir, String... targets) throws IOException, InterruptedException {
        String binary = binary();
        int port = freePort();
        StringBuilder cfg = new StringBuilder("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
            + "scrape_configs:\n  - job_name: rcbench-injector\n    static_configs:\n      - targets: [");
        cfg.append(String.join(", ", java.util.Arrays.stream(targets).map(t -> "'" + t + "'").toList())).append("]\n");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, cfg);
        Process p = new ProcessBuilder(binary, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
            "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
            .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(p, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
            }
            if (server.ready()) {
                return server;
            }
            Thread.sleep(200);
        }
        server.close();
        fail("prometheus not ready within 60 s: " + Files.readString(dir.resolve("prometheus.log")));
        return null;
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The {@code data.result} array of an instant query at now; fails the test on an API error. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        URI uri = base.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            fail("query " + promql + " failed: " + r.body());
        }
        return body.path("data").path("result");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String binary() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "prometheus"))) {
                return Path.of(d, "prometheus").toString();
            }
        }
        fail("prometheus is not installed, and this test needs a real one: apt-get install prometheus "
            + "(.ci/install-test-tools installs it when missing)");
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
