package io.rcbench.ddp.client;

/** Fails pending calls and subscriptions when the connection ends, and calls made while it is down. */
public class DisconnectedException extends DdpException {
    private final DisconnectReason reason;
    private final int closeCode;

    public DisconnectedException(DisconnectReason reason, int closeCode, String detail) {
        super("DDP connection closed (" + reason + ", code " + closeCode + (detail == null || detail.isEmpty() ? "" : ", " + detail) + ")");
        this.reason = reason;
        this.closeCode = closeCode;
    }

    public DisconnectedException(String message) {
        super(message);
        this.reason = null;
        this.closeCode = -1;
    }

    /** Why the connection ended, or null when the call was made while not connected. */
    public DisconnectReason reason() {
        return reason;
    }

    public int closeCode() {
        return closeCode;
    }
}
