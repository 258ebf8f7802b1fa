package io.rcbench.bench;

import io.rcbench.injector.HostLimits;

/**
 * How many sessions the next step of {@link SessionsBench}'s ramp may open without passing a limit: each session holds
 * one descriptor in the injector and one in the workspace process (the server side of its socket), and one source port
 * of a local address. A reserve stays free on both sides for what is not a session: the REST pool and the logins in
 * flight, the workspace's store, the JVMs' own files, reading {@code /proc}. Stopping short of the limit is what lets
 * the bench still report: at the limit itself even reading {@code /proc/self/status} fails. Pure.
 */
final class SessionBudget {
    /** Descriptors kept free on each side besides the logins in flight. */
    static final int RESERVE = 64;

    private SessionBudget() {
    }

    /** Sessions the step may open ({@code <= want}) and, when fewer than wanted fit, the limit that stops the ramp. */
    record Fit(int sessions, StopReason limit) {
    }

    /**
     * @param want      sessions the step would open
     * @param injector  this process's limits and descriptors now
     * @param workspace the workspace process's
     * @param inFlight  logins in flight at once (each may hold a REST connection besides its socket)
     * @param held      sessions held now
     * @param addresses local addresses the sessions spread over (at least 1)
     */
    static Fit next(int want, HostLimits injector, HostLimits workspace, int inFlight, int held, int addresses) {
        long reserve = RESERVE + (long) inFlight;
        long self = injector.filesLeft() - reserve;
        long server = workspace.filesLeft() - reserve;
        long ports = (long) injector.ephemeralPorts() * Math.max(1, addresses) - held - inFlight;
        if (self < want && self <= server && self <= ports) {
            return new Fit((int) Math.max(0, self), new StopReason(StopReason.Kind.OPEN_FILE_LIMIT, String.format(
                "the injector has %,d files open of its open-file limit %,d (ulimit -n; hard limit %,d), %,d kept free"
                + " for the REST pool, logins in flight and its own files: raise ulimit -n to hold more",
                injector.openNow(), injector.openFiles(), injector.openFilesHard(), reserve)));
        }
        if (server < want && server <= ports) {
            return new Fit((int) Math.max(0, server), new StopReason(StopReason.Kind.WORKSPACE_OPEN_FILE_LIMIT,
                String.format("the workspace process has %,d files open of its open-file limit %,d (it holds the server"
                + " side of every session), %,d kept free: raise ulimit -n (both processes share it)",
                workspace.openNow(), workspace.openFiles(), reserve)));
        }
        if (ports < want) {
            return new Fit((int) Math.max(0, ports), new StopReason(StopReason.Kind.EPHEMERAL_PORTS, String.format(
                "%,d sessions from %d local address(es) use up the ephemeral ports %d-%d (%,d per address): give more"
                + " --local-addresses or widen net.ipv4.ip_local_port_range", held, Math.max(1, addresses),
                injector.portLow(), injector.portHigh(), injector.ephemeralPorts())));
        }
        return new Fit(want, null);
    }

    /** Whether a login failed on a kernel limit (descriptors, source ports) rather than on the target. */
    static boolean isLimit(String failure) {
        return failure != null && (failure.contains("Too many open files")
            || failure.contains("Cannot assign requested address") || failure.contains("Address already in use"));
    }

    /** The stop reason of failed logins: a limit the kernel reported, or the failure as it came. */
    static StopReason ofFailure(String failure) {
        if (failure.contains("Too many open files")) {
            return new StopReason(StopReason.Kind.OPEN_FILE_LIMIT, "sessions failed on the open-file limit, " + failure + ": raise"
                + " ulimit -n");
        }
        if (failure.contains("Cannot assign requested address") || failure.contains("Address already in use")) {
            return new StopReason(StopReason.Kind.EPHEMERAL_PORTS, "sessions failed on the ephemeral ports, " + failure + ": give"
                + " more --local-addresses or widen net.ipv4.ip_local_port_range");
        }
        return new StopReason(StopReason.Kind.FAILURES, "sessions failed, " + failure);
    }
}
