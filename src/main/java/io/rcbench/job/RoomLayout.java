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
        List<Population.Room> rooms = new ArrayList<>();
        for (int first = 0; first < users; first += roomSize) {
            rooms.add(room(rooms.size(), "c", first, Math.min(users, first + roomSize)));
        }
        return rooms;
    }

    public static List<Population.Room> fromMix(int users, ActivityMix.Rooms mix, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double channels = mix.channels().messageShare();
        double groups = mix.privateGroups().messageShare();
        double channelShare = channels + groups == 0 ? 1 : channels / (channels + groups);
        List<Population.Room> rooms = new ArrayList<>();
        int first = 0;
        while (first < users) {
            boolean channel = random.nextDouble() < channelShare;
            ActivityMix.RoomClass c = channel ? mix.channels() : mix.privateGroups();
            int size = drawSize(c, random);
            int end = Math.min(users, first + size);
            if (users - end == 1) {
                end = users; // never leave one user alone in a room of one
            }
            rooms.add(room(rooms.size(), channel ? "c" : "p", first, end));
            first = end;
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

    private static Population.Room room(int m, String type, int from, int to) {
        List<Integer> members = new ArrayList<>();
        for (int i = from; i < to; i++) {
            members.add(i);
        }
        return new Population.Room(Population.roomName(m), type, members);
    }
}
