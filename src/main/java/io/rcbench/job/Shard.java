package io.rcbench.job;

import io.rcbench.run.LoadPlan;
import io.rcbench.run.Population;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Injector {@code index} of {@code count} ({@code --shard i/N}). Users are dealt by neighbourhood (users who share
 * rooms, see {@link Population#neighbourhoods()}): neighbourhood k goes to shard k mod N with all its users, so each
 * message and all its deliveries are measured on one injector: delivery latency never mixes two clocks, and expected
 * and lost deliveries add up exactly over the shards. Bots (members of every channel and group, not counted as
 * receivers) are dealt round-robin.
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

    /** This shard's part of {@code all}, by the neighbourhoods of {@code population}. */
    public LoadPlan.Accounts of(LoadPlan.Accounts all, Population population) {
        if (count == 1) {
            return all;
        }
        List<List<Integer>> neighbourhoods = population.neighbourhoods();
        if (neighbourhoods.size() < count) {
            throw new IllegalArgumentException(count + " shards need at least " + count + " groups of users who share"
                + " no room with others; this population has " + neighbourhoods.size() + " (more users make more)");
        }
        Set<Integer> mine = new HashSet<>();
        for (int k = index; k < neighbourhoods.size(); k += count) {
            mine.addAll(neighbourhoods.get(k));
        }
        return new LoadPlan.Accounts(all.active().stream().filter(mine::contains).toList(),
            all.idle().stream().filter(mine::contains).toList(),
            all.bots().stream().filter(b -> b % count == index).toList());
    }

    /** Suffix of this shard's run folder, empty for a single injector. */
    public String suffix() {
        return count == 1 ? "" : "-shard" + index + "of" + count;
    }
}
