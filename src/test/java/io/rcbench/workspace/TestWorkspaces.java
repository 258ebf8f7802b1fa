package io.rcbench.workspace;

import io.rcbench.workspace.fault.FaultConfig;
import java.nio.file.Path;
import java.util.Map;

/** Workspaces for tests: loopback, free ports, a known admin, a temporary data directory. */
public final class TestWorkspaces {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-secret-pw";
    /** Rate limiters off, as Rocket.Chat's own e2e set-up does; tests of the limiters turn them on. */
    public static final Map<String, String> NO_LIMITS = WorkspaceConfig.NO_RATE_LIMITS;

    private TestWorkspaces() {
    }

    public static WorkspaceConfig config(Path dir) {
        return WorkspaceConfig.defaults(dir).withAdmin(ADMIN, ADMIN_PASSWORD).withPorts("127.0.0.1", 0, 0);
    }

    public static Workspace start(Path dir) {
        return Workspace.start(config(dir).withSettings(NO_LIMITS));
    }

    public static Workspace start(Path dir, FaultConfig faults) {
        return Workspace.start(config(dir).withSettings(NO_LIMITS).withFaults(faults));
    }
}
