package io.rcbench.injector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The limits a process runs under, as Linux reports them: its open-file limit ({@code Max open files} in
 * {@code /proc/<pid>/limits}: the soft limit, which the JVM raises to the hard one at start-up), the files it has
 * open now ({@code /proc/<pid>/fd}), and the machine's ephemeral port range ({@code net.ipv4.ip_local_port_range}),
 * the source ports one local address can use towards one target address and port.
 *
 * @param openFiles     soft open-file limit ({@link Long#MAX_VALUE} for unlimited)
 * @param openFilesHard hard open-file limit: how far {@code ulimit -n} may raise the soft one without root
 * @param openNow       descriptors open when read
 * @param portLow       first ephemeral port
 * @param portHigh      last ephemeral port
 */
public record HostLimits(long openFiles, long openFilesHard, long openNow, int portLow, int portHigh) {
    private static final Path PORT_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    public HostLimits {
        if (openFiles < 1 || openFilesHard < openFiles || openNow < 0 || portLow < 1 || portHigh < portLow) {
            throw new IllegalArgumentException("limits out of range: files " + openFiles + "/" + openFilesHard
                + ", open " + openNow + ", ports " + portLow + "-" + portHigh);
        }
    }

    /** This process. */
    public static HostLimits self() throws IOException {
        return of("self");
    }

    /** Process {@code pid} ("self" or a number) of the same user. */
    public static HostLimits of(String pid) throws IOException {
        Path proc = Path.of("/proc", pid);
        long[] files = openFileLimits(read(proc.resolve("limits")));
        int[] ports = portRange(read(PORT_RANGE));
        return new HostLimits(files[0], files[1], openFiles(proc), ports[0], ports[1]);
    }

    /**
     * The text of a {@code /proc} file. Not {@code Files.readString}: it trusts the size the file reports, and a
     * sysctl file then yields its first byte only ("3" for "32768 60999").
     */
    private static String read(Path p) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(p)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    /** Descriptors open in {@code /proc/<pid>} now (the listing's own descriptor is not counted). */
    static long openFiles(Path proc) throws IOException {
        try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
            return Math.max(0, fds.count() - 1);
        }
    }

    /** Usable source ports per local address and target. */
    public int ephemeralPorts() {
        return portHigh - portLow + 1;
    }

    /** Files this process may still open. */
    public long filesLeft() {
        return Math.max(0, openFiles - openNow);
    }

    /** Soft and hard limit from the text of a {@code limits} file; fails when the line is missing. */
    static long[] openFileLimits(String limits) {
        for (String line : limits.split("\n")) {
            if (line.startsWith("Max open files")) {
                String[] f = line.substring("Max open files".length()).trim().split("\\s+");
                return new long[] {number(f[0]), number(f[1])};
            }
        }
        throw new IllegalArgumentException("no 'Max open files' line in the limits text: not Linux /proc?");
    }

    /** First and last port from the text of {@code ip_local_port_range} ("32768\t60999"). */
    static int[] portRange(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length != 2) {
            throw new IllegalArgumentException("ip_local_port_range is not 'low high': " + text.trim());
        }
        return new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])};
    }

    private static long number(String s) {
        return s.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(s);
    }
}
