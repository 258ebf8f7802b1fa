package io.rcbench.job;

import io.rcbench.profile.ActivityMix;
import io.rcbench.profile.Profile;
import io.rcbench.run.LoadPlan;
import io.rcbench.workspace.Envelope;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Turns a profile into what one run does: the load plan (rates per user from the mix), the population to provision
 * (rooms laid out from the mix's room sizes) and the embedded workspace's envelope. The one place where profile
 * fields meet the simulation's; each mapping that is not one-to-one says why.
 */
public final class ProfilePlans {
    /** Webhooks provisioned: enough for CI and alert traffic to spread over several rooms. */
    private static final int WEBHOOKS = 4;

    private ProfilePlans() {
    }

    public static LoadPlan plan(Profile p, String runId, URI baseUrl, String transport, String password, long seed) {
        ActivityMix mix = p.mix();
        int active = p.population().activeUsers();
        List<LoadPlan.FileClass> files = mix.uploads().sizes().stream()
            .map(c -> new LoadPlan.FileClass(c.sizeClass(), c.minKb() * 1024L, c.maxKb() * 1024L, c.share())).toList();
        double meanMembers = meanRoomMembers(p);
        // downloads are counted per upload; each receiver downloads with the probability that gives that mean
        double downloadShare = meanMembers <= 1 ? 0 : Math.min(1, mix.downloads().perUpload() / (meanMembers - 1));
        LoadPlan.Rates rates = new LoadPlan.Rates(mix.messagesPerActiveUserPerMinute(),
            mix.history().roomOpensPerActiveUserPerMinute(), mix.reads().perActiveUserPerMinute(), mix.typing().share(),
            Math.round(mix.typing().seconds() * 1000), mix.uploads().share(), files, downloadShare,
            mix.bots().count() == 0 ? 0 : mix.bots().commandShare(), mix.webhooks().ciPerMinutePer100ActiveUsers()
            * active / 100.0, mix.webhooks().alertsPerMinutePer100ActiveUsers() * active / 100.0,
            mix.reconnects().perConnectedUserPerHour() / 60.0);
        return new LoadPlan(runId, baseUrl, transport, "user.", "bot.", "loadtest-", password, active,
            p.population().idleConnectedUsers(), p.phases().loginsPerSecond(), p.phases().warmup(), p.phases().hold(),
            rates, mix.bots().count(), List.of(), seed, Duration.ofSeconds(30), Duration.ofMillis(100),
            Duration.ofSeconds(30));
    }

    /**
     * The job for one run of {@code p}; the admin's and the seeded users' credentials come from the environment only
     * ({@code RCBENCH_ADMIN_USER}, {@code RCBENCH_ADMIN_PASSWORD}, {@code RCBENCH_USER_PASSWORD}).
     */
    public static JobSpec jobSpec(Profile p, String runId, Target target, java.nio.file.Path reports,
                                  java.util.List<String> workspaceArgs) {
        LoadPlan plan = plan(p, runId, target.url() == null ? URI.create("http://127.0.0.1") : target.url(),
            target.transport(), System.getenv().getOrDefault("RCBENCH_USER_PASSWORD", "performance"), target.seed());
        return new JobSpec(target.url(), envelope(p), population(p, target.seed()), plan, p, target.prometheus(),
            target.relaxLimits(), System.getenv("RCBENCH_ADMIN_USER"), System.getenv("RCBENCH_ADMIN_PASSWORD"),
            reports, "io.rcbench.simulations.ChatSimulation", Duration.ofSeconds(3), workspaceArgs);
    }

    /** Where and how to run: {@code url} null for the embedded workspace. */
    public record Target(URI url, String transport, long seed, boolean relaxLimits, URI prometheus) {
    }

    public static Population population(Profile p, long seed) {
        int bots = p.mix().bots().count();
        return new Population(p.population().users(), bots, bots == 0 ? 0 : WEBHOOKS,
            RoomLayout.fromMix(p.population().users(), p.mix().rooms(), seed));
    }

    /** The embedded workspace's envelope: whole cores (at least one) and the profile's memory. */
    public static Envelope envelope(Profile p) {
        return new Envelope(p.envelope().wholeCores(), p.envelope().memoryMb());
    }

    private static double meanRoomMembers(Profile p) {
        ActivityMix.Rooms r = p.mix().rooms();
        double c = r.channels().messageShare();
        double g = r.privateGroups().messageShare();
        int users = p.population().users();
        return c + g == 0 ? 2 : (c * r.channels().meanMembers(users) + g * r.privateGroups().meanMembers(users)) / (c + g);
    }
}
