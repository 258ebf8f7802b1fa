package io.rcbench.workspace;

import io.rcbench.workspace.fault.FaultConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to run a workspace. {@code port} 0 and {@code metricsPort} 0 pick free ports; {@code metricsPort} -1
 * turns the metrics endpoint off. {@code adminPassword} null generates one and writes it to
 * {@code <dataDir>/admin-password} (owner-only), never to the log. {@code settings} overrides stored settings
 * at boot, like Rocket.Chat's OVERWRITE_SETTING_*.
 */
public record WorkspaceConfig(String host, int port, int metricsPort, Path dataDir, String adminUsername,
                              String adminPassword, Map<String, String> settings, FaultConfig faults, int workerThreads) {
    public WorkspaceConfig {
        settings = Map.copyOf(settings);
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1");
        }
    }

    /** Loopback, free ports, no faults, admin "admin" with a generated password. */
    /**
     * Settings that switch every rate limiter off (REST and the five DDP rules), as Rocket.Chat's own e2e set-up
     * does; the 5 messages per second rule of sendMessage stays, as on a real server.
     */
    public static final java.util.Map<String, String> NO_RATE_LIMITS = java.util.Map.of("API_Enable_Rate_Limiter",
        "false", "DDP_Rate_Limit_IP_Enabled", "false", "DDP_Rate_Limit_User_Enabled", "false",
        "DDP_Rate_Limit_Connection_Enabled", "false", "DDP_Rate_Limit_User_By_Method_Enabled", "false",
        "DDP_Rate_Limit_Connection_By_Method_Enabled", "false");

    public static WorkspaceConfig defaults(Path dataDir) {
        return new WorkspaceConfig("127.0.0.1", 0, 0, dataDir, "admin", null, Map.of(), FaultConfig.NONE,
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    public WorkspaceConfig withAdmin(String username, String password) {
        return new WorkspaceConfig(host, port, metricsPort, dataDir, username, password, settings, faults, workerThreads);
    }

    public WorkspaceConfig withSettings(Map<String, String> overrides) {
        return new WorkspaceConfig(host, port, metricsPort, dataDir, adminUsername, adminPassword, overrides, faults, workerThreads);
    }

    public WorkspaceConfig withFaults(FaultConfig f) {
        return new WorkspaceConfig(host, port, metricsPort, dataDir, adminUsername, adminPassword, settings, f, workerThreads);
    }

    public WorkspaceConfig withPorts(String newHost, int newPort, int newMetricsPort) {
        return new WorkspaceConfig(newHost, newPort, newMetricsPort, dataDir, adminUsername, adminPassword, settings, faults,
            workerThreads);
    }
}
