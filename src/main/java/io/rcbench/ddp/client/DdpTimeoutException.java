package io.rcbench.ddp.client;

import java.time.Duration;

/** A method call (or its {@code updated}) did not complete within its timeout; the connection is kept. */
public class DdpTimeoutException extends DdpException {
    public DdpTimeoutException(String what, Duration timeout) {
        super(what + " did not complete within " + timeout.toMillis() + " ms");
    }
}
