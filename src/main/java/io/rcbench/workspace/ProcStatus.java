package io.rcbench.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields of Linux's {@code /proc/<pid>/status} that say what a process was given and used: its CPU affinity
 * ({@code Cpus_allowed_list}) and memory ({@code VmRSS}, {@code VmHWM}, in kB). Cold path.
 */
record ProcStatus(Map<String, String> fields) {
    /** {@code pid} is a number or {@code self}. */
    static ProcStatus of(String pid) throws IOException {
        Map<String, String> f = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                f.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return new ProcStatus(Map.copyOf(f));
    }

    /** The CPUs process {@code pid} may run on; without {@code /proc}, all the JVM sees. */
    static CpuSet cpus(String pid) throws IOException {
        if (!Files.isReadable(Path.of("/proc", pid, "status"))) {
            return CpuSet.parse("0-" + (Runtime.getRuntime().availableProcessors() - 1));
        }
        return of(pid).cpus();
    }

    CpuSet cpus() {
        String list = fields.get("Cpus_allowed_list");
        if (list == null) {
            throw new IllegalStateException("no Cpus_allowed_list in /proc status");
        }
        return CpuSet.parse(list);
    }

    /** A size field such as {@code VmHWM: 1636 kB} in kB, or -1 when absent. */
    long kb(String field) {
        String v = fields.get(field);
        return v == null ? -1 : Long.parseLong(v.split("\\s+")[0]);
    }
}
