package io.rcbench.run;

/** Why an action failed; the reasons errors are counted by in the summary, the timeline and the report. */
public enum ErrorReason {
    /** No answer within the action's timeout. */
    TIMEOUT("timeout"),
    /** The target refused with too-many-requests (DDP) or HTTP 429 (REST). */
    RATE_LIMITED("rate-limited"),
    /** The connection closed or could not be opened. */
    DISCONNECTED("disconnected"),
    /** The target answered with an error (Meteor error, HTTP 4xx/5xx other than 429). */
    SERVER_ERROR("server-error"),
    /** A frame or body that does not follow the protocol, or a DDP {@code error} frame (the server refused ours). */
    PROTOCOL_ERROR("protocol-error"),
    /** A frame the client could not decode (bad JSON, bad SockJS framing, a message without its fields). */
    MALFORMED_FRAME("malformed-frame"),
    /** A stream or connection listener of a simulated user threw: an event was lost inside rcbench. */
    LISTENER_ERROR("listener-error"),
    /** A failure inside rcbench itself (a bug: the report shows it so it is never hidden). */
    CLIENT_ERROR("client-error");

    private final String key;

    ErrorReason(String key) {
        this.key = key;
    }

    /** The name used in files and reports. */
    public String key() {
        return key;
    }
}
