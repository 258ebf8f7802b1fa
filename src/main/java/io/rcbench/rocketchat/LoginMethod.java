package io.rcbench.rocketchat;

/** How a session logs in (protocol section 2). */
public enum LoginMethod {
    /**
     * {@code POST /api/v1/login}, then DDP {@code login {resume: token}}: the portable recipe (monolith and
     * microservices, whose ddp-streamer accepts only resume) that Rocket.Chat's own load tester uses.
     */
    REST_THEN_RESUME,
    /** DDP {@code login} with the SHA-256 digest of the password: what the web client does on a monolith. */
    DDP_PASSWORD
}
