package io.rcbench.ddp.client;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/** A throwaway self-signed certificate for localhost / 127.0.0.1, made with the JDK's keytool (no extra library). */
record SelfSignedCerts(PrivateKey key, X509Certificate certificate) {
    static SelfSignedCerts create(Path dir) throws Exception {
        Path store = dir.resolve("test-" + System.nanoTime() + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "test", "-keyalg", "EC",
            "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
            "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit",
            "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        return new SelfSignedCerts((PrivateKey) ks.getKey("test", "changeit".toCharArray()),
            (X509Certificate) ks.getCertificate("test"));
    }

    SslContext serverContext() throws Exception {
        return SslContextBuilder.forServer(key, certificate).build();
    }
}
