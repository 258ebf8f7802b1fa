package io.rcbench.workspace;

import java.util.OptionalLong;

/**
 * What a started workspace JVM was really given, read from the operating system and the JVM itself rather than
 * from what was asked for.
 *
 * @param cpus            the CPUs it may run on ({@code Cpus_allowed_list} of its process)
 * @param injectorCpus    the CPUs the injector (this JVM) may run on
 * @param heapMaxMb       the heap limit its JVM reports ({@code jvm_memory_max_bytes{area="heap"}}), empty when its
 *                        metrics could not be read
 * @param residentMb      resident memory now ({@code VmRSS})
 * @param peakResidentMb  peak resident memory so far ({@code VmHWM})
 * @param disk            the disk its data directory is on
 */
public record Observation(CpuSet cpus, CpuSet injectorCpus, OptionalLong heapMaxMb, long residentMb,
                          long peakResidentMb, String disk) {
    /** True when the workspace and the injector may run on a common CPU. */
    public boolean sharesCpus() {
        return cpus.overlaps(injectorCpus);
    }
}
