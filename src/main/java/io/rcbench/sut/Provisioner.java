package io.rcbench.sut;

import io.rcbench.rocketchat.IncomingWebhook;
import io.rcbench.rocketchat.RocketChatAdmin;
import io.rcbench.rocketchat.RocketChatException;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.Population;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Puts a {@link Population} on a target. The embedded workspace is seeded straight into its store at start (as
 * Rocket.Chat's own load tester seeds MongoDB; {@link #seedArgs}); a real workspace is provisioned over REST with
 * the admin's credentials, skipping what already exists so a second run reuses the first run's accounts. Webhooks are
 * created over REST on both, so the harness holds their tokens.
 */
public final class Provisioner {
    private Provisioner() {
    }

    /** The embedded workspace's seeding flags for {@code population}'s accounts (rooms come over REST). */
    public static List<String> seedArgs(Population p) {
        return List.of("--users", Integer.toString(p.users()), "--bots", Integer.toString(p.bots()));
    }

    /** Creates users and bots on a real workspace; existing ones are kept. */
    public static void provisionAccounts(RocketChatAdmin admin, Population p, String password, PrintStream console) {
        long t0 = System.nanoTime();
        int created = 0;
        for (int i = 0; i < p.users(); i++) {
            created += createUser(admin, Population.username(i), password, Set.of("user")) ? 1 : 0;
        }
        for (int b = 0; b < p.bots(); b++) {
            created += createUser(admin, Population.botname(b), password, Set.of("bot")) ? 1 : 0;
        }
        console.printf("provisioned %d new accounts in %d ms%n", created, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Creates the population's rooms: channels and groups with their members and every bot, direct messages between
     * their two users (by the admin, {@code im.create} with {@code excludeSelf}). Rooms that exist already are kept.
     */
    public static void createRooms(RocketChatAdmin admin, Population p, PrintStream console) {
        long t0 = System.nanoTime();
        List<String> bots = new ArrayList<>();
        for (int b = 0; b < p.bots(); b++) {
            bots.add(Population.botname(b));
        }
        int direct = 0;
        for (Population.Room room : p.rooms()) {
            if (room.direct()) {
                // idempotent on Rocket.Chat: the same two users always get the same room
                admin.createDirect(Population.username(room.members().get(0)), Population.username(room.members().get(1)));
                direct++;
                continue;
            }
            List<String> members = new ArrayList<>(bots);
            room.members().forEach(i -> members.add(Population.username(i)));
            try {
                admin.createRoom(room.type(), room.name(), members);
            } catch (RocketChatException e) {
                if (!alreadyExists(e)) {
                    throw e;
                }
            }
        }
        console.printf("provisioned %d rooms (%d direct messages) in %d ms%n", p.rooms().size(), direct,
            (System.nanoTime() - t0) / 1_000_000);
    }

    /** Creates the population's incoming webhooks; their tokens stay in memory. */
    public static List<LoadPlan.Webhook> createWebhooks(RocketChatAdmin admin, Population p, String runId) {
        List<LoadPlan.Webhook> out = new ArrayList<>();
        List<Population.Room> rooms = p.namedRooms();
        for (int w = 0; w < p.webhooks(); w++) {
            String room = rooms.get(w % rooms.size()).name();
            IncomingWebhook hook = admin.createIncomingWebhook("rcbench-" + runId + "-" + w,
                Population.botname(w % p.bots()), "#" + room);
            out.add(new LoadPlan.Webhook(hook.integrationId(), hook.token(), room));
        }
        return out;
    }

    private static boolean createUser(RocketChatAdmin admin, String username, String password, Set<String> roles) {
        try {
            admin.createUser(username, username, username + "@rcbench.invalid", password, roles);
            return true;
        } catch (RocketChatException e) {
            if (alreadyExists(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean alreadyExists(RocketChatException e) {
        String m = String.valueOf(e.getMessage()) + " " + e.errorType();
        return m.contains("already in use") || m.contains("duplicate") || m.contains("name-already-exists")
            || m.contains("already exists");
    }
}
