package io.rcbench.job;

import io.rcbench.profile.ActivityMix;
import io.rcbench.profile.Profile;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.Membership;
import io.rcbench.run.Population;
import io.rcbench.run.RoomLayout;
import io.rcbench.sut.EmbeddedSize;
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
        return plan(p, runId, baseUrl, transport, password, seed, Shard.WHOLE, population(p, seed));
    }

    /**
     * The plan of one shard of the run: the accounts of the neighbourhoods this shard owns (see {@link Shard}: a
     * message and every delivery of it stay on one injector), their rooms, its bots (bot b to shard b mod N), and a
     * 1/N share of the workspace-wide webhook rates. The N shards together are exactly the one-injector workload.
     */
    public static LoadPlan plan(Profile p, String runId, URI baseUrl, String transport, String password, long seed,
                                Shard shard, Population population) {
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
            mix.bots().count() == 0 ? 0 : mix.bots().commandShare(),
            // workspace-wide webhook traffic: each of N shards posts its 1/N share
            mix.webhooks().ciPerMinutePer100ActiveUsers() * active / 100.0 / shard.count(),
            mix.webhooks().alertsPerMinutePer100ActiveUsers() * active / 100.0 / shard.count(),
            mix.reconnects().perConnectedUserPerHour() / 60.0, mix.clients().mobileShare(),
            ProfilePlans.actionRates(mix.actions()));
        LoadPlan.Accounts all = LoadPlan.Accounts.spread(active, p.population().idleConnectedUsers(),
            mix.bots().count());
        LoadPlan.Accounts mine = shard.of(all, population);
        double loginShare = (double) (mine.active().size() + mine.idle().size() + mine.bots().size())
            / Math.max(1, all.active().size() + all.idle().size() + all.bots().size());
        List<Integer> users = new java.util.ArrayList<>(mine.active());
        users.addAll(mine.idle());
        return new LoadPlan(runId, baseUrl, transport, "user.", "bot.", population.membership(users), password,
            Math.max(1, mine.active().size()), mine.idle().size(),
            Math.max(0.01, p.phases().loginsPerSecond() * loginShare), p.phases().warmup(), p.phases().hold(), rates,
            mix.bots().count(), List.of(), seed, Duration.ofSeconds(30), Duration.ofMillis(100),
            Duration.ofSeconds(30), mine);
    }

    /**
     * The job for one run of {@code p}; the admin's and the seeded users' credentials come from the environment only
     * ({@code RCBENCH_ADMIN_USER}, {@code RCBENCH_ADMIN_PASSWORD}, {@code RCBENCH_USER_PASSWORD}).
     */
    public static JobSpec jobSpec(Profile p, String runId, Target target, java.nio.file.Path reports,
                                  java.util.List<String> workspaceArgs) {
        Population population = population(p, target.seed());
        LoadPlan plan = plan(p, runId, target.url() == null ? URI.create("http://127.0.0.1") : target.url(),
            target.transport(), System.getenv().getOrDefault("RCBENCH_USER_PASSWORD", "performance"), target.seed(),
            target.shard(), population);
        return new JobSpec(target.url(), envelope(p), population, plan, p, target.prometheus(),
            target.relaxLimits(), System.getenv("RCBENCH_ADMIN_USER"), System.getenv("RCBENCH_ADMIN_PASSWORD"),
            reports, "io.rcbench.simulations.ChatSimulation", Duration.ofSeconds(3), workspaceArgs,
            target.startAtEpochMs(), target.shard().count(), false, target.provisioned(),
            target.allowSmallerEnvelope());
    }

    /**
     * Where and how to run: {@code url} null for the embedded workspace; {@code startAtEpochMs} the common start of
     * sharded injectors (0: start now); {@code allowSmallerEnvelope} judges a run on less hardware than the profile's.
     */
    public record Target(URI url, String transport, long seed, boolean relaxLimits, URI prometheus, Shard shard,
                         long startAtEpochMs, boolean provisioned, boolean allowSmallerEnvelope) {
        public Target(URI url, String transport, long seed, boolean relaxLimits, URI prometheus) {
            this(url, transport, seed, relaxLimits, prometheus, Shard.WHOLE, 0, false, false);
        }
    }

    public static Population population(Profile p, long seed) {
        int bots = p.mix().bots().count();
        ActivityMix.Rooms r = p.mix().rooms();
        return new Population(p.population().users(), bots, bots == 0 ? 0 : WEBHOOKS,
            RoomLayout.fromMix(p.population().users(), r, seed), new Membership.Shares(r.channels().messageShare(),
            r.privateGroups().messageShare(), r.directMessages().messageShare()));
    }

    /** The embedded workspace's envelope: whole cores (at least one) and the profile's memory. */
    public static EmbeddedSize envelope(Profile p) {
        return new EmbeddedSize(p.envelope().wholeCores(), p.envelope().memoryMb());
    }

    /** Members of the room a message goes to, on average over the mix's room types (a direct message has two). */
    private static double meanRoomMembers(Profile p) {
        ActivityMix.Rooms r = p.mix().rooms();
        double c = r.channels().messageShare();
        double g = r.privateGroups().messageShare();
        double d = r.directMessages().messageShare();
        int users = p.population().users();
        return c + g + d == 0 ? 2
            : (c * r.channels().meanMembers(users) + g * r.privateGroups().meanMembers(users) + d * 2) / (c + g + d);
    }

    /** The plan's rates of the mix's {@link io.rcbench.profile.ActionMix}. */
    static io.rcbench.run.ActionRates actionRates(io.rcbench.profile.ActionMix a) {
        return new io.rcbench.run.ActionRates(a.presence().statusChangesPerActiveUserPerMinute(),
            a.presence().watchUpdatesPerActiveUserPerMinute(), a.presence().watchedMembers(),
            a.reactions().perActiveUserPerMinute(), a.edits().perActiveUserPerMinute(),
            a.deletes().perActiveUserPerMinute(), a.threads().repliesPerActiveUserPerMinute(), a.threads().opensPerActiveUserPerMinute(),
            a.search().perActiveUserPerMinute(), a.historyPages().perActiveUserPerMinute(),
            a.unreadCounts().perActiveUserPerMinute());
    }
}
