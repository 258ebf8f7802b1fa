package io.rcbench.ddp.ws;

/** The server stopped reading and more than the allowed bytes queued up for it: the connection was dropped. */
public final class WriteBacklogException extends RuntimeException {
    public WriteBacklogException(long pendingBytes, long limitBytes) {
        super(pendingBytes + " bytes queued for a server that does not read (limit " + limitBytes + ")");
    }
}
