package io.rcbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Debian's headless Chromium driven over the DevTools protocol (a WebSocket on 127.0.0.1): opens a page,
 * collects console messages, exceptions and log entries, evaluates expressions and takes full-page
 * screenshots. One browser per instance; {@link #close()} kills it.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private final Process process;
    private final Path profile;
    private final WebSocketClient ws;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    /** The chromium binary on the PATH, or null. */
    static String binary() {
        for (String name : new String[] {"chromium", "chromium-browser"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    HeadlessChromium(String binary) throws Exception {
        profile = Files.createTempDirectory("rcbench-chromium-");
        process = new ProcessBuilder(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--disable-extensions", "--disable-background-networking", "--hide-scrollbars",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
            .redirectErrorStream(true).start();
        String browserWs = awaitListening();
        URI b = URI.create(browserWs);
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + b.getPort() + "/json/list")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        String pageWs = null;
        for (JsonNode t : JSON.readTree(list.body())) {
            if ("page".equals(t.path("type").asText())) {
                pageWs = t.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (pageWs == null) {
            throw new IOException("chromium has no page target: " + list.body());
        }
        ws = new WebSocketClient(URI.create(pageWs)) {
            @Override
            public void onOpen(ServerHandshake h) {
            }

            @Override
            public void onMessage(String message) {
                handle(message);
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                pending.values().forEach(f -> f.completeExceptionally(new IOException("DevTools closed: " + reason)));
            }

            @Override
            public void onError(Exception e) {
                problems.add("DevTools socket: " + e);
            }
        };
        if (!ws.connectBlocking(10, TimeUnit.SECONDS)) {
            throw new IOException("could not connect to " + pageWs);
        }
        call("Runtime.enable", null);
        call("Log.enable", null);
        call("Page.enable", null);
    }

    private String awaitListening() throws Exception {
        CompletableFuture<String> url = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    } else if (output.length() < 4000) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            url.completeExceptionally(new IOException("chromium exited without DevTools: " + output));
        }, "chromium-output");
        reader.setDaemon(true);
        reader.start();
        return url.get(30, TimeUnit.SECONDS);
    }

    private void handle(String message) {
        try {
            JsonNode m = JSON.readTree(message);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    if (m.has("error")) {
                        f.completeExceptionally(new IOException("DevTools error: " + m.get("error")));
                    } else {
                        f.complete(m.path("result"));
                    }
                }
                return;
            }
            String method = m.path("method").asText();
            JsonNode p = m.path("params");
            switch (method) {
                case "Page.loadEventFired" -> loaded.complete(null);
                case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails"));
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
                        problems.add("console." + type + ": " + p.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    String level = p.path("entry").path("level").asText();
                    if (level.equals("error") || level.equals("warning")) {
                        problems.add("log " + level + ": " + p.path("entry").path("text").asText() + " "
                            + p.path("entry").path("url").asText());
                    }
                }
                case "Page.javascriptDialogOpening" -> problems.add("dialog opened: " + p.path("message").asText());
                default -> {
                }
            }
        } catch (IOException e) {
            problems.add("bad DevTools message: " + e);
        }
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            msg.set("params", params);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ws.send(JSON.writeValueAsString(msg));
        return f.get(60, TimeUnit.SECONDS);
    }

    /** Opens {@code file} in a {@code widthPx} wide window and waits for its load event. */
    void open(Path file, int widthPx) throws Exception {
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", widthPx).put("height", 1000)
            .put("deviceScaleFactor", 1).put("mobile", false));
        loaded = new CompletableFuture<>();
        call("Page.navigate", JSON.createObjectNode().put("url", file.toUri().toString()));
        loaded.get(60, TimeUnit.SECONDS);
    }

    /** The value of a JavaScript expression (JSON-serialisable). */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IOException("evaluation failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Saves a PNG of the whole page. */
    void screenshot(Path png) throws Exception {
        JsonNode metrics = call("Page.getLayoutMetrics", null);
        JsonNode size = metrics.has("cssContentSize") ? metrics.get("cssContentSize") : metrics.get("contentSize");
        ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0).put("width", size.path("width").asDouble())
            .put("height", size.path("height").asDouble()).put("scale", 1);
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        JsonNode shot = call("Page.captureScreenshot", params);
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** Console errors and warnings, uncaught exceptions, error log entries and dialogs seen so far. */
    List<String> problems() {
        return new ArrayList<>(problems);
    }

    @Override
    public void close() throws Exception {
        try {
            ws.closeBlocking();
        } finally {
            List<ProcessHandle> children = process.descendants().toList(); // renderer, GPU and zygote processes
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
