package io.rcbench.workspace;

/**
 * How the CPUs this process may use are shared between the injector (this JVM) and a workspace JVM that wants
 * {@code cores} CPUs: when there are more CPUs than that, the workspace gets the last {@code cores} and the injector
 * the rest, so neither runs on the other's CPUs; otherwise the workspace gets what there is (never more than asked,
 * possibly fewer) and the two share. Pure.
 *
 * @param workspace the workspace JVM's CPUs
 * @param injector  the injector's CPUs (all of them when {@link #shared()})
 * @param shared    true when the two run on the same CPUs
 */
public record CpuSplit(CpuSet workspace, CpuSet injector, boolean shared) {
    public static CpuSplit of(CpuSet available, int cores) {
        if (available.size() > cores) {
            CpuSet ws = available.last(cores);
            return new CpuSplit(ws, available.minus(ws), false);
        }
        return new CpuSplit(available.last(cores), available, true);
    }
}
