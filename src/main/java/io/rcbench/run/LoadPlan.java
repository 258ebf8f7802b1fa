package io.rcbench.run;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What a simulation does, in numbers: the population, its arrival, the hold and the activity rates. Built from a
 * profile (or from command-line flags) by the main job; the simulation reads nothing else. Users are the seeded
 * accounts {@code <userPrefix><i>}: the first {@code activeUsers} act, the next {@code idleUsers} stay connected
 * and subscribed without acting, the rest never connect.
 *
 * @param baseUrl         the target's HTTP(S) base URL, without credentials
 * @param membership      the rooms of each user this injector simulates, and the share of messages per room type
 * @param transport       how actions travel: {@code ddp} (methods over the WebSocket) or {@code rest} (Rocket.Chat 9)
 * @param loginsPerSecond arrival rate of user logins during the ramp (login is the heaviest phase on a real server)
 * @param warmup          how long the full population acts after the ramp before the hold (not judged)
 * @param hold            how long the full population acts after the warm-up; the verdict window
 * @param rates           the activity mix
 * @param bots            reactive bot accounts ({@code <botPrefix><i>}) that answer mentions and commands
 * @param webhooks        incoming webhooks the bot traffic posts to
 * @param seed            makes schedules, choices and payloads repeatable
 * @param actionTimeout   an action not answered within this fails as a timeout
 * @param lateness        an action starting later than this after its intended time counts as late
 * @param accounts        the account indexes this injector simulates (all of them, or its shard's)
 */
public record LoadPlan(String runId, URI baseUrl, String transport, String userPrefix, String botPrefix,
                       Membership membership, String password, int activeUsers, int idleUsers, double loginsPerSecond, Duration warmup,
                       Duration hold, Rates rates, int bots, List<Webhook> webhooks, long seed, Duration actionTimeout,
                       Duration lateness, Duration deliveryTimeout, Accounts accounts) {

    public LoadPlan {
        if (activeUsers < 1 || idleUsers < 0 || bots < 0) {
            throw new IllegalArgumentException("a plan needs at least one active user and no negative counts");
        }
        if (!(loginsPerSecond > 0) || hold.isNegative() || hold.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("login rate and hold must be positive, the warm-up not negative");
        }
        if (!transport.equals("ddp") && !transport.equals("rest")) {
            throw new IllegalArgumentException("transport must be ddp or rest: " + transport);
        }
        webhooks = List.copyOf(webhooks);
        if (membership == null) {
            throw new IllegalArgumentException("a plan needs the users' rooms");
        }
        if (accounts == null) {
            accounts = Accounts.spread(activeUsers, idleUsers, bots);
        }
    }

    /**
     * Which accounts this injector drives: active users, idle users and bots by index. One injector drives them all;
     * a shard drives its part (see {@code job.Shards}).
     */
    public record Accounts(List<Integer> active, List<Integer> idle, List<Integer> bots) {
        public Accounts {
            active = List.copyOf(active);
            idle = List.copyOf(idle);
            bots = List.copyOf(bots);
        }

        /**
         * All accounts of one injector: {@code active} actives spread evenly among the connected accounts
         * {@code 0..active+idle-1} (so every room mixes active and idle members as a team does), the rest idle.
         */
        public static Accounts spread(int active, int idle, int bots) {
            int c = active + idle;
            List<Integer> a = new java.util.ArrayList<>();
            List<Integer> i = new java.util.ArrayList<>();
            for (int k = 0; k < c; k++) {
                ((long) (k + 1) * active / c > (long) k * active / c ? a : i).add(k);
            }
            List<Integer> b = new java.util.ArrayList<>();
            for (int k = 0; k < bots; k++) {
                b.add(k);
            }
            return new Accounts(a, i, b);
        }
    }

    /** This plan against the target as provisioned: its base URL and its webhooks. */
    public LoadPlan on(URI target, List<Webhook> provisionedWebhooks) {
        return new LoadPlan(runId, target, transport, userPrefix, botPrefix, membership, password,
            activeUsers, idleUsers, loginsPerSecond, warmup, hold, rates, bots, provisionedWebhooks, seed, actionTimeout,
            lateness, deliveryTimeout, accounts);
    }

    /** Users that connect: active plus idle. */
    public int connectedUsers() {
        return activeUsers + idleUsers;
    }

    /** The ramp: every account this injector connects (users and bots) logs in at {@link #loginsPerSecond()}. */
    public Duration ramp() {
        int accounts = this.accounts.active().size() + this.accounts.idle().size() + this.accounts.bots().size();
        return Duration.ofMillis((long) Math.ceil(accounts * 1000.0 / loginsPerSecond));
    }

    /** Never logged or serialised: the plan carries the seeded users' password. */
    @Override
    public String toString() {
        return "LoadPlan[" + runId + " " + baseUrl + " " + transport + " active=" + activeUsers + " idle=" + idleUsers
            + " bots=" + bots + " hold=" + hold + " " + rates + "]";
    }

    /**
     * Per active user, per minute, unless named otherwise. Shares are probabilities in [0, 1].
     *
     * @param messagesPerMinute      messages each active user sends
     * @param roomOpensPerMinute     room switches: open a room, load its history, mark it read
     * @param readsPerMinute         read receipts in the open room
     * @param typingShare            share of messages preceded by typing
     * @param typingMillis           how long a user types before sending
     * @param uploadShare            share of messages that carry a file
     * @param files                  the file classes uploads are drawn from (shares add up to 1)
     * @param downloadShare          share of uploads a receiver downloads
     * @param mentionShare           share of messages that mention a bot with a command
     * @param ciWebhooksPerMinute    workspace-wide CI notifications posted by incoming webhooks
     * @param alertWebhooksPerMinute workspace-wide monitoring alerts posted by incoming webhooks
     * @param reconnectsPerMinute    per connected user: the connection drops and the client resumes its login
     * @param mobileShare            share of users (active and idle) on the mobile app instead of the web client
     * @param actions                presence, reactions, edits, deletes, threads, search, history pages, unread counts
     */
    public record Rates(double messagesPerMinute, double roomOpensPerMinute, double readsPerMinute,
                        double typingShare, long typingMillis, double uploadShare, List<FileClass> files,
                        double downloadShare, double mentionShare, double ciWebhooksPerMinute,
                        double alertWebhooksPerMinute, double reconnectsPerMinute, double mobileShare,
                        ActionRates actions) {
        public Rates {
            files = List.copyOf(files);
            actions = actions == null ? ActionRates.NONE : actions;
            for (double share : new double[] {typingShare, uploadShare, downloadShare, mentionShare, mobileShare}) {
                if (share < 0 || share > 1) {
                    throw new IllegalArgumentException("shares must be within [0, 1]: " + share);
                }
            }
            if (messagesPerMinute < 0 || roomOpensPerMinute < 0 || readsPerMinute < 0 || ciWebhooksPerMinute < 0
                || alertWebhooksPerMinute < 0 || reconnectsPerMinute < 0) {
                throw new IllegalArgumentException("rates must not be negative");
            }
            if (uploadShare > 0 && files.isEmpty()) {
                throw new IllegalArgumentException("uploads need at least one file class");
            }
        }

        /** Web clients only, without {@link ActionRates} (none of those actions). */
        public Rates(double messagesPerMinute, double roomOpensPerMinute, double readsPerMinute, double typingShare,
                     long typingMillis, double uploadShare, List<FileClass> files, double downloadShare,
                     double mentionShare, double ciWebhooksPerMinute, double alertWebhooksPerMinute,
                     double reconnectsPerMinute) {
            this(messagesPerMinute, roomOpensPerMinute, readsPerMinute, typingShare, typingMillis, uploadShare, files,
                downloadShare, mentionShare, ciWebhooksPerMinute, alertWebhooksPerMinute, reconnectsPerMinute, 0,
                ActionRates.NONE);
        }

        /** Only text messages at {@code perMinute}: benchmarks and tests. */
        public static Rates textOnly(double perMinute) {
            return new Rates(perMinute, 0, 0, 0, 0, 0, List.of(), 0, 0, 0, 0, 0);
        }

        /** Arrivals per second of one active user's activities (messages, room opens, reads, reconnects, actions). */
        public double activitiesPerSecond() {
            return (messagesPerMinute + roomOpensPerMinute + readsPerMinute + reconnectsPerMinute
                + actions.perMinute()) / 60.0;
        }
    }

    /** Uploaded files of one class: sizes log-uniform in [minBytes, maxBytes], recorded as {@code upload.<name>}. */
    public record FileClass(String name, long minBytes, long maxBytes, double share) {
        public FileClass {
            if (minBytes < 1 || maxBytes < minBytes || share < 0 || share > 1) {
                throw new IllegalArgumentException("file class " + name + ": need 1 <= min <= max, share in [0, 1]");
            }
        }

        public String metric() {
            return "upload." + name;
        }
    }

    /** An incoming webhook on the target; {@code token} is a credential and never printed. */
    public record Webhook(String id, String token, String room) {
        @Override
        public String toString() {
            return "Webhook[" + id + " -> " + room + "]";
        }
    }
}
