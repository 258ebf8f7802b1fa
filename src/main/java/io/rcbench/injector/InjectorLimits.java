package io.rcbench.injector;

import java.util.Optional;

/**
 * Whether a run fits in one injector process, decided before anything starts: the files it will hold against the
 * open-file limit, the source ports against the ephemeral range per local address, and, when the target is the
 * embedded workspace (a child process that inherits this process's limit), the workspace's side of every connection.
 * Pure: the limits are read by the caller ({@link HostLimits#self()}).
 */
public final class InjectorLimits {
    /** Files the embedded workspace opens besides its sockets: its database and journal, logs, jars, selectors. */
    public static final int WORKSPACE_FILES = 256;

    private InjectorLimits() {
    }

    /**
     * Why the run does not fit, in one line that says what to change (the open-file limit, the port range, local
     * addresses, or how many injector shards to use); empty when it fits.
     *
     * @param localAddresses the local addresses connections are spread over (0 or 1: the one the OS picks)
     * @param embedded       the target is the embedded workspace started by this process
     */
    public static Optional<String> refusal(ConnectionDemand d, HostLimits h, int localAddresses, boolean embedded) {
        long files = h.openNow() + d.files();
        if (files > h.openFiles()) {
            long room = h.openFiles() - h.openNow() - d.runFiles();
            String split = room < 1 ? "nothing fits under it"
                : "or split the run over " + ceil(d.sockets(), room) + " injector shards (--shard i/N with a common"
                + " --start-at; see docs/deployments.md)";
            return Optional.of(String.format("this injector would need %,d open files (%,d WebSocket sessions, %,d HTTP"
                + " connections, %,d for the run's files, %,d open already) but its open-file limit is %,d: raise it"
                + " (ulimit -n %d%s) %s", files, d.webSockets(), d.httpConnections(), d.runFiles(), h.openNow(),
                h.openFiles(), roundUp(files), hardNote(roundUp(files), h), split));
        }
        if (embedded) {
            long workspace = d.sockets() + (long) WORKSPACE_FILES;
            if (workspace > h.openFiles()) {
                return Optional.of(String.format("the embedded workspace inherits this process's open-file limit, %,d,"
                    + " but would hold %,d files (%,d connections, %,d of its own): raise it (ulimit -n %d%s) or run"
                    + " against a --target", h.openFiles(), workspace, d.sockets(), WORKSPACE_FILES,
                    roundUp(workspace), hardNote(roundUp(workspace), h)));
            }
        }
        int addresses = Math.max(1, localAddresses);
        long perAddress = ceil(d.ports(), addresses);
        if (perAddress > h.ephemeralPorts()) {
            long needed = ceil(d.ports(), h.ephemeralPorts());
            return Optional.of(String.format("this injector would use %,d source ports towards the target (%,d"
                + " connections, %,d left in TIME_WAIT by a minute of reconnects): %,d from each of %d local"
                + " address(es), but ip_local_port_range %d-%d gives %,d per address: give %d --local-addresses,"
                + " widen the range (sysctl -w net.ipv4.ip_local_port_range=\"1024 65535\") or split the run over %d"
                + " injector shards (--shard i/N)", d.ports(), d.sockets(), d.timeWaitPorts(), perAddress, addresses,
                h.portLow(), h.portHigh(), h.ephemeralPorts(), needed, ceil(d.ports(), (long) h.ephemeralPorts() * addresses)));
        }
        return Optional.empty();
    }

    /** A limit to suggest: the need plus a tenth, to the next thousand. */
    static long roundUp(long files) {
        return (files + files / 10 + 999) / 1000 * 1000;
    }

    private static String hardNote(long wanted, HostLimits h) {
        return wanted <= h.openFilesHard() ? "" : String.format(", above the hard limit %,d: as root, e.g. limits.conf"
            + " nofile, systemd LimitNOFILE=, docker --ulimit nofile=%d:%d", h.openFilesHard(), wanted, wanted);
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
