package io.rcbench.job;

import io.rcbench.run.LoadDriver;
import java.net.InetAddress;
import java.util.List;

/**
 * The concrete parts a job runs with, chosen by the composition root ({@code cli.Wiring}): the load generator and how
 * to start the embedded workspace in a child JVM. job/ names neither Gatling nor the CLI.
 *
 * @param load           drives the simulated users
 * @param workspaceEntry the main class and arguments that run the embedded workspace in a JVM
 * @param localAddresses the local addresses {@code load} binds its connections to (empty: the OS chooses); the
 *                       limits check counts source ports per address
 */
public record Adapters(LoadDriver load, List<String> workspaceEntry, List<InetAddress> localAddresses) {
    public Adapters {
        workspaceEntry = List.copyOf(workspaceEntry);
        localAddresses = List.copyOf(localAddresses);
    }

    /** Adapters whose connections the OS binds. */
    public Adapters(LoadDriver load, List<String> workspaceEntry) {
        this(load, workspaceEntry, List.of());
    }
}
