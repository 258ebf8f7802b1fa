package io.rcbench.job;

import io.rcbench.profile.ActivityMix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays users out in rooms. From a mix: each room's type is drawn by the channels' and private groups' message shares
 * (direct messages are not simulated yet: their share goes to the other two), its size from that type's size
 * distribution (capped by the users left); consecutive accounts fill it, so active and idle accounts (spread evenly
 * over the connected ones) meet in every room. Deterministic for a seed.
 */
public final class RoomLayout {
    private RoomLayout() {
    }

    public static List<Population.Room> uniform(int users, int roomSize) {
        if (roomSize < 2) {
            throw new IllegalArgumentException("rooms need at least 2 members");
        }
        List<int[]> rooms = new ArrayList<>();
        for (int first = 0; first < users; first += roomSize) {
            rooms.add(new int[] {0, first, Math.min(users, first + roomSize)});
        }
        return named(rooms);
    }

    public static List<Population.Room> fromMix(int users, ActivityMix.Rooms mix, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double channels = mix.channels().messageShare();
        double groups = mix.privateGroups().messageShare();
        double channelShare = channels + groups == 0 ? 1 : channels / (channels + groups);
        List<int[]> rooms = new ArrayList<>();
        int first = 0;
        while (first < users) {
            boolean channel = random.nextDouble() < channelShare;
            ActivityMix.RoomClass c = channel ? mix.channels() : mix.privateGroups();
            int size = drawSize(c, random);
            int end = Math.min(users, first + size);
            if (users - end == 1) {
                end = users; // never leave one user alone in a room of one
            }
            rooms.add(new int[] {channel ? 0 : 1, first, end});
            first = end;
        }
        return named(rooms);
    }

    /** Rooms {type (0 channel, 1 group), first, end} named {@code loadtest-<hash of the layout>-<m>}. */
    private static List<Population.Room> named(List<int[]> layout) {
        int hash = 17;
        for (int[] r : layout) {
            hash = 31 * (31 * (31 * hash + r[0]) + r[1]) + r[2];
        }
        String prefix = "loadtest-" + Integer.toString(hash & 0xfffff, 36) + "-";
        List<Population.Room> rooms = new ArrayList<>();
        for (int[] r : layout) {
            rooms.add(room(prefix + rooms.size(), r[0] == 0 ? "c" : "p", r[1], r[2]));
        }
        return rooms;
    }

    private static int drawSize(ActivityMix.RoomClass c, SplittableRandom random) {
        double x = random.nextDouble();
        for (ActivityMix.RoomSize s : c.sizes()) {
            if ((x -= s.share()) < 0) {
                return Math.max(2, s.members());
            }
        }
        return Math.max(2, c.sizes().get(c.sizes().size() - 1).members());
    }

    private static Population.Room room(String name, String type, int from, int to) {
        List<Integer> members = new ArrayList<>();
        for (int i = from; i < to; i++) {
            members.add(i);
        }
        return new Population.Room(name, type, members);
    }
}
