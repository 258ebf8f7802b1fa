package io.rcbench.job;

import io.rcbench.run.LoadDriver;
import java.util.List;

/**
 * The concrete parts a job runs with, chosen by the composition root ({@code cli.Wiring}): the load generator and how
 * to start the embedded workspace in a child JVM. job/ names neither Gatling nor the CLI.
 *
 * @param load           drives the simulated users
 * @param workspaceEntry the main class and arguments that run the embedded workspace in a JVM
 */
public record Adapters(LoadDriver load, List<String> workspaceEntry) {
    public Adapters {
        workspaceEntry = List.copyOf(workspaceEntry);
    }
}
