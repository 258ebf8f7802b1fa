package io.rcbench.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.seed.SeedPlan;
import io.rcbench.workspace.seed.SeedResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Node SDK ({@code @rocket.chat/sdk}, pinned in src/test/node/package.json) against a workspace
 * started in-process: src/test/node/compat.mjs logs in, joins a room, subscribes to its messages, sends a
 * message and must receive it. Without node and npm on the PATH the test is skipped, unless the environment
 * variable CI is "true" or the system property {@code rcbench.requireNode} is true, where it fails.
 */
class NodeSdkCompatTest {
    private static final Path NODE_PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
        .resolve("src/test/node");
    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(3);
    /** compat.mjs stops itself after RUN_TIMEOUT; the process gets a margin beyond that before it is killed. */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROCESS_TIMEOUT = RUN_TIMEOUT.plusSeconds(15);
    private static final List<String> STEPS = List.of("connect", "login", "join", "subscribe", "send", "receive",
        "disconnect", "done");
    private static final String PASSWORD = "node-compat-pw";

    @TempDir
    Path dir;

    @Test
    void officialNodeSdkLogsInJoinsSubscribesSendsAndReceives() throws Exception {
        Path node = tool("node");
        Path npm = tool("npm");
        installSdkIfStale(npm);

        try (Workspace ws = TestWorkspaces.start(dir.resolve("workspace"))) {
            // Room loadtest-0 holds user.0 only, so user.1 really has to join it.
            SeedResult seeded = ws.seeder().seed(new SeedPlan(2, 1, 1, "c", 0, 0, PASSWORD, 4));
            String rid = seeded.roomIds().get(0);
            User user = ws.stores().users.byUsername(SeedPlan.username(1)).orElseThrow();
            assertThat(ws.stores().rooms.isMember(rid, user.id())).isFalse();
            String text = "node sdk compat " + System.nanoTime() + " — ünïcödé ✓";

            // RC_COMPAT_DEBUG: the SDK's log with every DDP frame goes to stderr, shown when an assertion fails.
            Run run = run(List.of(node.toString(), "compat.mjs"), Map.of("RC_URL", ws.baseUri().toString(),
                "RC_USERNAME", user.username(), "RC_PASSWORD", PASSWORD, "RC_ROOM", SeedPlan.roomName(0),
                "RC_TEXT", asciiEscaped(text), "RC_TIMEOUT_MS", Long.toString(RUN_TIMEOUT.toMillis()),
                "RC_COMPAT_DEBUG", "1"), PROCESS_TIMEOUT);

            Map<String, JsonNode> steps = new LinkedHashMap<>();
            for (String line : run.stdout().lines().filter(l -> !l.isBlank()).toList()) {
                JsonNode step = parse(line, run);
                steps.put(step.path("step").asText(), step);
                assertThat(step.path("ok").asBoolean()).as("step %s failed: %s%n%s", step.path("step").asText(),
                    step.path("error").asText(), run).isTrue();
            }
            assertThat(run.exitCode()).as("compat.mjs exit status%n%s", run).isZero();
            assertThat(steps.keySet()).as("steps printed%n%s", run).containsExactlyElementsOf(STEPS);
            assertThat(steps.get("login").path("userId").asText()).isEqualTo(user.id());
            assertThat(steps.get("join").path("rid").asText()).isEqualTo(rid);
            assertThat(steps.get("send").path("text").asText()).isEqualTo(text);
            JsonNode received = steps.get("receive");
            assertThat(received.path("text").asText()).as("received text%n%s", run).isEqualTo(text);
            assertThat(received.path("messageId").asText()).isEqualTo(steps.get("send").path("messageId").asText());
            assertThat(received.path("from").asText()).isEqualTo(user.username());
            assertThat(ws.stores().rooms.isMember(rid, user.id())).as("user.1 is a member after the join").isTrue();
            assertThat(ws.stores().messages.history(rid, Long.MAX_VALUE, 10, 0))
                .anySatisfy(m -> assertThat(m.path("msg").asText()).isEqualTo(text));
        }
    }

    /** The steps of compat-actions.mjs, in order. */
    private static final List<String> ACTION_STEPS = List.of("connect", "login", "join", "info", "loginLoad", "subscribe",
        "send", "edit", "react", "sync", "status", "delete", "disconnect", "done");

    /**
     * The same SDK through what a client does besides sending (issue 14): its REST helpers for channels.info,
     * chat.update, chat.react and chat.syncMessages, the login-load routes and methods, users.setStatus, and a
     * deleteMessage heard on the {@code <rid>/deleteMessage} subscription the SDK opens for a room.
     */
    @Test
    void officialNodeSdkDrivesTheLoginLoadAndMessageActions() throws Exception {
        Path node = tool("node");
        Path npm = tool("npm");
        installSdkIfStale(npm);
        try (Workspace ws = TestWorkspaces.start(dir.resolve("workspace"))) {
            SeedResult seeded = ws.seeder().seed(new SeedPlan(2, 1, 1, "c", 0, 0, PASSWORD, 4));
            String rid = seeded.roomIds().get(0);
            User user = ws.stores().users.byUsername(SeedPlan.username(1)).orElseThrow();
            Run run = run(List.of(node.toString(), "compat-actions.mjs"), Map.of("RC_URL", ws.baseUri().toString(),
                "RC_USERNAME", user.username(), "RC_PASSWORD", PASSWORD, "RC_ROOM", SeedPlan.roomName(0),
                "RC_TIMEOUT_MS", Long.toString(RUN_TIMEOUT.toMillis()), "RC_COMPAT_DEBUG", "1"), PROCESS_TIMEOUT);
            Map<String, JsonNode> steps = new LinkedHashMap<>();
            for (String line : run.stdout().lines().filter(l -> !l.isBlank()).toList()) {
                JsonNode step = parse(line, run);
                steps.put(step.path("step").asText(), step);
                assertThat(step.path("ok").asBoolean()).as("step %s failed: %s%n%s", step.path("step").asText(),
                    step.path("error").asText(), run).isTrue();
            }
            assertThat(run.exitCode()).as("compat-actions.mjs exit status%n%s", run).isZero();
            assertThat(steps.keySet()).as("steps printed%n%s", run).containsExactlyElementsOf(ACTION_STEPS);
            assertThat(steps.get("join").path("rid").asText()).isEqualTo(rid);
            assertThat(steps.get("edit").path("editedBy").asText()).isEqualTo(user.username());
            String id = steps.get("send").path("messageId").asText();
            assertThat(ws.stores().messages.byId(id)).as("deleted over DDP").isEmpty();
        }
    }

    /**
     * {@code text} with every non-ASCII UTF-16 unit written as backslash, 'u' and four hex digits, which compat.mjs
     * decodes: environment values pass through the JVM's locale encoding and lose such characters under an ASCII
     * locale.
     */
    private static String asciiEscaped(String text) {
        StringBuilder b = new StringBuilder();
        text.chars().forEach(c -> b.append(c < 0x80 ? Character.toString(c) : String.format("\\u%04x", c)));
        return b.toString();
    }

    /** What the Node process printed and how it ended; its toString is the diagnostic for failed assertions. */
    private record Run(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit status " + exitCode + "\n--- node stdout ---\n" + stdout + "--- node stderr ---\n" + stderr;
        }
    }

    private static JsonNode parse(String line, Run run) {
        try {
            return Json.parse(line);
        } catch (IllegalArgumentException e) {
            return fail("compat.mjs printed a line that is not JSON: " + line + "\n" + run);
        }
    }

    /**
     * Runs {@code npm ci} when node_modules is missing or older than package-lock.json; npm rewrites
     * node_modules/.package-lock.json on every install, so its time is the install's.
     */
    private void installSdkIfStale(Path npm) throws IOException, InterruptedException {
        Path lock = NODE_PROJECT.resolve("package-lock.json");
        Path installed = NODE_PROJECT.resolve("node_modules/.package-lock.json");
        if (Files.exists(installed)
            && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
            return;
        }
        Run ci = run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(),
            NPM_CI_TIMEOUT);
        assertThat(ci.exitCode()).as("npm ci in %s%n%s", NODE_PROJECT, ci).isZero();
    }

    /** Runs a command in src/test/node; output goes to files, so a chatty process cannot block on a full pipe. */
    private Run run(List<String> command, Map<String, String> env, Duration timeout)
        throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(NODE_PROJECT.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        int exit;
        if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            exit = p.exitValue();
        } else {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            exit = -1;
            Files.writeString(err, "\n[killed after " + timeout.toSeconds() + " s: " + String.join(" ", command) + "]\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        }
        return new Run(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * The executable {@code name} from the PATH. Missing: a failure when CI=true or -Drcbench.requireNode=true,
     * otherwise the test is skipped.
     */
    private static Path tool(String name) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> candidates = windows ? List.of(name + ".cmd", name + ".exe") : List.of(name);
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String c : candidates) {
                Path p = Path.of(d.isEmpty() ? "." : d, c);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        String reason = "'" + name + "' is not on the PATH: the @rocket.chat/sdk compatibility test needs Node.js 18+ and npm";
        boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("rcbench.requireNode");
        if (required) {
            return fail(reason + " (required because " + ("true".equalsIgnoreCase(System.getenv("CI"))
                ? "CI=true" : "-Drcbench.requireNode=true") + ")");
        }
        assumeTrue(false, reason + "; skipped (set CI=true or -Drcbench.requireNode=true to make this a failure)");
        return null;
    }
}
