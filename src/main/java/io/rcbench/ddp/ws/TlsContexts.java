package io.rcbench.ddp.ws;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;

/** Builds client {@link SslContext}s (JDK provider) from {@link TlsOptions}; building is costly, so callers cache. */
public final class TlsContexts {
    private TlsContexts() {
    }

    public static SslContext build(TlsOptions options) {
        try {
            SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
            if (options.trustAll()) {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (!options.trustedCertificates().isEmpty()) {
                b.trustManager(options.trustedCertificates().toArray(new X509Certificate[0]));
            }
            b.endpointIdentificationAlgorithm(options.verifyHostname() ? "HTTPS" : null);
            return b.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build a TLS client context: " + e.getMessage(), e);
        }
    }
}
