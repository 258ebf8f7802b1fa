package io.rcbench.workspace.seed;

import io.rcbench.ddp.RandomId;
import io.rcbench.workspace.model.Integration;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.service.Accounts;
import io.rcbench.workspace.store.RoomStore;
import io.rcbench.workspace.store.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a {@link SeedPlan} straight to the store in batches. bcrypt runs once: every seeded account shares
 * the hash of the one password, as Rocket.Chat's load tester seeds them. Seeding again skips what exists
 * (by username and room name), so a plan can be grown.
 */
public final class Seeder {
    private final Stores stores;

    public Seeder(Stores stores) {
        this.stores = stores;
    }

    public SeedResult seed(SeedPlan plan) {
        long start = System.nanoTime();
        long now = System.currentTimeMillis();
        String hash = Accounts.bcryptOfDigest(Accounts.sha256Hex(plan.password()), plan.bcryptCost());
        List<User> newUsers = new ArrayList<>();
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < plan.users(); i++) {
            userIds.add(findOrMake(SeedPlan.username(i), Set.of("user"), hash, now, newUsers));
        }
        int newHumans = newUsers.size();
        List<String> botIds = new ArrayList<>();
        for (int i = 0; i < plan.bots(); i++) {
            botIds.add(findOrMake(SeedPlan.botname(i), Set.of("bot"), hash, now, newUsers));
        }
        stores.users.insertAll(newUsers);

        List<Room> newRooms = new ArrayList<>();
        List<RoomStore.Membership> memberships = new ArrayList<>();
        List<String> roomIds = new ArrayList<>();
        for (int m = 0; m < plan.rooms(); m++) {
            String name = SeedPlan.roomName(m);
            var existing = stores.rooms.byName(name);
            if (existing.isPresent()) {
                roomIds.add(existing.get().id());
                continue;
            }
            String creator = userIds.isEmpty() ? (botIds.isEmpty() ? null : botIds.get(0)) : userIds.get(0);
            Room room = new Room(RandomId.id(), plan.roomType(), name, creator, now, false);
            newRooms.add(room);
            roomIds.add(room.id());
            for (int j = 0; j < plan.roomSize() && !userIds.isEmpty(); j++) {
                memberships.add(new RoomStore.Membership(room.id(), userIds.get((m * plan.roomSize() + j) % userIds.size()), now));
            }
            botIds.forEach(b -> memberships.add(new RoomStore.Membership(room.id(), b, now)));
        }
        stores.rooms.insertAll(newRooms, dedupe(memberships));

        List<Integration> hooks = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int w = 0; w < plan.webhooks(); w++) {
            Integration i = new Integration(RandomId.id(), "webhook-incoming", "loadtest-hook-" + w, RandomId.secret(48),
                botIds.get(w % botIds.size()), roomIds.get(w % roomIds.size()), true, now);
            hooks.add(i);
            paths.add("/hooks/" + i.id() + "/" + i.token());
        }
        stores.integrations.insertAll(hooks);
        return new SeedResult(newHumans, newRooms.size(), newUsers.size() - newHumans, hooks.size(), roomIds, paths,
            (System.nanoTime() - start) / 1_000_000);
    }

    private String findOrMake(String username, Set<String> roles, String hash, long now, List<User> out) {
        return stores.users.byUsername(username).map(User::id).orElseGet(() -> {
            User u = new User(RandomId.id(), username, username, username + "@loadtest.invalid", roles, hash, now, true);
            out.add(u);
            return u.id();
        });
    }

    /** Room sizes near the user count wrap around; keep each membership once. */
    private static List<RoomStore.Membership> dedupe(List<RoomStore.Membership> ms) {
        var seen = new java.util.HashSet<String>();
        List<RoomStore.Membership> out = new ArrayList<>();
        for (RoomStore.Membership m : ms) {
            if (seen.add(m.rid() + "/" + m.uid())) {
                out.add(m);
            }
        }
        return out;
    }
}
