package io.rcbench.cli;

import io.rcbench.workspace.seed.SeedPlan;
import picocli.CommandLine.Option;

/** What to seed, shared by {@code seed} and {@code workspace}. */
final class SeedOptions {
    @Option(names = "--users", defaultValue = "0", description = "Users user.0 .. user.N-1.")
    int users;

    @Option(names = "--rooms", defaultValue = "0", description = "Rooms loadtest-0 .. loadtest-M-1.")
    int rooms;

    @Option(names = "--room-size", defaultValue = "10", description = "Members per room (default: ${DEFAULT-VALUE}).")
    int roomSize;

    @Option(names = "--room-type", defaultValue = "c", description = "c (channel) or p (private group).")
    String roomType;

    @Option(names = "--bots", defaultValue = "0", description = "Bot users bot.0 .., members of every seeded room.")
    int bots;

    @Option(names = "--webhooks", defaultValue = "0", description = "Incoming webhooks posting as the bots.")
    int webhooks;

    @Option(names = "--bcrypt-cost", defaultValue = "10", description = "bcrypt cost of the seeded password "
        + "(10 = Meteor's; lower makes password logins cheaper than on Rocket.Chat).")
    int bcryptCost;

    boolean any() {
        return users + rooms + bots + webhooks > 0;
    }

    /** The plan; the seeded users' password comes from env RCBENCH_USER_PASSWORD, else "performance" (RC's load tester). */
    SeedPlan toPlan() {
        String pw = System.getenv().getOrDefault("RCBENCH_USER_PASSWORD", "performance");
        return new SeedPlan(users, rooms, roomSize, roomType, bots, webhooks, pw, bcryptCost);
    }
}
