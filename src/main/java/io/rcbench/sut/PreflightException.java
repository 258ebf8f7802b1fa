package io.rcbench.sut;

/** The target cannot be load-tested as asked; the message says what is wrong and what to do. No load was sent. */
public final class PreflightException extends Exception {
    private static final long serialVersionUID = 1L;

    public PreflightException(String message) {
        super(message);
    }

    public PreflightException(String message, Throwable cause) {
        super(message, cause);
    }
}
