package io.rcbench.run;

import io.rcbench.profile.ActivityMix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays users out in rooms, deterministically for a seed.
 *
 * <p>From a mix, users are split into neighbourhoods (teams) of at least {@link #MIN_NEIGHBOURHOOD} users, or the
 * largest room size if bigger: user u joins neighbourhood u mod n, so active, idle and never-connected accounts meet
 * in each. Inside one, every user becomes a member of {@code roomsPerUser} channels, private groups and direct
 * messages: each type's memberships are dealt to its size classes in proportion to the class's message share (rooms
 * capped at the neighbourhood), and filled by consecutive runs of one shuffled order of its users, so every user gets
 * the same number of memberships, one or so. Direct messages pair each user with its neighbours at distance 1..k in
 * another shuffled order. No room spans two neighbourhoods: a shard takes whole ones (see job.Shard).
 */
public final class RoomLayout {
    /** The smallest neighbourhood: a team whose members share several rooms and direct messages. */
    static final int MIN_NEIGHBOURHOOD = 10;

    private RoomLayout() {
    }

    /** One channel per {@code roomSize} consecutive users: tools and tests. */
    public static List<Population.Room> uniform(int users, int roomSize) {
        if (roomSize < 2) {
            throw new IllegalArgumentException("rooms need at least 2 members");
        }
        List<Draft> rooms = new ArrayList<>();
        for (int first = 0; first < users; first += roomSize) {
            List<Integer> members = new ArrayList<>();
            for (int i = first; i < Math.min(users, first + roomSize); i++) {
                members.add(i);
            }
            rooms.add(new Draft("c", members));
        }
        return named(rooms);
    }

    public static List<Population.Room> fromMix(int users, ActivityMix.Rooms mix, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ActivityMix.RoomsPerUser per = mix.roomsPerUser();
        // a mix with no memberships at all still needs somewhere to write: one channel each
        int channelsPerUser = per.channels() + per.privateGroups() + per.directMessages() == 0 ? 1 : per.channels();
        int size = Math.min(users, Math.max(MIN_NEIGHBOURHOOD, Math.max(largest(mix.channels()), largest(mix.privateGroups()))));
        int neighbourhoods = Math.max(1, users / Math.max(1, size));
        List<Draft> rooms = new ArrayList<>();
        for (int n = 0; n < neighbourhoods; n++) {
            List<Integer> team = new ArrayList<>();
            for (int u = n; u < users; u += neighbourhoods) {
                team.add(u);
            }
            if (team.size() < 2) {
                rooms.add(new Draft("c", team)); // a population of one: a room of one to write in
                continue;
            }
            deal(team, channelsPerUser, mix.channels(), "c", random, rooms);
            deal(team, per.privateGroups(), mix.privateGroups(), "p", random, rooms);
            pair(team, per.directMessages(), random, rooms);
        }
        return named(rooms);
    }

    private static int largest(ActivityMix.RoomClass c) {
        return c.sizes().stream().mapToInt(ActivityMix.RoomSize::members).max().orElse(2);
    }

    /** {@code perUser} memberships for each of {@code team}, in rooms of {@code c}'s sizes, by message share. */
    private static void deal(List<Integer> team, int perUser, ActivityMix.RoomClass c, String type,
                             SplittableRandom random, List<Draft> out) {
        if (perUser == 0) {
            return;
        }
        List<Integer> order = shuffled(team, random);
        int slots = team.size() * perUser;
        int cursor = 0;
        for (ActivityMix.RoomSize s : c.sizes()) {
            int members = Math.min(team.size(), Math.max(2, s.members()));
            long count = Math.round(slots * s.share() / members);
            for (long r = 0; r < count; r++) {
                List<Integer> room = new ArrayList<>(members);
                for (int k = 0; k < members; k++) {
                    room.add(order.get(cursor));
                    cursor = (cursor + 1) % order.size();
                }
                out.add(new Draft(type, room));
            }
        }
    }

    /** Direct messages: each user with the users 1..k places away in a shuffled ring (2k each, k = perUser/2 up). */
    private static void pair(List<Integer> team, int perUser, SplittableRandom random, List<Draft> out) {
        if (perUser == 0) {
            return;
        }
        List<Integer> ring = shuffled(team, random);
        int n = ring.size();
        if (n == 2) {
            out.add(new Draft("d", List.of(ring.get(0), ring.get(1))));
            return;
        }
        // distances up to (n-1)/2 keep every pair distinct
        int k = Math.min((perUser + 1) / 2, (n - 1) / 2);
        for (int d = 1; d <= k; d++) {
            for (int i = 0; i < n; i++) {
                out.add(new Draft("d", List.of(ring.get(i), ring.get((i + d) % n))));
            }
        }
    }

    private static List<Integer> shuffled(List<Integer> team, SplittableRandom random) {
        List<Integer> order = new ArrayList<>(team);
        for (int i = order.size() - 1; i > 0; i--) {
            java.util.Collections.swap(order, i, random.nextInt(i + 1));
        }
        return order;
    }

    /** A room before naming: its type and members. */
    private record Draft(String type, List<Integer> members) {
    }

    /** Channels and groups named {@code loadtest-<hash of the layout>-<m>}; direct messages have no name. */
    private static List<Population.Room> named(List<Draft> layout) {
        int hash = 17;
        for (Draft r : layout) {
            hash = 31 * hash + r.type().hashCode();
            for (int m : r.members()) {
                hash = 31 * hash + m;
            }
        }
        String prefix = "loadtest-" + Integer.toString(hash & 0xfffff, 36) + "-";
        List<Population.Room> rooms = new ArrayList<>();
        int named = 0;
        for (Draft r : layout) {
            rooms.add(new Population.Room(r.type().equals("d") ? null : prefix + named++, r.type(), r.members()));
        }
        return rooms;
    }
}
