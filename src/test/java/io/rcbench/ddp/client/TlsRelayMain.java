package io.rcbench.ddp.client;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: a TLS-terminating relay in its own JVM, for {@link IdleConnectionsProbe}'s wss mode. Arguments: the
 * workspace port and a directory; writes {@code relay.crt} (DER) and then {@code relay.port}, and runs until its
 * standard input closes (the probe ends it).
 */
public final class TlsRelayMain {
    private TlsRelayMain() {
    }

    public static void main(String[] args) throws Exception {
        int target = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        SelfSignedCerts certs = SelfSignedCerts.create(dir);
        try (TcpRelay relay = new TcpRelay(target, certs.serverContext())) {
            Files.write(dir.resolve("relay.crt"), certs.certificate().getEncoded());
            Files.writeString(dir.resolve("relay.port.tmp"), Integer.toString(relay.port()));
            Files.move(dir.resolve("relay.port.tmp"), dir.resolve("relay.port"));
            while (System.in.read() >= 0) {
                // runs until the parent closes our stdin or exits
            }
        }
    }
}
