package io.rcbench.sut;

import io.rcbench.ddp.RandomId;
import io.rcbench.rocketchat.RestClient;
import io.rcbench.rocketchat.RocketChatAdmin;
import io.rcbench.rocketchat.RocketChatException;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.Population;
import io.rcbench.run.RunSummary;
import io.rcbench.verdict.ObservedTarget;
import io.rcbench.workspace.WorkspaceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The target of one run, checked and held: the embedded workspace started in its own JVM, or a real workspace at a
 * URL. Opening it runs the {@link Preflight}; closing it leaves the target's settings as they were found
 * ({@link TargetRestore}) and stops the embedded workspace. The orchestration (job/) sees the target only through this
 * class, never through the Rocket.Chat client or the workspace.
 */
public final class TargetSession implements AutoCloseable {
    private final TargetFacts facts;
    private final TargetRestore restore;
    private final WorkspaceProcess workspace;
    private final URI prometheus;
    private final PrintStream console;

    private TargetSession(TargetFacts facts, WorkspaceProcess workspace, URI prometheus, PrintStream console) {
        this.facts = facts;
        this.workspace = workspace;
        this.prometheus = prometheus;
        this.console = console;
        this.restore = TargetRestore.of(facts, console);
    }

    /**
     * Starts the embedded workspace ({@code entry}: the main class and arguments that run it in a child JVM) with a
     * fresh admin password and {@code population}'s accounts seeded, and checks it. Its limiters are switched off: the
     * workspace is ours, and the report says so.
     */
    public static TargetSession embedded(List<String> entry, EmbeddedSize size, Path dataDir, Population population,
                                         List<String> workspaceArgs, PrintStream console)
        throws IOException, InterruptedException, PreflightException {
        String adminPassword = RandomId.secret(24);
        List<String> args = new ArrayList<>(Provisioner.seedArgs(population));
        args.addAll(workspaceArgs);
        WorkspaceProcess ws = WorkspaceProcess.start(entry, size.envelope(), dataDir, adminPassword, args);
        try {
            TargetFacts facts = Preflight.check(ws.baseUri(), "admin", adminPassword, true, console);
            return new TargetSession(facts, ws, URI.create("http://127.0.0.1:" + ws.metricsPort() + "/metrics"),
                console);
        } catch (Exception e) {
            ws.close(); // a workspace that failed its preflight is not left running
            throw e;
        }
    }

    /** Checks the real workspace at {@code base} ({@link Preflight#check}); {@code prometheus} may be null. */
    public static TargetSession remote(URI base, String adminUser, String adminPassword, boolean relaxLimits,
                                       URI prometheus, PrintStream console) throws PreflightException {
        return new TargetSession(Preflight.check(base, adminUser, adminPassword, relaxLimits, console), null,
            prometheus, console);
    }

    /** True for a real workspace reached by URL, false for the embedded one. */
    public boolean remote() {
        return workspace == null;
    }

    public URI baseUri() {
        return facts.baseUrl();
    }

    /** The target's metrics endpoint, or null when there is none to scrape. */
    public URI prometheus() {
        return prometheus;
    }

    /** What preflight learnt about the target. */
    public TargetFacts facts() {
        return facts;
    }

    /**
     * Creates the run's accounts (a real target only: the embedded one was seeded), rooms and webhooks, when there are
     * admin credentials; returns the webhooks' URLs (none without credentials).
     */
    public List<LoadPlan.Webhook> provision(Population population, LoadPlan plan) throws PreflightException {
        if (facts.admin() == null) {
            return List.of();
        }
        RocketChatAdmin admin = new RocketChatAdmin(RestClient.create(baseUri()).withCredentials(facts.admin()));
        try {
            if (remote()) {
                Provisioner.provisionAccounts(admin, population, plan.password(), console);
            }
            Provisioner.createRooms(admin, population, console);
            return Provisioner.createWebhooks(admin, population, plan.runId());
        } catch (RocketChatException e) {
            // an incomplete answer or a refusal here would only turn into failures inside the run
            throw new PreflightException("provisioning the target failed: " + e.getMessage(), e);
        }
    }

    /** The target as observed now (CPUs, memory, instances), for the envelope check and the summary. */
    public ObservedTarget observe() {
        return remote() ? TargetObservations.remote(facts, prometheus, console)
            : TargetObservations.embedded(workspace, facts.info().version());
    }

    /**
     * The summary's description of the target, with what was observed (not what was asked for).
     */
    public RunSummary.TargetInfo describe(ObservedTarget seen) {
        Integer cores = seen.cores().isPresent() ? (int) Math.round(seen.cores().getAsDouble()) : null;
        Integer memory = seen.memoryMb().isPresent() ? (int) seen.memoryMb().getAsLong() : null;
        return new RunSummary.TargetInfo(facts.kind(!remote()), facts.info().product(), facts.info().version(),
            Preflight.safe(facts.baseUrl()), cores, memory,
            seen.instances().isPresent() ? seen.instances().getAsInt() : null);
    }

    /** Puts back the settings the run changed (once; later calls return the same outcome), for the summary. */
    public RunSummary.ChangedSettings restore() {
        return restore.restore();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            restore.close();
        } finally {
            if (workspace != null) {
                workspace.close();
            }
        }
    }
}
