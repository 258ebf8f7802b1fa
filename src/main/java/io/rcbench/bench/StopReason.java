package io.rcbench.bench;

/**
 * Why {@link SessionsBench} stopped adding sessions, and the detail the user needs to act on it.
 *
 * @param kind   what stopped it
 * @param detail one line: the figures behind it and what to change
 */
public record StopReason(Kind kind, String detail) {
    /** What ended the ramp. */
    public enum Kind {
        /** Every requested session was held. */
        ALL_HELD,
        /** The next step would pass the injector's open-file limit (ulimit -n). */
        OPEN_FILE_LIMIT,
        /** The next step would pass the workspace process's open-file limit (it holds the server side of each). */
        WORKSPACE_OPEN_FILE_LIMIT,
        /** The local addresses have no ephemeral ports left towards the workspace. */
        EPHEMERAL_PORTS,
        /** Sessions of the last step failed (the first failure is in the detail). */
        FAILURES,
        /** Ctrl-C or SIGTERM. */
        INTERRUPTED
    }

    public StopReason {
        if (kind == null || detail == null) {
            throw new IllegalArgumentException("a stop reason needs a kind and a detail");
        }
    }

    @Override
    public String toString() {
        return kind + ": " + detail;
    }
}
