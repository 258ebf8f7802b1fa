package io.rcbench.cli;

import io.rcbench.bench.SessionsBench;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.ws.Compression;
import io.rcbench.rocketchat.LoginMethod;
import io.rcbench.workspace.Envelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rcbench sessions-bench}: how many idle web-client sessions one injector JVM holds, and at what cost. */
@Command(name = "sessions-bench", mixinStandardHelpOptions = true,
    description = "Benchmark: up to N logged-in sessions with a web client's 35 subscriptions, idle with heartbeats, against"
        + " the workspace in its own JVM; stops short of the open-file limit and the ephemeral ports and says why; prints"
        + " sessions held, threads, heap and RSS per session (whole process and marginal) and the connect rate.")
final class SessionsBenchCommand implements Callable<Integer> {
    @Option(names = "--sessions", defaultValue = "10000", description = "Sessions to hold (default: ${DEFAULT-VALUE}).")
    int sessions;
    @Option(names = "--io-threads", defaultValue = "2", description = "Client event-loop threads (default: ${DEFAULT-VALUE}).")
    int ioThreads;
    @Option(names = "--login-concurrency", defaultValue = "64", description = "Logins in flight (default: ${DEFAULT-VALUE}).")
    int loginConcurrency;
    @Option(names = "--idle-seconds", defaultValue = "60", description = "Idle phase with heartbeats (default: ${DEFAULT-VALUE}).")
    int idleSeconds;
    @Option(names = "--login", defaultValue = "REST_THEN_RESUME", description = "REST_THEN_RESUME or DDP_PASSWORD (default: ${DEFAULT-VALUE}).")
    LoginMethod login;
    @Option(names = "--compression", defaultValue = "SHARED_PER_THREAD",
        description = "permessage-deflate: NONE, PER_CONNECTION, SHARED_PER_THREAD (default: ${DEFAULT-VALUE}).")
    Compression compression;
    @Option(names = "--cores", defaultValue = "1", description = "Workspace envelope: CPUs (default: ${DEFAULT-VALUE}).")
    int cores;
    @Option(names = "--memory-mb", defaultValue = "3072", description = "Workspace envelope: heap MB (default: ${DEFAULT-VALUE}).")
    long memoryMb;
    @Option(names = "--bcrypt-cost", defaultValue = "4",
        description = "bcrypt cost of the seeded passwords; 10 is Meteor's but makes 10,000 logins take minutes (default: ${DEFAULT-VALUE}).")
    int bcryptCost;
    @Option(names = "--local-addresses", split = ",", converter = OptionConverters.LocalAddress.class,
        description = "Bind the DDP sockets to these local addresses in turn, e.g. 127.0.0.1,127.0.0.2 (default: the OS chooses).")
    java.util.List<java.net.InetAddress> localAddresses = new java.util.ArrayList<>();
    @Option(names = "--out", defaultValue = "target/sessions-bench.json") Path out;

    @Override
    public Integer call() throws Exception {
        var o = new SessionsBench.Options(sessions, ioThreads, loginConcurrency, idleSeconds, login, compression,
            new Envelope(cores, memoryMb), bcryptCost, localAddresses);
        // removed by the bench when it ends, however it ends
        Path data = Files.createTempDirectory("rcbench-sessions-");
        SessionsBench.Result r = new SessionsBench(Wiring.workspaceEntry()).run(o, data, System.out);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(SessionsBench.toJson(o, r)));
        System.out.println("written " + out);
        // 1: fewer sessions held than asked (the stop reason says why), a failure, or a session dropped while idling
        return r.failed() == 0 && r.connected() == r.requested() && r.stillConnected() == r.connected() ? 0 : 1;
    }
}
