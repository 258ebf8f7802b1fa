package io.rcbench.workspace.info;

import io.rcbench.build.BuildInfo;

/**
 * What the embedded workspace says it is ({@code /api/info}, the {@code X-Powered-By} header, its metrics). A leaf
 * of the workspace, so its root and its rest/http/metrics packages can all name these without a cycle.
 */
public final class WorkspaceInfo {
    public static final String PRODUCT = "rcbench-workspace";
    /** The Rocket.Chat version line whose protocol this stand-in speaks (the {@code version} clients check). */
    public static final String PROTOCOL_VERSION = "8.8.0";
    public static final String PROTOCOL_LINE = "Rocket.Chat 8.8 (DDP 1, REST v1)";

    private WorkspaceInfo() {
    }

    /** rcbench's version (the workspace ships with it). */
    public static String version() {
        return BuildInfo.version();
    }
}
