package io.rcbench.job;

import io.rcbench.run.RunFolder;
import io.rcbench.run.ServerSample;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scrapes the target's Prometheus endpoint during a run and appends the series a capacity report shows
 * ({@code rocketchat_*} and the process CPU and memory) to {@code server-metrics.jsonl}, on the run's time axis.
 * A failed scrape is counted and skipped: the target's metrics are a second view, never a reason to stop a run.
 */
public final class ServerMetricsScraper implements AutoCloseable {
    /** Series kept, by name prefix. */
    static final List<String> PREFIXES = List.of("rocketchat_", "process_cpu_seconds_total",
        "process_resident_memory_bytes", "jvm_memory_used_bytes", "jvm_gc_collection_seconds");
    private final URI endpoint;
    private final RunFolder.JsonLinesWriter out;
    private final long startNanos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService thread;
    private final LongAdder failures = new LongAdder();

    public ServerMetricsScraper(URI endpoint, RunFolder folder, long startNanos, Duration every) throws IOException {
        this.endpoint = endpoint;
        this.out = folder.appendLines(RunFolder.SERVER_METRICS);
        this.startNanos = startNanos;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "server-metrics");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleAtFixedRate(this::scrape, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scrape() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                failures.increment();
                return;
            }
            out.write(new ServerSample((System.nanoTime() - startNanos) / 1_000_000, parse(r.body())));
        } catch (IOException | RuntimeException e) {
            failures.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The kept series of a Prometheus text exposition, by {@code name{labels}}. */
    static Map<String, Double> parse(String exposition) {
        Map<String, Double> values = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#' || PREFIXES.stream().noneMatch(line::startsWith)) {
                continue;
            }
            int end = line.lastIndexOf('}');
            int split = end >= 0 ? line.indexOf(' ', end) : line.indexOf(' ');
            if (split < 0) {
                continue;
            }
            String rest = line.substring(split + 1).trim();
            int sp = rest.indexOf(' ');
            try {
                values.put(line.substring(0, split), Double.parseDouble(sp < 0 ? rest : rest.substring(0, sp)));
            } catch (NumberFormatException e) {
                // a value Prometheus allows but we do not chart (NaN spelled oddly): skip the line
            }
        }
        return values;
    }

    /** Scrapes that failed (unreachable, non-200). */
    public long failures() {
        return failures.sum();
    }

    @Override
    public void close() throws IOException {
        thread.shutdownNow();
        out.close();
    }
}
