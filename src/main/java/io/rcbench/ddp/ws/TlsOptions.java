package io.rcbench.ddp.ws;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * How a {@code wss://} connection verifies the server. The default trusts the JDK's CA certificates and verifies
 * the host name. {@link #trusting} adds explicit certificates (for a self-signed test server) and still verifies the
 * host name; {@link #insecureTrustAll()} verifies nothing and exists only for throwaway test servers.
 */
public record TlsOptions(List<X509Certificate> trustedCertificates, boolean trustAll, boolean verifyHostname) {
    public static final TlsOptions DEFAULT = new TlsOptions(List.of(), false, true);

    public TlsOptions {
        trustedCertificates = List.copyOf(trustedCertificates);
        if (trustAll && !trustedCertificates.isEmpty()) {
            throw new IllegalArgumentException("trustAll and explicit certificates exclude each other");
        }
    }

    /** Trusts exactly these certificates (instead of the JDK's CAs), host names still verified. */
    public static TlsOptions trusting(X509Certificate... certificates) {
        if (certificates.length == 0) {
            throw new IllegalArgumentException("name at least one certificate to trust");
        }
        return new TlsOptions(List.of(certificates), false, true);
    }

    /** Accepts any certificate and host name: only for test servers on loopback. */
    public static TlsOptions insecureTrustAll() {
        return new TlsOptions(List.of(), true, false);
    }
}
