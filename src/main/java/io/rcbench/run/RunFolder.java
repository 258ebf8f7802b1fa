package io.rcbench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Paths and JSON (de)serialisation of one run folder; see the package description for the layout. */
public record RunFolder(Path dir) {
    public static final String SUMMARY = "summary.json";
    public static final String TIMELINE = "timeline.jsonl";
    public static final String SERVER_METRICS = "server-metrics.jsonl";
    public static final String VERDICT = "verdict.json";
    public static final String REPORT = "index.html";
    public static final String GATLING_DIR = "gatling";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
        .enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINES = new ObjectMapper().findAndRegisterModules();

    public static ObjectMapper json() {
        return JSON;
    }

    public Path summaryFile() {
        return dir.resolve(SUMMARY);
    }

    /** The latency interval log of a single-injector run, or of shard {@code i} when {@code shard >= 0}. */
    public Path latencyLog(int shard) {
        return dir.resolve(shard < 0 ? "latency.hlog" : "latency-" + shard + ".hlog");
    }

    /** Every latency log in the folder (one per shard), sorted by name. */
    public List<Path> latencyLogs() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("latency(-\\d+)?\\.hlog")).sorted().toList();
        }
    }

    public RunSummary readSummary() throws IOException {
        return JSON.readValue(summaryFile().toFile(), RunSummary.class);
    }

    public void writeSummary(RunSummary summary) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(SUMMARY + ".tmp");
        JSON.writeValue(tmp.toFile(), summary);
        Files.move(tmp, summaryFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public List<TimelinePoint> readTimeline() throws IOException {
        return readLines(dir.resolve(TIMELINE), TimelinePoint.class);
    }

    public List<ServerSample> readServerMetrics() throws IOException {
        return readLines(dir.resolve(SERVER_METRICS), ServerSample.class);
    }

    /** Opens a JSON-lines file for appending records, one per line. */
    public JsonLinesWriter appendLines(String name) throws IOException {
        Files.createDirectories(dir);
        return new JsonLinesWriter(Files.newBufferedWriter(dir.resolve(name),
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND));
    }

    private static <T> List<T> readLines(Path file, Class<T> type) throws IOException {
        List<T> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (Stream<String> lines = Files.lines(file)) {
            lines.filter(l -> !l.isBlank()).forEach(l -> {
                try {
                    out.add(LINES.readValue(l, type));
                } catch (IOException e) {
                    throw new UncheckedIOException(file + ": " + e.getMessage(), e);
                }
            });
        }
        return out;
    }

    /** Appends records as JSON lines; flushes each line so a killed run keeps what it wrote. Thread-safe. */
    public static final class JsonLinesWriter implements AutoCloseable {
        private final BufferedWriter out;

        JsonLinesWriter(BufferedWriter out) {
            this.out = out;
        }

        public synchronized void write(Object record) throws IOException {
            out.write(LINES.writeValueAsString(record));
            out.newLine();
            out.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            out.close();
        }
    }
}
