package io.rcbench.cli;

import io.rcbench.workspace.seed.SeedResult;
import io.rcbench.workspace.seed.Seeder;
import io.rcbench.workspace.store.Stores;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rcbench seed}: writes users, rooms, bots and webhooks straight into a stopped workspace's data
 * directory (H2 allows one process at a time; a running workspace takes the same options).
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
    description = "Seed a stopped embedded workspace's store with users, rooms, bots and webhooks.")
final class SeedCommand implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "data/workspace", description = "The workspace's data directory.")
    Path dataDir;

    @Mixin
    SeedOptions seed = new SeedOptions();

    @Override
    public Integer call() {
        try (Stores stores = new Stores(dataDir)) {
            SeedResult r = new Seeder(stores).seed(seed.toPlan());
            System.out.printf("seeded %d users, %d rooms, %d bots, %d webhooks in %d ms into %s%n", r.usersCreated(),
                r.roomsCreated(), r.botsCreated(), r.webhooksCreated(), r.elapsedMs(), dataDir);
            return 0;
        }
    }
}
