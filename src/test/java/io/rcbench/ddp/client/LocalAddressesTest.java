package io.rcbench.ddp.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.ddp.ws.LocalAddresses;
import io.rcbench.workspace.TestWorkspaces;
import io.rcbench.workspace.Workspace;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections spread over the local addresses given, seen from the kernel's side: the workspace's established
 * sockets in {@code /proc/net/tcp(6)} come from both loopback addresses, half each.
 */
class LocalAddressesTest {
    @TempDir
    Path dir;

    @Test
    void spreadsDdpConnectionsOverTwoLoopbackAddresses() throws Exception {
        List<InetAddress> two = List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"));
        List<DdpClient> open = new ArrayList<>();
        try (Workspace ws = TestWorkspaces.start(dir);
             DdpClients clients = DdpClients.create(1, LocalAddresses.of(two))) {
            DdpClientConfig cfg = DdpClientConfig.of(URI.create("ws://127.0.0.1:" + ws.port()));
            for (int i = 0; i < 6; i++) {
                DdpClient c = clients.newClient(cfg);
                open.add(c);
                c.connect().get(10, TimeUnit.SECONDS);
            }
            assertThat(peersOf(ws.port())).isEqualTo(Map.of("127.0.0.1", 3, "127.0.0.2", 3));
            open.forEach(DdpClient::close);
        }
    }

    /** Remote addresses of the established connections accepted on {@code port}, with their counts. */
    static Map<String, Integer> peersOf(int port) throws Exception {
        Map<String, Integer> peers = new TreeMap<>();
        // a JVM's sockets are IPv6 ones that carry IPv4 (::ffff:127.0.0.1): they are listed in tcp6
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
        lines.addAll(Files.readAllLines(Path.of("/proc/net/tcp6")));
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            // sl local_address rem_address st ...: hex address:port, 01 is ESTABLISHED; an IPv4 address (or the
            // IPv4 in an IPv4-mapped IPv6 one) is the last 8 hex digits, least significant byte first
            if (f.length < 4 || !f[1].contains(":") || !f[3].equals("01")
                || Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) != port) {
                continue;
            }
            String hex = f[2].substring(0, f[2].indexOf(':'));
            long ip = Long.parseLong(hex.substring(hex.length() - 8), 16);
            String a = (ip & 0xff) + "." + (ip >> 8 & 0xff) + "." + (ip >> 16 & 0xff) + "." + (ip >> 24 & 0xff);
            peers.merge(a, 1, Integer::sum);
        }
        return peers;
    }
}
