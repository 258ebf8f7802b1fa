package io.rcbench.cli;

import io.rcbench.workspace.info.WorkspaceInfo;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.Workspace;
import io.rcbench.workspace.seed.SeedResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rcbench workspace}: runs the embedded Rocket.Chat-compatible workspace until interrupted. */
@Command(name = "workspace", mixinStandardHelpOptions = true,
    description = "Run the embedded Rocket.Chat-compatible workspace (a protocol stand-in, not Rocket.Chat).")
final class WorkspaceCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOptions options = new WorkspaceOptions();

    @Mixin
    SeedOptions seed = new SeedOptions();

    @Option(names = "--ready-file", description = "Write {port, metricsPort} as JSON here once listening.")
    Path readyFile;

    @Option(names = "--exit-with-parent", description = "Stop when standard input reaches end-of-file: the process "
        + "that started this workspace holds it open, so the workspace ends with that process even after a kill -9.")
    boolean exitWithParent;

    @Override
    public Integer call() throws Exception {
        Workspace ws = Workspace.start(options.toConfig());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ws.close();
            stopped.countDown();
        }, "workspace-shutdown"));
        if (exitWithParent) {
            ParentWatch.start(System.in, () -> {
                System.out.println("standard input closed: the parent process is gone, stopping");
                System.exit(0); // runs the shutdown hook above, which flushes the database
            });
        }
        if (seed.any()) {
            SeedResult r = ws.seeder().seed(seed.toPlan());
            System.out.printf("seeded %d users, %d rooms, %d bots, %d webhooks in %d ms%n", r.usersCreated(), r.roomsCreated(),
                r.botsCreated(), r.webhooksCreated(), r.elapsedMs());
        }
        System.out.printf("%s %s (speaks %s) listening on %s, metrics on port %d%n", WorkspaceInfo.PRODUCT, WorkspaceInfo.version(),
            WorkspaceInfo.PROTOCOL_LINE, ws.baseUri(), ws.metricsPort());
        if (readyFile != null) {
            Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
            Files.writeString(tmp, Json.write(Json.object().put("port", ws.port()).put("metricsPort", ws.metricsPort())));
            Files.move(tmp, readyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        stopped.await();
        return 0;
    }
}
