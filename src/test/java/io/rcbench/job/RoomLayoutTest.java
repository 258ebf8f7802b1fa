package io.rcbench.job;

import io.rcbench.run.RoomLayout;
import io.rcbench.run.Population;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rcbench.profile.ActivityMix;
import io.rcbench.profile.Profile;
import io.rcbench.profile.ProfileLoader;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.Membership;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rooms from a mix: every user in its channels, groups and direct messages, sizes by the mix's shares, no room
 * across two neighbourhoods, the same layout for the same seed; shards that split users by neighbourhood.
 */
class RoomLayoutTest {
    private static ActivityMix.Rooms moderate() throws Exception {
        return new ProfileLoader(Path.of("profiles")).load("recommended-vps", List.of()).mix().rooms();
    }

    @Test
    void everyUserGetsItsMembershipsOfEachType() throws Exception {
        ActivityMix.Rooms mix = moderate();
        List<Population.Room> rooms = RoomLayout.fromMix(500, mix, 7);
        Map<Integer, int[]> perUser = new HashMap<>();
        Set<Set<Integer>> pairs = new HashSet<>();
        for (Population.Room r : rooms) {
            assertThat(Set.copyOf(r.members())).as("members of %s are distinct", r).hasSameSizeAs(r.members());
            int type = "cpd".indexOf(r.type());
            r.members().forEach(u -> perUser.computeIfAbsent(u, k -> new int[3])[type]++);
            if (r.direct()) {
                assertThat(pairs.add(Set.copyOf(r.members()))).as("one direct message per pair").isTrue();
            }
        }
        assertThat(perUser).hasSize(500);
        ActivityMix.RoomsPerUser want = mix.roomsPerUser();
        for (int[] n : perUser.values()) {
            // rounding room counts per size class moves a user by one or two memberships at most
            assertThat(n[0]).isBetween(want.channels() - 2, want.channels() + 2);
            assertThat(n[1]).isBetween(want.privateGroups() - 2, want.privateGroups() + 2);
            assertThat(n[2]).isEqualTo(want.directMessages());
        }
        // channel memberships by size class follow the classes' message shares (10: 0.5, 50: 0.35, 200: 0.15)
        Map<Integer, Integer> bySize = new HashMap<>();
        rooms.stream().filter(r -> r.type().equals("c"))
            .forEach(r -> bySize.merge(r.members().size(), r.members().size(), Integer::sum));
        double total = bySize.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(bySize.get(10) / total).isBetween(0.45, 0.55);
        assertThat(bySize.get(50) / total).isBetween(0.30, 0.40);
        assertThat(bySize.get(200) / total).isBetween(0.10, 0.20);
    }

    @Test
    void sameSeedSameLayoutAndNamesThatSayWhichLayout() throws Exception {
        ActivityMix.Rooms mix = moderate();
        assertThat(RoomLayout.fromMix(300, mix, 7)).isEqualTo(RoomLayout.fromMix(300, mix, 7));
        List<Population.Room> other = RoomLayout.fromMix(300, mix, 8);
        assertThat(other).isNotEqualTo(RoomLayout.fromMix(300, mix, 7));
        Population a = new Population(300, 1, 0, RoomLayout.fromMix(300, mix, 7));
        Population b = new Population(300, 1, 0, other);
        assertThat(a.roomPrefix()).startsWith("loadtest-").isNotEqualTo(b.roomPrefix());
        assertThat(a.namedRooms()).allSatisfy(r -> assertThat(r.name()).startsWith(a.roomPrefix()));
    }

    @Test
    void neighbourhoodsInterleaveUsersAndNoRoomCrossesThem() throws Exception {
        Population p = new Population(1000, 2, 4, RoomLayout.fromMix(1000, moderate(), 7));
        List<List<Integer>> hoods = p.neighbourhoods();
        // the largest room (200) sets the neighbourhood size: 5 of them, users u mod 5
        assertThat(hoods).hasSize(5);
        for (int k = 0; k < 5; k++) {
            int n = k;
            assertThat(hoods.get(k)).hasSize(200).allSatisfy(u -> assertThat(u % 5).isEqualTo(n));
        }
        Map<Integer, Integer> hoodOf = new HashMap<>();
        for (int k = 0; k < hoods.size(); k++) {
            for (int u : hoods.get(k)) {
                hoodOf.put(u, k);
            }
        }
        for (Population.Room r : p.rooms()) {
            assertThat(r.members().stream().map(hoodOf::get).distinct()).as("%s", r).hasSize(1);
        }
    }

    @Test
    void shardsSplitUsersByNeighbourhoodAndAddUpToTheWhole() throws Exception {
        Profile profile = new ProfileLoader(Path.of("profiles")).load("recommended-vps", List.of());
        Population p = ProfilePlans.population(profile, 7);
        LoadPlan whole = ProfilePlans.plan(profile, "t", URI.create("http://127.0.0.1:1"), "ddp", "pw", 7, Shard.WHOLE, p);
        Set<Integer> seen = new HashSet<>();
        int active = 0;
        for (int i = 0; i < 2; i++) {
            LoadPlan part = ProfilePlans.plan(profile, "t", URI.create("http://127.0.0.1:1"), "ddp", "pw", 7,
                new Shard(i, 2), p);
            active += part.accounts().active().size();
            Set<Integer> mine = new HashSet<>(part.accounts().active());
            mine.addAll(part.accounts().idle());
            for (int u : mine) {
                assertThat(seen.add(u)).as("user %d in one shard only", u).isTrue();
            }
            // every member of every room of a shard's user is simulated by that shard, or never connects
            for (Population.Room r : p.rooms()) {
                if (r.members().stream().anyMatch(mine::contains)) {
                    assertThat(r.members()).allSatisfy(u -> assertThat(mine.contains(u) || !whole.accounts().active()
                        .contains(u) && !whole.accounts().idle().contains(u)).isTrue());
                }
            }
        }
        assertThat(active).isEqualTo(whole.accounts().active().size());
        assertThatThrownBy(() -> new Shard(0, 50).of(whole.accounts(), p)).hasMessageContaining("50 shards need");
    }

    @Test
    void membershipNamesChannelsAndTheOtherSideOfDirectMessages() throws Exception {
        Population p = new Population(10, 1, 0, List.of(new Population.Room("loadtest-x-0", "c", List.of(0, 1, 2)),
            new Population.Room(null, "d", List.of(0, 2))), new Membership.Shares(0.7, 0, 0.3));
        Membership m = p.membership(List.of(0, 2));
        assertThat(m.of(0)).containsExactly(new Membership.RoomKey("c", "loadtest-x-0"), new Membership.RoomKey("d", "user.2"));
        assertThat(m.of(2)).containsExactly(new Membership.RoomKey("c", "loadtest-x-0"), new Membership.RoomKey("d", "user.0"));
        assertThat(m.of(1)).isEmpty();
        assertThatThrownBy(() -> new Population.Room(null, "d", List.of(0, 1, 2))).hasMessageContaining("two members");
        assertThatThrownBy(() -> new Population(2, 0, 0, List.of(new Population.Room(null, "d", List.of(0, 1)))))
            .hasMessageContaining("channel or group");
    }
}
