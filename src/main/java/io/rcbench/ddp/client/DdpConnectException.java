package io.rcbench.ddp.client;

/** The DDP handshake was refused: the server answered {@code failed} with the version it wants. */
public class DdpConnectException extends DdpException {
    private final String serverVersion;

    public DdpConnectException(String serverVersion) {
        super("the server refused DDP version 1 (it proposes " + serverVersion + ")");
        this.serverVersion = serverVersion;
    }

    public String serverVersion() {
        return serverVersion;
    }
}
