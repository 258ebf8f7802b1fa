package io.rcbench.job;

import io.rcbench.profile.Profile;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.Population;
import io.rcbench.sut.EmbeddedSize;
import io.rcbench.sut.Preflight;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the main job needs to run once, resolved from a profile and the command line.
 *
 * @param target        a Rocket.Chat base URL, or {@code null} for the embedded workspace started in its own JVM
 * @param envelope      the embedded workspace's cores and memory (ignored for a real target)
 * @param population    accounts and rooms to provision
 * @param plan          what the simulation does; its {@code baseUrl} is filled in once the target is known
 * @param profile       the profile the run is judged against, or {@code null} for an ad-hoc run (no verdict)
 * @param prometheus    the target's metrics endpoint, or {@code null} (the embedded workspace's is found by itself)
 * @param relaxLimits   switch the target's rate limiters off for the run (admin needed; always on for the embedded)
 * @param adminUser     admin username, from the environment; {@code adminPassword} likewise, never printed
 * @param drain         how long users stay connected after the hold for in-flight deliveries
 * @param workspaceArgs extra flags for the embedded workspace (fault injection in tests), usually empty
 * @param startAtEpochMs when the ramp starts (the common start of sharded injectors), or 0 for now
 * @param shards        how many injectors share the run (1 for a single injector)
 * @param earlyStop     stop the run once an SLO is breached far and long enough (capacity steps)
 * @param provisioned   the user says a real target's accounts and rooms exist already: a run without admin
 *                      credentials is allowed (otherwise it is refused before any contact)
 * @param allowSmallerEnvelope judge the run even when the machine cannot give the profile's envelope
 *                      ({@code --allow-smaller-envelope}); otherwise such a run is INCONCLUSIVE
 */
public record JobSpec(URI target, EmbeddedSize envelope, Population population, LoadPlan plan, Profile profile,
                      URI prometheus, boolean relaxLimits, String adminUser, String adminPassword, Path reports,
                      String simulation, Duration drain, java.util.List<String> workspaceArgs, long startAtEpochMs,
                      int shards, boolean earlyStop, boolean provisioned, boolean allowSmallerEnvelope) {
    public JobSpec {
        workspaceArgs = java.util.List.copyOf(workspaceArgs);
    }

    /** A job that holds the target to the profile's whole envelope. */
    public JobSpec(URI target, EmbeddedSize envelope, Population population, LoadPlan plan, Profile profile,
                   URI prometheus, boolean relaxLimits, String adminUser, String adminPassword, Path reports,
                   String simulation, Duration drain, java.util.List<String> workspaceArgs, long startAtEpochMs,
                   int shards, boolean earlyStop) {
        this(target, envelope, population, plan, profile, prometheus, relaxLimits, adminUser, adminPassword, reports,
            simulation, drain, workspaceArgs, startAtEpochMs, shards, earlyStop, false, false);
    }

    /** This job, stopping early on a sustained breach. */
    public JobSpec withEarlyStop() {
        return new JobSpec(target, envelope, population, plan, profile, prometheus, relaxLimits, adminUser,
            adminPassword, reports, simulation, drain, workspaceArgs, startAtEpochMs, shards, true, provisioned,
            allowSmallerEnvelope);
    }

    @Override
    public String toString() {
        return "JobSpec[" + (target == null ? "embedded " + envelope : Preflight.safe(target)) + " " + population + " "
            + plan + "]";
    }
}
