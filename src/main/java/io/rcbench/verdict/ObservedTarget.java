package io.rcbench.verdict;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What was observed of the target, to compare with the profile's envelope: for the embedded workspace what its
 * process was really given (CPU affinity, the heap its JVM reports, peak resident memory, disk), for a real
 * workspace its {@code /api/info} and Prometheus endpoint. Every field is optional: what could not be observed is
 * reported as not checked.
 *
 * @param source               where the facts come from ({@code embedded workspace}, a URL)
 * @param product              {@code Rocket.Chat} or {@code rcbench-workspace}
 * @param cores                CPUs the target may use
 * @param memoryMb             memory limit (the embedded workspace's heap as its JVM reports it, a container limit)
 * @param residentMemoryMb     resident memory of the server process at check time
 * @param peakResidentMemoryMb peak resident memory of the server process over the run ({@code VmHWM})
 * @param cpuList              the CPUs the target may run on, in Linux's list form ({@code 0-3})
 * @param cpuSharing           how the target's CPUs relate to the injector's: empty when unknown (a remote target)
 * @param disk                 the disk the target writes to, as far as it could be found
 */
public record ObservedTarget(String source, Optional<String> product, Optional<String> version, OptionalInt instances,
                             OptionalDouble cores, OptionalLong memoryMb, OptionalLong residentMemoryMb,
                             OptionalLong peakResidentMemoryMb, Optional<String> cpuList,
                             Optional<CpuSharing> cpuSharing, Optional<String> disk) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})?\\s+(\\S+)");
    private static final Pattern VERSION = Pattern.compile("(?:^|,)\\s*version=\"([^\"]*)\"");

    /**
     * Whether the target and the injector run on common CPUs.
     *
     * @param injectorCpus the injector's CPUs, in list form
     * @param shared       true when they overlap
     */
    public record CpuSharing(String injectorCpus, boolean shared) {
    }

    /** Facts of a remote target without observations of its process. */
    public ObservedTarget(String source, Optional<String> product, Optional<String> version, OptionalInt instances,
                          OptionalDouble cores, OptionalLong memoryMb, OptionalLong residentMemoryMb) {
        this(source, product, version, instances, cores, memoryMb, residentMemoryMb, OptionalLong.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Facts of the embedded workspace as its process was observed.
     *
     * @param heapMb heap limit its JVM reports, empty when its metrics could not be read
     */
    public static ObservedTarget embedded(String version, String cpuList, int cpus, OptionalLong heapMb,
                                          long peakResidentMb, CpuSharing sharing, String disk) {
        return new ObservedTarget("embedded workspace", Optional.of("rcbench-workspace"), Optional.of(version),
            OptionalInt.of(1), OptionalDouble.of(cpus), heapMb, OptionalLong.empty(),
            peakResidentMb < 0 ? OptionalLong.empty() : OptionalLong.of(peakResidentMb), Optional.of(cpuList),
            Optional.of(sharing), Optional.of(disk));
    }

    /**
     * Facts from a Prometheus text exposition ({@code GET /metrics} of Rocket.Chat or the embedded workspace):
     * version from {@code rocketchat_info} / {@code rocketchat_version} / {@code rcbench_workspace_info}, instances
     * from {@code rocketchat_instance_count}, resident memory from {@code process_resident_memory_bytes}. Pure.
     */
    public static ObservedTarget fromPrometheus(String source, String exposition) {
        Optional<String> product = Optional.empty();
        Optional<String> version = Optional.empty();
        OptionalInt instances = OptionalInt.empty();
        OptionalLong rss = OptionalLong.empty();
        for (String line : exposition.split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            String name = m.group(1);
            String labels = m.group(3) == null ? "" : m.group(3);
            double value;
            try {
                value = Double.parseDouble(m.group(4));
            } catch (NumberFormatException e) {
                continue;
            }
            switch (name) {
                case "rocketchat_info", "rocketchat_version", "rcbench_workspace_info" -> {
                    Matcher v = VERSION.matcher(labels);
                    if (v.find()) {
                        version = Optional.of(v.group(1));
                    }
                    product = Optional.of(name.startsWith("rcbench") ? "rcbench-workspace" : "Rocket.Chat");
                }
                case "rocketchat_instance_count" -> instances = OptionalInt.of((int) value);
                case "process_resident_memory_bytes" -> rss = OptionalLong.of((long) (value / (1024 * 1024)));
                default -> {
                }
            }
        }
        return new ObservedTarget(source, product, version, instances, OptionalDouble.empty(), OptionalLong.empty(), rss);
    }
}
