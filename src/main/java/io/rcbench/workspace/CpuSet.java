package io.rcbench.workspace;

import java.util.List;
import java.util.TreeSet;

/**
 * A set of CPU numbers in Linux's list form ({@code 0-3,6}), as in {@code /proc/<pid>/status}'s
 * {@code Cpus_allowed_list} and taskset's {@code -c}. Immutable.
 */
public record CpuSet(List<Integer> cpus) {
    public CpuSet {
        cpus = List.copyOf(new TreeSet<>(cpus));
        if (cpus.isEmpty() || cpus.get(0) < 0) {
            throw new IllegalArgumentException("a CPU set needs at least one CPU number >= 0");
        }
    }

    /** Parses {@code 0-3,6}; fails on anything else. */
    public static CpuSet parse(String list) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : list.trim().split(",")) {
            String[] r = part.trim().split("-");
            int from = Integer.parseInt(r[0].trim());
            int to = r.length > 1 ? Integer.parseInt(r[1].trim()) : from;
            for (int c = from; c <= to; c++) {
                out.add(c);
            }
        }
        return new CpuSet(List.copyOf(out));
    }

    public int size() {
        return cpus.size();
    }

    /** The last {@code n} CPUs (all when there are fewer). */
    public CpuSet last(int n) {
        return new CpuSet(cpus.subList(Math.max(0, cpus.size() - n), cpus.size()));
    }

    /** These CPUs without {@code other}'s; fails when none would be left. */
    public CpuSet minus(CpuSet other) {
        return new CpuSet(cpus.stream().filter(c -> !other.cpus.contains(c)).toList());
    }

    public boolean overlaps(CpuSet other) {
        return cpus.stream().anyMatch(other.cpus::contains);
    }

    /** Linux's list form, ranges joined: {@code 0-3,6}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < cpus.size()) {
            int j = i;
            while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) {
                j++;
            }
            b.append(b.length() == 0 ? "" : ",").append(cpus.get(i)).append(i == j ? "" : "-" + cpus.get(j));
            i = j + 1;
        }
        return b.toString();
    }
}
