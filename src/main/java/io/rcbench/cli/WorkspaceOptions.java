package io.rcbench.cli;

import io.rcbench.workspace.WorkspaceConfig;
import io.rcbench.workspace.fault.FaultConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that configure an embedded workspace, shared by the commands that start one. */
final class WorkspaceOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "3000", description = "HTTP/DDP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--metrics-port", defaultValue = "9458",
        description = "Prometheus port; 0 picks a free one, -1 turns metrics off (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = "--data-dir", defaultValue = "data/workspace", description = "Database and uploads (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--admin-user", defaultValue = "${env:RCBENCH_ADMIN_USER:-admin}",
        description = "Admin username (env RCBENCH_ADMIN_USER). The password comes from env RCBENCH_ADMIN_PASSWORD, "
            + "or is generated into <data-dir>/admin-password.")
    String adminUser;

    @Option(names = "--setting", description = "Override a setting at boot, ID=VALUE (repeatable), "
        + "e.g. API_Enable_Rate_Limiter=false.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--fault-latency", description = "Add latency to a DDP method, METHOD=DIST (repeatable); "
        + "DIST is fixed:20ms, uniform:10ms:30ms or exp:5ms[:OFFSET]; METHOD * means all.")
    List<String> faultLatency = List.of();

    @Option(names = "--fault-stall", description = "Stop all processing for DURATION every PERIOD, e.g. 200ms/5s.")
    String faultStall;

    @Option(names = "--fault-service", description = "Serve a DDP method from one server-wide FIFO queue with a fixed "
        + "service time, METHOD=DURATION (repeatable), e.g. sendMessage=20ms: a load-dependent capacity ceiling.")
    List<String> faultService = List.of();

    @Option(names = "--fault-drop", description = "Drop FRACTION of DDP connections every PERIOD, e.g. 0.1/30s.")
    String faultDrop;

    @Option(names = "--workers", description = "Worker threads for methods and REST (default: 2 x cores, at least 4).")
    Integer workers;

    WorkspaceConfig toConfig() {
        FaultConfig faults = FaultConfig.NONE;
        for (String spec : faultLatency) {
            faults = faults.withLatency(spec);
        }
        if (faultStall != null) {
            faults = faults.withStall(faultStall);
        }
        if (faultDrop != null) {
            faults = faults.withDrops(faultDrop);
        }
        for (String spec : faultService) {
            faults = faults.withService(spec);
        }
        WorkspaceConfig cfg = WorkspaceConfig.defaults(dataDir).withPorts(host, port, metricsPort)
            .withAdmin(adminUser, System.getenv("RCBENCH_ADMIN_PASSWORD")).withSettings(settings).withFaults(faults);
        if (workers != null) {
            cfg = new WorkspaceConfig(cfg.host(), cfg.port(), cfg.metricsPort(), cfg.dataDir(), cfg.adminUsername(),
                cfg.adminPassword(), cfg.settings(), cfg.faults(), workers);
        }
        return cfg;
    }
}
