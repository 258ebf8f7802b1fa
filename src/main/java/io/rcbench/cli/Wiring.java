package io.rcbench.cli;

import io.rcbench.gatling.GatlingLoadDriver;
import io.rcbench.job.Adapters;
import java.util.List;

/**
 * The composition root: the one place that picks the concrete load generator (Gatling) and the command that starts
 * the embedded workspace in a child JVM (this CLI's {@code workspace} command), for the jobs and benches.
 */
public final class Wiring {
    private Wiring() {
    }

    /** The adapters a real run uses. */
    public static Adapters adapters() {
        return adapters(List.of());
    }

    /** The adapters of a run whose connections bind to {@code localAddresses} in turn ({@code --local-addresses}). */
    public static Adapters adapters(List<java.net.InetAddress> localAddresses) {
        return new Adapters(new GatlingLoadDriver(localAddresses), workspaceEntry(), localAddresses);
    }

    /** The main class and arguments that run the embedded workspace: {@code rcbench workspace}. */
    public static List<String> workspaceEntry() {
        return List.of(Main.class.getName(), "workspace");
    }
}
