package io.rcbench.ddp.client;

/** A failure of the DDP connection itself (not a Meteor error returned by the server). */
public class DdpException extends RuntimeException {
    public DdpException(String message) {
        super(message);
    }

    public DdpException(String message, Throwable cause) {
        super(message, cause);
    }
}
