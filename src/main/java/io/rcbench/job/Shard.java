package io.rcbench.job;

import io.rcbench.run.LoadPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Injector {@code index} of {@code count} ({@code --shard i/N}). Rooms are dealt round-robin (room m to shard
 * m mod N) and every user goes with its room, so each message and all its deliveries are measured on one injector:
 * delivery latency never mixes two clocks, and expected and lost deliveries add up exactly over the shards. Bots
 * (members of every room) are dealt round-robin too.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is i/N with 0 <= i < N, got " + index + "/" + count);
        }
    }

    /** Parses {@code i/N}. */
    public static Shard parse(String text) {
        String[] p = text.split("/");
        try {
            if (p.length == 2) {
                return new Shard(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--shard takes i/N, e.g. 0/4, got '" + text + "'");
    }

    /** This shard's part of {@code all}, by the rooms of {@code population}. */
    public LoadPlan.Accounts of(LoadPlan.Accounts all, Population population) {
        if (count == 1) {
            return all;
        }
        if (population.rooms().size() < count) {
            throw new IllegalArgumentException(count + " shards need at least " + count + " rooms; the population has "
                + population.rooms().size());
        }
        Map<Integer, Integer> roomOf = new HashMap<>();
        for (int m = 0; m < population.rooms().size(); m++) {
            for (int u : population.rooms().get(m).members()) {
                roomOf.put(u, m);
            }
        }
        return new LoadPlan.Accounts(mine(all.active(), roomOf), mine(all.idle(), roomOf),
            all.bots().stream().filter(b -> b % count == index).toList());
    }

    private List<Integer> mine(List<Integer> accounts, Map<Integer, Integer> roomOf) {
        return accounts.stream().filter(u -> roomOf.getOrDefault(u, u) % count == index).toList();
    }

    /** Suffix of this shard's run folder, empty for a single injector. */
    public String suffix() {
        return count == 1 ? "" : "-shard" + index + "of" + count;
    }
}
